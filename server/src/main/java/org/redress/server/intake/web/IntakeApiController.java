package org.redress.server.intake.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.identity.Allow;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Channel;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ComplaintReceipt;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.HashSubmissionLimitException;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewHashSubmission;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.Receipt;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.Route;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.shared.Actor;
import org.redress.server.shared.Jurisdiction;
import org.redress.server.storage.RateLimits;
import org.redress.server.web.InvalidFieldsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON front door: reports from anyone, from trusted flaggers and regulator notices; hash
 * submissions; each reporter's status, withdrawal, opt-out and complaint by case reference and
 * {@code X-Case-Token}. A repeated {@code Idempotency-Key} returns the original answer.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class IntakeApiController {

    static final String TOKEN_HEADER = "X-Case-Token";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    record DeclarationsRequest(
            @NotNull @AssertTrue Boolean intimateImage,
            // Required of the person shown and of someone acting for them, not of a bystander: the
            // report checks it against the reporter's role.
            @NotNull Boolean subjectOrAuthorised,
            @NotNull @AssertTrue Boolean goodFaithAndTrue) {}

    record ContactRequest(@Email @Size(max = 254) @Nullable String email) {
        @Override
        public String toString() {
            return "ContactRequest[redacted]";
        }
    }

    record ReportRequest(
            @NotNull @Pattern(regexp = "SUBJECT|ON_BEHALF|BYSTANDER")
            String reporterRole,

            @NotNull @Valid DeclarationsRequest declarations,
            // Optional only for a report about a child (EU DSA Art. 16(2)(c)); the report checks it.
            @Size(max = NewReport.MAX_SIGNATURE) @Nullable String signature,

            @NotEmpty @Size(max = NewReport.MAX_LOCATORS)
            List<@NotBlank @Size(max = ContentLocator.MAX_LENGTH) String> contentLocators,

            @Valid @Nullable ContactRequest contact,
            @NotNull Boolean subjectWasUnder18,
            @Size(max = NewReport.MAX_DESCRIPTION) @Nullable String description,
            // What happened (docs/report-reasons.md); optional, SHARED_WITHOUT_CONSENT when absent.
            @Pattern(regexp = ReportReason.NAMES) @Nullable String reason,
            // Whose law the statements of reasons cite (ADR 0023); optional, the platform's default.
            @Size(max = 40) @Nullable String jurisdiction) {

        NewReport toReport() {
            // The rules that depend on other fields, with the field they concern named as Bean
            // Validation names the others.
            List<InvalidFieldsException.FieldProblem> wrong = new ArrayList<>();
            if (!"BYSTANDER".equals(reporterRole) && !declarations.subjectOrAuthorised()) {
                wrong.add(new InvalidFieldsException.FieldProblem(
                        "#/declarations/subjectOrAuthorised", "must be true unless the reporter is a BYSTANDER"));
            }
            if ((signature == null || signature.isBlank()) && !subjectWasUnder18) {
                wrong.add(new InvalidFieldsException.FieldProblem(
                        "#/signature", "must not be blank unless the person shown was under 18"));
            }
            if (jurisdiction != null && Jurisdiction.of(jurisdiction).isEmpty()) {
                wrong.add(new InvalidFieldsException.FieldProblem(
                        "#/jurisdiction", "must be GB-EAW, GB-SCT, GB-NIR, GB, US, EU or an EU/EEA state's code"));
            }
            if (!wrong.isEmpty()) {
                throw new InvalidFieldsException(wrong);
            }
            return new NewReport(
                    ReporterRole.valueOf(reporterRole),
                    new Declarations(
                            declarations.intimateImage(),
                            declarations.subjectOrAuthorised(),
                            declarations.goodFaithAndTrue()),
                    signature == null ? "" : signature,
                    contentLocators.stream().map(ContentLocator::of).toList(),
                    Optional.ofNullable(contact).map(ContactRequest::email),
                    subjectWasUnder18,
                    Optional.ofNullable(description),
                    Optional.ofNullable(reason).flatMap(ReportReason::named).orElse(ReportReason.DEFAULT),
                    Optional.ofNullable(jurisdiction));
        }

        @Override
        public String toString() {
            return "ReportRequest[reporterRole=" + reporterRole + ", personal data redacted]";
        }
    }

    record HashRequest(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String pdq,
            @Min(0) @Max(100) @Nullable Integer quality,
            @Pattern(regexp = "[0-9a-fA-F]{32}") @Nullable String md5,
            @Pattern(regexp = "[0-9a-fA-F]{64}") @Nullable String sha256,

            @Size(max = SubmittedHash.MAX_DIHEDRAL) @Nullable
            List<@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String> dihedral,

            @Size(
                    min = SubmittedHash.FRAMINGS,
                    max = SubmittedHash.FRAMINGS,
                    message = "must hold one hash per framing, " + SubmittedHash.FRAMINGS + " in all")
            @Nullable
            List<@NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String> framings,

            @JsonAnySetter @Size(max = 0, message = "no other members, image bytes least of all") @Nullable
            Map<String, Object> unexpected) {

        @Override
        public String toString() {
            return "HashRequest[pdq=" + pdq + ", quality=" + quality + "]";
        }

        SubmittedHash toHash() {
            return new SubmittedHash(
                    PdqHash.fromHex(pdq),
                    Optional.ofNullable(quality).map(Quality::new),
                    Optional.ofNullable(md5).map(HexFormat.of()::parseHex),
                    Optional.ofNullable(sha256).map(HexFormat.of()::parseHex),
                    dihedral == null
                            ? List.of()
                            : dihedral.stream().map(PdqHash::fromHex).toList(),
                    framings == null
                            ? List.of()
                            : framings.stream().map(PdqHash::fromHex).toList());
        }
    }

    record HashDeclarationsRequest(
            @Nullable Boolean intimateImage,
            @NotNull @AssertTrue Boolean subjectOrAuthorised,
            @NotNull @AssertTrue Boolean goodFaithAndTrue) {}

    record HashSubmissionRequest(
            @NotEmpty @Size(max = NewHashSubmission.MAX_HASHES)
            List<@NotNull @Valid HashRequest> hashes,

            @NotNull @Valid HashDeclarationsRequest declarations,
            @Valid @Nullable ContactRequest contact,
            @Nullable Boolean subjectWasUnder18,

            @JsonAnySetter @Size(max = 0, message = "no other members, image bytes least of all") @Nullable
            Map<String, Object> unexpected) {

        NewHashSubmission toSubmission() {
            return new NewHashSubmission(
                    new Declarations(
                            Boolean.TRUE.equals(declarations.intimateImage()),
                            declarations.subjectOrAuthorised(),
                            declarations.goodFaithAndTrue()),
                    hashes.stream().map(HashRequest::toHash).toList(),
                    Optional.ofNullable(contact).map(ContactRequest::email),
                    Boolean.TRUE.equals(subjectWasUnder18));
        }

        @Override
        public String toString() {
            return "HashSubmissionRequest[hashes=" + hashes.size() + ", contact redacted]";
        }
    }

    record SupportLink(String name, String url) {}

    record ReceiptView(
            String caseRef,
            String statusToken,
            String statusUrl,
            Instant receivedAt,
            @Nullable Instant removalDeadline,
            Route route,
            List<SupportLink> support) {

        static ReceiptView of(Receipt receipt, StatusLinks links) {
            return new ReceiptView(
                    receipt.caseRef().value(),
                    receipt.statusToken(),
                    links.of(receipt.caseRef(), receipt.statusToken()),
                    receipt.receivedAt(),
                    receipt.removalDeadline().orElse(null),
                    receipt.route(),
                    Support.forRoute(receipt.route()));
        }

        @Override
        public String toString() {
            return "ReceiptView[caseRef=" + caseRef + ", statusToken=redacted, statusUrl=redacted]";
        }
    }

    record EventView(Instant at, String what) {}

    record StatusView(
            String caseRef,
            String state,
            Route route,
            @Nullable Instant removalDeadline,
            boolean withdrawn,
            boolean messagesStopped,
            List<EventView> history,
            List<SupportLink> support,
            List<ComplaintStateView> complaints) {

        static StatusView of(CaseStatus status) {
            return new StatusView(
                    status.caseRef().value(),
                    status.state().name(),
                    status.route(),
                    status.removalDeadline().orElse(null),
                    status.withdrawn(),
                    status.messagesStopped(),
                    status.history().stream()
                            .map(e -> new EventView(e.at(), e.what()))
                            .toList(),
                    Support.forRoute(status.route()),
                    status.complaints().stream().map(ComplaintStateView::of).toList());
        }
    }

    /** A complaint; without a type, one about the decision once the case ended, about delay before. */
    record ComplaintRequest(
            @NotBlank @Size(max = Complaint.MAX_TEXT) String text,
            @Nullable ComplaintType type) {
        @Override
        public String toString() {
            return "ComplaintRequest[type=" + type + ", text=redacted]";
        }
    }

    record ComplaintView(String complaintId, Instant receivedAt, StatusView status) {
        static ComplaintView of(ComplaintReceipt receipt) {
            return new ComplaintView(receipt.complaintId(), receipt.receivedAt(), StatusView.of(receipt.status()));
        }
    }

    private final Intake intake;
    private final StatusLinks links;

    /**
     * Victims' hashes per client address and day, counted before the submission is read further, in
     * the database so that replicas count together.
     */
    private final RateLimits.Limit hashesPerSource;

    IntakeApiController(
            Intake intake,
            StatusLinks links,
            @Value("${redress.intake.hashes-per-source-per-day:1000}") int hashesPerSourcePerDay,
            RateLimits rateLimits) {
        this.intake = intake;
        this.links = links;
        this.hashesPerSource = rateLimits.limit("intake.hashes-per-source", hashesPerSourcePerDay, Duration.ofDays(1));
    }

    @PostMapping(path = "/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowAnyone
    ReceiptView report(
            @Valid @RequestBody ReportRequest request,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) @Nullable String idempotencyKey) {
        return ReceiptView.of(
                intake.report(new Actor.Public(), Channel.PUBLIC, request.toReport(), key(idempotencyKey)), links);
    }

    @PostMapping(path = "/flagger/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.FLAGGER)
    ReceiptView flaggerReport(
            Authentication caller,
            @Valid @RequestBody ReportRequest request,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) @Nullable String idempotencyKey) {
        return ReceiptView.of(
                intake.report(Callers.actorOf(caller), Channel.FLAGGER, request.toReport(), key(idempotencyKey)),
                links);
    }

    @PostMapping(path = "/regulator-notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.COMPLIANCE, Role.ADMIN})
    ReceiptView regulatorNotice(
            Authentication caller,
            @Valid @RequestBody ReportRequest request,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) @Nullable String idempotencyKey) {
        return ReceiptView.of(
                intake.report(Callers.actorOf(caller), Channel.REGULATOR, request.toReport(), key(idempotencyKey)),
                links);
    }

    @PostMapping(path = "/hash-submissions")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowAnyone
    ReceiptView protect(
            HttpServletRequest http,
            @Valid @RequestBody HashSubmissionRequest request,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) @Nullable String idempotencyKey) {
        if (!hashesPerSource.tryAcquire(http.getRemoteAddr(), request.hashes().size())) {
            throw new TooManyHashesException();
        }
        return ReceiptView.of(intake.protect(new Actor.Public(), request.toSubmission(), key(idempotencyKey)), links);
    }

    /** One client address's victims' hashes within a day: {@code redress.intake.hashes-per-source-per-day}. */
    private static final class TooManyHashesException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyHashesException() {
            super(null, null, false, false);
        }
    }

    /** Per source and per day alike: the submitter is asked to come back later, not told why in detail. */
    @ExceptionHandler({TooManyHashesException.class, HashSubmissionLimitException.class})
    ResponseEntity<ProblemDetail> tooManyHashes() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "Too many hashes were submitted today; try again later.");
        problem.setType(HashSubmissionLimitException.TYPE);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "3600")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/reports/{caseRef}")
    @AllowAnyone
    StatusView status(
            @PathVariable String caseRef,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
        return StatusView.of(intake.status(caseRef, token == null ? "" : token));
    }

    @PostMapping("/reports/{caseRef}/withdrawal")
    @AllowAnyone
    StatusView withdraw(
            @PathVariable String caseRef,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
        return StatusView.of(intake.withdraw(new Actor.Public(), caseRef, token == null ? "" : token));
    }

    @PostMapping("/reports/{caseRef}/message-opt-out")
    @AllowAnyone
    StatusView stopMessages(
            @PathVariable String caseRef,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
        return StatusView.of(intake.stopMessages(new Actor.Public(), caseRef, token == null ? "" : token));
    }

    @PostMapping("/reports/{caseRef}/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowAnyone
    ComplaintView complain(
            @PathVariable String caseRef,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
            @Valid @RequestBody ComplaintRequest request) {
        return ComplaintView.of(intake.complain(
                new Actor.Public(),
                caseRef,
                token == null ? "" : token,
                Optional.ofNullable(request.type()),
                request.text()));
    }

    private static Optional<String> key(@Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("an Idempotency-Key has 1 to 200 characters");
        }
        return Optional.of(idempotencyKey);
    }
}
