package org.redress.server.transparency.web.registers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.transparency.registers.AccountableIndividual;
import org.redress.server.transparency.registers.Measures;
import org.redress.server.transparency.registers.RegisterContent;
import org.redress.server.transparency.registers.RegisterKind;
import org.redress.server.transparency.registers.RegisterVersion;
import org.redress.server.transparency.registers.RegisterVersionNotFoundException;
import org.redress.server.transparency.registers.Registers;
import org.redress.server.transparency.registers.RiskAssessment;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registers over HTTP. Compliance staff, who answer to Ofcom for them, record new versions;
 * auditors read every version but change none, so their reading is independent of the people whose
 * work they check (ADR 0024). A new version never replaces an old one: it is added after it.
 */
@RestController
@RequestMapping("/api/v1/registers")
class RegistersApiController {

    /** A register with its current version, if any. */
    record RegisterSummary(
            String register, String title, @Nullable RegisterVersion current) {}

    record RegisterList(List<RegisterSummary> registers) {}

    private final Registers registers;

    RegistersApiController(Registers registers) {
        this.registers = registers;
    }

    @GetMapping
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    RegisterList all() {
        List<RegisterSummary> all = new ArrayList<>();
        for (RegisterKind kind : RegisterKind.values()) {
            all.add(new RegisterSummary(
                    kind.slug(), kind.title(), registers.current(kind).orElse(null)));
        }
        return new RegisterList(all);
    }

    @GetMapping("/{register}")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    RegisterVersion current(@PathVariable String register) {
        return registers.current(kind(register)).orElseThrow(RegisterVersionNotFoundException::new);
    }

    @GetMapping("/{register}/versions")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    List<RegisterVersion> history(@PathVariable String register) {
        return registers.history(kind(register));
    }

    @GetMapping("/{register}/versions/{version}")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    RegisterVersion version(@PathVariable String register, @PathVariable String version) {
        return registers.version(kind(register), number(version));
    }

    @PostMapping("/risk-assessment/versions")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<RegisterVersion> recordRiskAssessment(
            @RequestBody @Nullable RiskAssessment body, Authentication caller) {
        return recorded(
                body == null ? new RiskAssessment(null, null, null, null, null, null, null, null, null, null) : body,
                caller);
    }

    @PostMapping("/measures/versions")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<RegisterVersion> recordMeasures(@RequestBody @Nullable Measures body, Authentication caller) {
        return recorded(body == null ? new Measures(null) : body, caller);
    }

    @PostMapping("/accountable-individual/versions")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<RegisterVersion> recordAccountableIndividual(
            @RequestBody @Nullable AccountableIndividual body, Authentication caller) {
        return recorded(body == null ? new AccountableIndividual(null, null, null, null, null) : body, caller);
    }

    private ResponseEntity<RegisterVersion> recorded(RegisterContent content, Authentication caller) {
        RegisterVersion version = registers.record(Callers.actorOf(caller), content);
        return ResponseEntity.created(
                        URI.create("/api/v1/registers/" + version.register() + "/versions/" + version.version()))
                .body(version);
    }

    static RegisterKind kind(String register) {
        return RegisterKind.ofSlug(register).orElseThrow(RegisterVersionNotFoundException::new);
    }

    static int number(String version) {
        try {
            int n = Integer.parseInt(version);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a version number: answered as an unknown version below
        }
        throw new RegisterVersionNotFoundException();
    }
}
