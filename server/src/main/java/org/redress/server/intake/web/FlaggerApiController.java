package org.redress.server.intake.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.intake.FlaggerDetails;
import org.redress.server.intake.TrustedFlagger;
import org.redress.server.intake.TrustedFlaggers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trusted-flagger register over HTTP (EU DSA Art. 22; ADR 0032). Compliance staff add entries
 * and record changes, each a new version; auditors read the register and every version. The FLAGGER
 * keys an entry lists are issued by administrators as before.
 */
@RestController
@RequestMapping("/api/v1/flaggers")
class FlaggerApiController {

    /**
     * One version of an entry, with the entry's standing today.
     *
     * @param until the last day of the status, or null while no end is set
     * @param standingToday {@code CURRENT}, {@code NOT_YET} or {@code EXPIRED}
     */
    record FlaggerView(
            String id,
            int version,
            String organisation,
            String awardedBy,
            String expertise,
            String contact,
            String since,
            @Nullable String until,
            List<String> apiKeys,
            String standingToday,
            String recordedBy,
            Instant recordedAt) {

        static FlaggerView of(TrustedFlagger f, TrustedFlaggers flaggers) {
            return new FlaggerView(
                    f.id(),
                    f.version(),
                    f.organisation(),
                    f.awardedBy(),
                    f.expertise(),
                    f.contact(),
                    f.since().toString(),
                    f.until().map(Object::toString).orElse(null),
                    f.apiKeys(),
                    flaggers.standingToday(f).name(),
                    f.recordedBy(),
                    f.recordedAt());
        }
    }

    record FlaggerList(List<FlaggerView> flaggers) {}

    private final TrustedFlaggers flaggers;

    FlaggerApiController(TrustedFlaggers flaggers) {
        this.flaggers = flaggers;
    }

    @GetMapping
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    FlaggerList register() {
        return new FlaggerList(flaggers.register().stream()
                .map(f -> FlaggerView.of(f, flaggers))
                .toList());
    }

    @PostMapping
    @Allow(Role.COMPLIANCE)
    ResponseEntity<FlaggerView> add(@RequestBody FlaggerDetails body, Authentication caller) {
        TrustedFlagger added = flaggers.add(Callers.actorOf(caller), body);
        return ResponseEntity.created(URI.create("/api/v1/flaggers/" + added.id()))
                .body(FlaggerView.of(added, flaggers));
    }

    @GetMapping("/{id}")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    FlaggerView entry(@PathVariable String id) {
        return FlaggerView.of(flaggers.entry(id), flaggers);
    }

    @PutMapping("/{id}")
    @Allow(Role.COMPLIANCE)
    FlaggerView change(@PathVariable String id, @RequestBody FlaggerDetails body, Authentication caller) {
        return FlaggerView.of(flaggers.change(Callers.actorOf(caller), id, body), flaggers);
    }

    @GetMapping("/{id}/versions")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    List<FlaggerView> history(@PathVariable String id) {
        return flaggers.history(id).stream()
                .map(f -> FlaggerView.of(f, flaggers))
                .toList();
    }
}
