package org.redress.server.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.intake.ReportReason;
import org.redress.server.review.CaseFile;
import org.redress.server.review.Dashboard;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.ModeratorQueue;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.Outcome;
import org.redress.server.review.RecordedDecision;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCase;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.review.ReviewState;
import org.redress.server.shared.CaseRef;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The review queue, claims and decisions for moderators; the dashboard for compliance too. */
@RestController
@RequestMapping("/api/v1")
class ReviewApiController {

    record CaseView(
            String id,
            String caseRef,
            ReviewState state,
            String origin,
            @Nullable String linkedCase,
            String severity,
            String source,
            Instant receivedAt,
            Instant deadline,
            long remainingSeconds,
            boolean breached,
            @Nullable String claimedBy,
            @Nullable Instant claimExpiresAt,
            @Nullable Instant removedAt,
            long version,
            boolean urgent,
            @Nullable OffenceView offence) {

        static CaseView of(ReviewCase c, Instant now, Optional<ReportReason> reason) {
            Optional<String> claimant = c.claimantAt(now);
            return new CaseView(
                    c.ref().value(),
                    c.ref().value(),
                    c.state(),
                    c.origin().name(),
                    c.linkedCase().map(CaseRef::value).orElse(null),
                    c.severity().name(),
                    c.source().name(),
                    c.receivedAt(),
                    c.deadline(),
                    c.remainingAt(now).toSeconds(),
                    c.breachedAt(now),
                    claimant.orElse(null),
                    claimant.isPresent() ? c.claim().orElseThrow().expiresAt() : null,
                    c.removedAt().orElse(null),
                    c.version(),
                    reason.map(ReportReason::urgent).orElse(false),
                    reason.map(OffenceView::of).orElse(null));
        }
    }

    /** What the reports say happened, and how the law reads it (docs/report-reasons.md). */
    record OffenceView(
            ReportReason reason,
            ReportReason.Priority priority,
            ReportReason.OsaHarm osaHarm,
            String dsaCategory,
            String dsaKeyword) {
        static OffenceView of(ReportReason reason) {
            return new OffenceView(
                    reason, reason.priority(), reason.osaHarm(), reason.dsaCategory(), reason.dsaKeyword());
        }
    }

    record DecisionBody(
            @NotNull Outcome outcome,
            @Nullable RemovalBasis basis,

            @Nullable @Size(max = DecisionRequest.MAX_POLICY)
            String policy,

            @Nullable NoViolationReason reasonCode,

            @Nullable @Size(max = DecisionRequest.MAX_STATEMENT)
            String statement,

            @Nullable Long expectedVersion) {
        @Override
        public String toString() {
            return "DecisionBody[outcome=" + outcome + ", statement=redacted]";
        }
    }

    record DecisionView(
            String decisionId,
            String caseRef,
            Outcome outcome,
            ReviewState state,
            @Nullable String basis,
            @Nullable String reasonCode,
            Instant decidedAt,
            @Nullable JsonNode statementOfReasons) {}

    record ReassignBody(@NotBlank @Size(max = 100) String username) {}

    record ContentView(
            String contentId,
            @Nullable String removalDelivery,
            @Nullable Instant removalRequestedAt,
            @Nullable Instant removedAt) {}

    record ReportView(
            String channel,
            String reporterRole,
            boolean subjectWasUnder18,
            boolean hasContact,
            @Nullable String description,
            Instant receivedAt,
            @Nullable Instant withdrawnAt,
            @Nullable FlaggerView flagger) {}

    /**
     * What the trusted-flagger register said of the FLAGGER key a report arrived on.
     *
     * @param standing {@code CURRENT} (a trusted flagger's notice, with its priority), {@code NOT_YET},
     *     {@code EXPIRED} or {@code NOT_REGISTERED} (handled as an ordinary report)
     * @param flaggerId the register entry it was recorded against, if any
     * @param organisation that entry's organisation then
     */
    record FlaggerView(
            String standing,
            @Nullable String flaggerId,
            @Nullable String organisation) {}

    record ComplaintView(String id, Instant receivedAt, String text) {}

    record MatchView(
            String contentId,
            String bank,
            long entryId,
            int distance,
            boolean retroactive,
            Instant foundAt,
            @Nullable String variant) {}

    record DeliveryView(
            String id,
            String type,
            @Nullable String contentId,
            String state,
            int attempts,
            @Nullable Instant acknowledgedAt) {}

    record HistoryView(
            Instant at, String actor, String what, @Nullable String detail) {}

    record CaseFileView(
            CaseView reviewCase,
            List<ContentView> contents,
            List<ReportView> reports,
            List<ComplaintView> complaints,
            List<MatchView> matches,
            List<DecisionView> decisions,
            List<DeliveryView> deliveries,
            List<HistoryView> history) {}

    record DashboardView(Map<ReviewState, Integer> byState, List<CaseView> atRisk, List<CaseView> breached) {}

    private final Review review;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    private final ModeratorQueue queue;

    ReviewApiController(Review review, ModeratorQueue queue, Clock clock) {
        this.review = review;
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/cases")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    List<CaseView> cases(
            @RequestParam(defaultValue = "OPEN") ReviewState state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            Authentication caller) {
        Instant now = clock.instant();
        // As the queue page lists them: an ordinary moderator's open cases leave out escalated ones,
        // which only a senior moderator may claim.
        return views(queue.list(Moderators.of(caller), state, limit), now);
    }

    @GetMapping("/cases/{id}")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    CaseFileView caseFile(@PathVariable String id, Authentication caller) {
        CaseFile file = review.caseFile(Moderators.of(caller), ref(id));
        Instant now = clock.instant();
        return new CaseFileView(
                view(file.reviewCase(), now),
                file.contents().stream()
                        .map(c -> new ContentView(
                                c.contentId(),
                                c.removalDelivery().orElse(null),
                                c.removalRequestedAt().orElse(null),
                                c.removedAt().orElse(null)))
                        .toList(),
                file.reports().stream()
                        .map(r -> new ReportView(
                                r.channel().name(),
                                r.reporterRole().name(),
                                r.subjectWasUnder18(),
                                r.hasContact(),
                                r.description().orElse(null),
                                r.receivedAt(),
                                r.withdrawnAt().orElse(null),
                                r.flagger()
                                        .map(f -> new FlaggerView(
                                                f.standing().name(),
                                                f.flaggerId().orElse(null),
                                                f.organisation().orElse(null)))
                                        .orElse(null)))
                        .toList(),
                file.complaints().stream()
                        .map(c -> new ComplaintView(c.id(), c.receivedAt(), c.text()))
                        .toList(),
                file.matches().stream()
                        .map(m -> new MatchView(
                                m.contentId(),
                                m.bank(),
                                m.entryId(),
                                m.distance(),
                                m.retroactive(),
                                m.foundAt(),
                                m.variant().orElse(null)))
                        .toList(),
                file.decisions().stream()
                        .map(d -> view(d, file.reviewCase().state()))
                        .toList(),
                file.deliveries().stream()
                        .map(d -> new DeliveryView(
                                d.id().value(),
                                d.type().wireName(),
                                d.contentId().orElse(null),
                                d.state().name(),
                                d.attempts(),
                                d.acknowledgedAt().orElse(null)))
                        .toList(),
                file.history().stream()
                        .map(h -> new HistoryView(
                                h.at(), h.actor(), h.what().name(), h.detail().orElse(null)))
                        .toList());
    }

    @PostMapping("/cases/{id}/claim")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    CaseView claim(@PathVariable String id, Authentication caller) {
        return view(review.claim(Moderators.of(caller), ref(id)), clock.instant());
    }

    @PostMapping("/cases/{id}/release")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    CaseView release(@PathVariable String id, Authentication caller) {
        return view(review.release(Moderators.of(caller), ref(id)), clock.instant());
    }

    @PostMapping("/cases/{id}/reassign")
    @Allow(Role.SENIOR_MODERATOR)
    CaseView reassign(@PathVariable String id, @Valid @RequestBody ReassignBody body, Authentication caller) {
        return view(review.reassign(Moderators.of(caller), ref(id), body.username()), clock.instant());
    }

    @PostMapping("/cases/{id}/decision")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    DecisionView decide(@PathVariable String id, @Valid @RequestBody DecisionBody body, Authentication caller) {
        RecordedDecision decision = review.decide(Moderators.of(caller), ref(id), request(body));
        return view(decision, review.find(ref(id)).state());
    }

    /** What a decision would send the uploader, recorded nowhere; {@code statementOfReasons} is null for none. */
    record PreviewView(@Nullable Map<String, Object> statementOfReasons) {}

    @PostMapping("/cases/{id}/decision/preview")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    PreviewView preview(@PathVariable String id, @Valid @RequestBody DecisionBody body, Authentication caller) {
        return new PreviewView(review.previewStatement(Moderators.of(caller), ref(id), request(body))
                .orElse(null));
    }

    private static DecisionRequest request(DecisionBody body) {
        return new DecisionRequest(
                body.outcome(),
                Optional.ofNullable(body.basis()),
                Optional.ofNullable(body.policy()),
                Optional.ofNullable(body.reasonCode()),
                Optional.ofNullable(body.statement()),
                Optional.ofNullable(body.expectedVersion()));
    }

    @GetMapping("/review/dashboard")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE})
    DashboardView dashboard() {
        Dashboard dashboard = review.dashboard();
        Instant now = clock.instant();
        return new DashboardView(dashboard.byState(), views(dashboard.atRisk(), now), views(dashboard.breached(), now));
    }

    private DecisionView view(RecordedDecision d, ReviewState state) {
        return new DecisionView(
                d.id(),
                d.caseRef(),
                d.outcome(),
                state,
                d.basis().map(Enum::name).orElse(null),
                d.reason().map(Enum::name).orElse(null),
                d.decidedAt(),
                d.statementOfReasons().map(JSON::readTree).orElse(null));
    }

    private CaseView view(ReviewCase c, Instant now) {
        return CaseView.of(c, now, Optional.ofNullable(queue.reasons(List.of(c)).get(c.ref())));
    }

    /** The cases as views, their reasons read at once. */
    private List<CaseView> views(List<ReviewCase> cases, Instant now) {
        Map<CaseRef, ReportReason> reasons = queue.reasons(cases);
        return cases.stream()
                .map(c -> CaseView.of(c, now, Optional.ofNullable(reasons.get(c.ref()))))
                .toList();
    }

    static CaseRef ref(String id) {
        try {
            return new CaseRef(id);
        } catch (IllegalArgumentException e) {
            throw new ReviewCaseNotFoundException();
        }
    }
}
