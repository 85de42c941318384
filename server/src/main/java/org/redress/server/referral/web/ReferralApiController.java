package org.redress.server.referral.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.referral.Referral;
import org.redress.server.referral.ReferralReferenceInvalidException;
import org.redress.server.referral.ReferralWithdrawalInvalidException;
import org.redress.server.referral.Referrals;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.shared.CaseRef;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals for compliance staff and senior moderators (who decide child sexual abuse cases): a
 * case's referrals with their state and the agency's report id. Taking out a built report and
 * recording a reference are {@code COMPLIANCE} only: the report names the uploader. So is withdrawing
 * a referral before it is finished: compliance answers for what is reported to the agencies.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralApiController {

    record ReferenceBody(@Nullable String reference) {}

    record WithdrawalBody(@Nullable String reason) {}

    record ReferralView(
            String id,
            String caseId,
            String agency,
            String state,
            String decidedBy,
            Instant createdAt,
            @Nullable String reportId,
            @Nullable Instant submittedAt,
            @Nullable Instant finishedAt,
            Instant retainUntil,
            int attempts,
            @Nullable String lastError,
            List<Referral.Step> steps) {

        static ReferralView of(Referral r) {
            return new ReferralView(
                    r.id(),
                    r.caseRef().value(),
                    r.agency().name(),
                    r.state().name(),
                    r.decidedBy(),
                    r.createdAt(),
                    r.reportId().orElse(null),
                    r.submittedAt().orElse(null),
                    r.finishedAt().orElse(null),
                    r.retainUntil(),
                    r.attempts(),
                    r.lastError().orElse(null),
                    r.steps());
        }
    }

    private final Referrals referrals;

    ReferralApiController(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Allow({Role.COMPLIANCE, Role.SENIOR_MODERATOR})
    List<ReferralView> forCase(@RequestParam String caseId) {
        return referrals.forCase(ref(caseId)).stream().map(ReferralView::of).toList();
    }

    @GetMapping("/{id}/report")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<String> report(@PathVariable String id, Authentication caller) {
        Referrals.Report report = referrals.report(Callers.actorOf(caller), id);
        return ResponseEntity.ok()
                .contentType(
                        switch (report.agency()) {
                            case NCMEC -> MediaType.APPLICATION_XML;
                            case NCA -> MediaType.APPLICATION_JSON;
                        })
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(report.text());
    }

    @PostMapping("/{id}/reference")
    @Allow(Role.COMPLIANCE)
    ReferralView recordReference(
            @PathVariable String id, @RequestBody @Nullable ReferenceBody body, Authentication caller) {
        String reference = body == null ? null : body.reference();
        if (reference == null) {
            throw new ReferralReferenceInvalidException();
        }
        return ReferralView.of(referrals.recordReference(Callers.actorOf(caller), id, reference));
    }

    @PostMapping("/{id}/withdrawal")
    @Allow(Role.COMPLIANCE)
    ReferralView withdraw(@PathVariable String id, @RequestBody @Nullable WithdrawalBody body, Authentication caller) {
        String reason = body == null ? null : body.reason();
        if (reason == null) {
            throw new ReferralWithdrawalInvalidException();
        }
        return ReferralView.of(referrals.withdraw(Callers.actorOf(caller), id, reason));
    }

    private static CaseRef ref(String id) {
        try {
            return new CaseRef(id);
        } catch (IllegalArgumentException e) {
            throw new ReviewCaseNotFoundException();
        }
    }
}
