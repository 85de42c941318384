package org.redress.server.evidence.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.evidence.CaseHold;
import org.redress.server.evidence.ContentHold;
import org.redress.server.evidence.Deletion;
import org.redress.server.evidence.LegalHolds;
import org.redress.server.evidence.RetentionSweep;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal holds on content items, every hold standing or lapsed, and the retention sweep's deletion
 * log. Placing and lifting holds is {@code COMPLIANCE} only; auditors may read (ADR 0021).
 */
@RestController
@RequestMapping("/api/v1/evidence")
class HoldApiController {

    record ContentHoldBody(
            @Nullable String contentId,
            @Nullable String reason,
            @Nullable Instant until) {}

    record Holds(List<CaseHold> cases, List<ContentHold> content) {}

    private static final int LOGGED = 500;

    private final LegalHolds holds;
    private final RetentionSweep sweep;

    HoldApiController(LegalHolds holds, RetentionSweep sweep) {
        this.holds = holds;
        this.sweep = sweep;
    }

    @GetMapping("/holds")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    Holds list() {
        return new Holds(holds.caseHolds(), holds.contentHolds());
    }

    @PostMapping("/content-holds")
    @Allow(Role.COMPLIANCE)
    @ResponseStatus(HttpStatus.CREATED)
    ContentHold place(@RequestBody @Nullable ContentHoldBody body, Authentication caller) {
        return body == null
                ? holds.holdContent(Callers.actorOf(caller), null, null, null)
                : holds.holdContent(Callers.actorOf(caller), body.contentId(), body.reason(), body.until());
    }

    @DeleteMapping("/content-holds")
    @Allow(Role.COMPLIANCE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@RequestParam(name = "contentId", required = false) @Nullable String contentId, Authentication caller) {
        holds.releaseContent(Callers.actorOf(caller), contentId);
    }

    @GetMapping("/deletions")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    List<Deletion> deletions() {
        return sweep.deletions(LOGGED);
    }
}
