package org.redress.server.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.redress.server.intake.cases.IdempotentAnswers;
import org.redress.server.intake.cases.IntakeCase;
import org.redress.server.intake.cases.IntakeCases;
import org.redress.server.intake.cases.IntakeComplaints;
import org.redress.server.intake.cases.StatusToken;
import org.redress.server.intake.cases.StoredReport;
import org.redress.server.intake.mail.IntakeOutbox;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door: intimate image reports (from anyone, from trusted flaggers, from regulators),
 * hash submissions made on the person's own device, and each reporter's private view of their
 * case. Reports naming content that an open case names already join that case; each reporter
 * keeps their own status token. Every change is audited and published in its own transaction.
 */
@Service
public class Intake {

    private final IntakeCases cases;
    private final IdempotentAnswers answers;
    private final IntakeOutbox outbox;
    private final IntakeComplaints complaints;
    private final TrustedFlaggers flaggers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Submitted PDQ hashes of lower quality are refused (TE's recommended floor, as for banks). */
    private final int hashQualityFloor;

    /** Victims' hashes accepted per rolling day from everyone together. */
    private final int hashesPerDay;

    Intake(
            IntakeCases cases,
            IdempotentAnswers answers,
            IntakeOutbox outbox,
            IntakeComplaints complaints,
            TrustedFlaggers flaggers,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${redress.intake.hash-quality-floor:50}") int hashQualityFloor,
            @Value("${redress.intake.hashes-per-day:20000}") int hashesPerDay) {
        this.hashQualityFloor = hashQualityFloor;
        this.hashesPerDay = hashesPerDay;
        this.cases = cases;
        this.answers = answers;
        this.outbox = outbox;
        this.complaints = complaints;
        this.flaggers = flaggers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Receives a report. With an idempotency key that was seen before, answers the original
     * receipt instead of filing again. A report on the {@link Channel#FLAGGER} channel is a trusted
     * flagger's notice, with its priority, only while the register holds the caller's key in an entry
     * whose status is current; otherwise it is filed as an ordinary report ({@link Channel#PUBLIC}).
     * Either way the register's answer is recorded against the report (ADR 0032).
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different submission
     */
    @Transactional
    public Receipt report(Actor actor, Channel channel, NewReport report, Optional<String> idempotencyKey) {
        return idempotently(
                actor,
                "report:" + channel.name(),
                idempotencyKey,
                report.fingerprint(channel),
                () -> file(actor, channel, report));
    }

    private Receipt file(Actor actor, Channel arrivedBy, NewReport report) {
        Instant now = SqlDialect.truncate(clock.instant());
        Optional<TrustedFlaggers.Lookup> flagger =
                arrivedBy == Channel.FLAGGER ? Optional.of(flaggers.lookUp(actor, now)) : Optional.empty();
        Channel channel = flagger.filter(f -> f.standing() != FlaggerStanding.CURRENT)
                .map(f -> Channel.PUBLIC)
                .orElse(arrivedBy);
        Optional<IntakeCase> existing = report.contentLocators().stream()
                .map(cases::findOpenByContent)
                .flatMap(Optional::stream)
                .findFirst();
        IntakeCase intakeCase;
        // The reporter's own reference: the case's for the report that opens it, a new one for a
        // report that joins an open case, so that nobody learns of another's report by joining.
        CaseRef publicRef;
        if (existing.isPresent()) {
            intakeCase = existing.get().joinedBy(report, channel, now);
            if (!cases.update(intakeCase)) {
                throw new OptimisticLockingFailureException("case changed concurrently");
            }
            events.publishEvent(new CaseChanged(actor, "report.joined", intakeCase.caseRef()));
            publicRef = CaseRefs.next(CaseRefs.REPORTS);
        } else {
            intakeCase = IntakeCase.openedBy(report, channel, now);
            cases.insert(intakeCase);
            publicRef = intakeCase.caseRef();
            events.publishEvent(new CaseChanged(actor, "case.opened", intakeCase.caseRef()));
        }
        CaseRef ref = intakeCase.caseRef();
        report.contentLocators().forEach(locator -> cases.attachContent(locator, ref));
        String reportId = UUID.randomUUID().toString();
        String token = StatusToken.generate();
        cases.insertReport(
                reportId,
                ref,
                publicRef,
                channel,
                report.reporterRole(),
                report.subjectWasUnder18(),
                Optional.of(report.signature()),
                report.contactEmail(),
                report.description(),
                StatusToken.hash(token),
                now);
        flagger.ifPresent(lookup -> flaggers.recordNotice(reportId, lookup));
        cases.recordReason(reportId, report.reason());
        report.jurisdiction().ifPresent(code -> cases.recordJurisdiction(reportId, code));
        cases.appendEvent(ref, Optional.of(reportId), now, "REPORT_RECEIVED");
        if (report.contactEmail().isPresent()) {
            outbox.enqueue(reportId, "ACKNOWLEDGEMENT", now);
        }
        if (report.subjectWasUnder18()) {
            if (cases.referralState(ref).isEmpty()) {
                cases.appendEvent(ref, Optional.empty(), now, "ROUTED_TO_CHILD_PROTECTION");
                events.publishEvent(new CaseChanged(actor, "case.routed-child-protection", ref));
            }
            cases.openReferral(ref, now);
        }
        Instant deadline = intakeCase.removalDeadline().orElseThrow();
        events.publishEvent(new ReportReceived(
                ref,
                report.contentLocators(),
                report.reporterRole(),
                now,
                deadline,
                channel,
                report.subjectWasUnder18(),
                report.reason()));
        // The reporter's own receipt: their reference, their time, their deadline, their route.
        return new Receipt(
                publicRef,
                token,
                now,
                Optional.of(channel.removalDeadline(now)),
                ownRoute(intakeCase.route(), report.subjectWasUnder18()));
    }

    /**
     * Receives hashes a person computed on their own device; opens a protection case and publishes
     * {@link HashesSubmitted} so that matching banks them.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different submission
     */
    @Transactional
    public Receipt protect(Actor actor, NewHashSubmission submission, Optional<String> idempotencyKey) {
        return idempotently(actor, "protect", idempotencyKey, submission.fingerprint(), () -> {
            Instant now = SqlDialect.truncate(clock.instant());
            requireDistinctive(submission.hashes());
            if (cases.publicHashesSince(now.minus(java.time.Duration.ofDays(1)))
                            + submission.hashes().size()
                    > hashesPerDay) {
                throw new HashSubmissionLimitException();
            }
            IntakeCase intakeCase = IntakeCase.protecting(now, submission.subjectWasUnder18());
            cases.insert(intakeCase);
            CaseRef ref = intakeCase.caseRef();
            String reportId = UUID.randomUUID().toString();
            String token = StatusToken.generate();
            cases.insertReport(
                    reportId,
                    ref,
                    ref,
                    Channel.PUBLIC,
                    ReporterRole.SUBJECT,
                    submission.subjectWasUnder18(),
                    Optional.empty(),
                    submission.contactEmail(),
                    Optional.empty(),
                    StatusToken.hash(token),
                    now);
            cases.insertHashes(reportId, submission.hashes());
            cases.appendEvent(ref, Optional.of(reportId), now, "HASHES_RECEIVED");
            if (submission.subjectWasUnder18()) {
                cases.appendEvent(ref, Optional.empty(), now, "ROUTED_TO_CHILD_PROTECTION");
                events.publishEvent(new CaseChanged(actor, "case.routed-child-protection", ref));
                cases.openReferral(ref, now);
            }
            if (submission.contactEmail().isPresent()) {
                outbox.enqueue(reportId, "ACKNOWLEDGEMENT", now);
            }
            events.publishEvent(new CaseChanged(actor, "hashes.submitted", ref));
            events.publishEvent(new HashesSubmitted(ref, submission.hashes(), now));
            return new Receipt(ref, token, now, Optional.empty(), intakeCase.route());
        });
    }

    /**
     * The quality floor of victims' hashes: an anonymous hash blocks uploads, so one that says too
     * little about its picture (low quality, or bits so unbalanced that the picture was flat or
     * tiny: a PDQ hash of a real picture has about as many ones as zeros) would block unrelated
     * pictures. Such a hash is refused rather than banked.
     */
    private void requireDistinctive(List<SubmittedHash> hashes) {
        for (int i = 0; i < hashes.size(); i++) {
            SubmittedHash hash = hashes.get(i);
            int ones = hash.pdq().bitCount();
            boolean lowQuality =
                    hash.quality().map(q -> q.value() < hashQualityFloor).orElse(false);
            if (lowQuality || ones < MIN_ONES || ones > 256 - MIN_ONES) {
                throw new HashTooPlainException(i);
            }
        }
    }

    /**
     * The fewest ones (or zeros) in a submitted PDQ hash. PDQ sets a bit where a coefficient is
     * above the median, so a real picture's hash has close to 128 of each; a flat picture gives
     * all zeros.
     */
    static final int MIN_ONES = 64;

    /**
     * Keys are scoped by route and client: the same key from another client (another flagger's API
     * key, the public) or on another route is another key, so no client can collide with, or read
     * the receipt of, another client's submission by guessing its key.
     */
    private Receipt idempotently(
            Actor actor, String route, Optional<String> key, String fingerprint, Supplier<Receipt> action) {
        if (key.isEmpty()) {
            return action.get();
        }
        String keyHash = NewReport.sha256Hex("intake-idempotency-key\u0000" + route + "\u0000" + actor.kind() + "\u0000"
                + actor.id() + "\u0000" + key.get());
        var remembered = answers.find(keyHash);
        if (remembered.isPresent()) {
            if (!remembered.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            return remembered.get().receipt();
        }
        Receipt receipt = action.get();
        if (!answers.remember(keyHash, fingerprint, receipt)) {
            throw new OptimisticLockingFailureException("the same idempotency key arrived concurrently");
        }
        return receipt;
    }

    /**
     * The holder's view of their case.
     *
     * @throws CaseNotFoundException for an unknown reference or a token that does not open it alike
     */
    @Transactional(readOnly = true)
    public CaseStatus status(String caseRef, String token) {
        var held = holder(caseRef, token);
        IntakeCase intakeCase = cases.find(held.caseRef()).orElseThrow(CaseNotFoundException::new);
        List<CaseStatus.Event> history = cases.history(held);
        CaseState state = intakeCase.state() == CaseState.WITHDRAWN
                ? CaseState.WITHDRAWN
                : CaseState.after(history.stream().map(CaseStatus.Event::what).toList());
        return new CaseStatus(
                held.publicRef(),
                state,
                ownRoute(intakeCase.route(), held.subjectWasUnder18()),
                intakeCase
                        .removalDeadline()
                        .filter(caseDeadline -> !state.ended() && !deadlineLifted(history))
                        .map(caseDeadline -> held.channel().removalDeadline(held.receivedAt())),
                held.withdrawnAt().isPresent(),
                held.messagesStopped(),
                held.contactEmail().isPresent(),
                history,
                complaints.ofReport(held.id()));
    }

    /** Whether review found that the 48-hour duty does not apply (UK OSA s.10(3B)): no deadline to show. */
    private static boolean deadlineLifted(List<CaseStatus.Event> history) {
        return history.stream().anyMatch(event -> event.what().equals(Progress.DEADLINE_LIFTED.name()));
    }

    /**
     * The route a reporter is shown is their own report's: a case routed to child protection by
     * another reporter's report stays, for this reporter, an intimate image case.
     */
    private static Route ownRoute(Route caseRoute, boolean ownReportAboutAChild) {
        if (caseRoute == Route.CHILD_PROTECTION && !ownReportAboutAChild) {
            return Route.INTIMATE_IMAGE;
        }
        return caseRoute;
    }

    /**
     * Withdraws the holder's report. When no report of the case stands any more, the case is
     * withdrawn and {@link ReportWithdrawn} tells matching to unbank its hashes.
     *
     * @throws CaseNotFoundException as for {@link #status}
     * @throws ReportWithdrawnAlreadyException when the holder withdrew before
     * @throws CaseEndedException when the case ended, so that withdrawing would change nothing
     */
    @Transactional
    public CaseStatus withdraw(Actor actor, String caseRef, String token) {
        var held = holder(caseRef, token);
        if (held.withdrawnAt().isPresent()) {
            throw new ReportWithdrawnAlreadyException();
        }
        CaseState state = status(caseRef, token).state();
        if (state.ended()) {
            throw new CaseEndedException(state);
        }
        Instant now = SqlDialect.truncate(clock.instant());
        cases.markWithdrawn(held.id(), now);
        cases.appendEvent(held.caseRef(), Optional.of(held.id()), now, "REPORT_WITHDRAWN");
        events.publishEvent(new CaseChanged(actor, "report.withdrawn", held.caseRef()));
        if (cases.standingReports(held.caseRef()) == 0) {
            IntakeCase intakeCase = cases.find(held.caseRef()).orElseThrow(CaseNotFoundException::new);
            if (!cases.update(intakeCase.withdrawn())) {
                throw new OptimisticLockingFailureException("case changed concurrently");
            }
            cases.appendEvent(held.caseRef(), Optional.empty(), now, "CASE_WITHDRAWN");
            events.publishEvent(new ReportWithdrawn(held.caseRef(), now));
        }
        return status(caseRef, token);
    }

    /**
     * Stops further messages to the holder.
     *
     * @throws CaseNotFoundException as for {@link #status}
     */
    @Transactional
    public CaseStatus stopMessages(Actor actor, String caseRef, String token) {
        var held = holder(caseRef, token);
        if (!held.messagesStopped()) {
            Instant now = SqlDialect.truncate(clock.instant());
            cases.stopMessages(held.id());
            cases.appendEvent(held.caseRef(), Optional.of(held.id()), now, "MESSAGES_STOPPED");
            events.publishEvent(new CaseChanged(actor, "report.messages-stopped", held.caseRef()));
        }
        return status(caseRef, token);
    }

    /** A complaint of no stated type: see {@link #complain(Actor, String, String, Optional, String)}. */
    @Transactional
    public ComplaintReceipt complain(Actor actor, String caseRef, String token, String text) {
        return complain(actor, caseRef, token, Optional.empty(), text);
    }

    /**
     * Records a complaint (UK OSA s.21(2A)): the text (encrypted), its type (inferred from the case
     * when none is given), a dated entry in the case's history and the audit log, an
     * acknowledgement by e-mail when the holder gave an address and did not opt out, and
     * {@link ComplaintReceived} so that review gives it an owner and a target time, on the expedited
     * route when the holder asked for removal as the person shown or for them.
     *
     * @throws CaseNotFoundException as for {@link #status}
     * @throws IllegalArgumentException when the text is blank or longer than {@link Complaint#MAX_TEXT},
     *     or the type is not one reporters file
     */
    @Transactional
    public ComplaintReceipt complain(
            Actor actor, String caseRef, String token, Optional<ComplaintType> type, String text) {
        if (type.filter(t -> !t.fromReporters()).isPresent()) {
            throw new IllegalArgumentException("an uploader complains about an automated block through the platform");
        }
        var held = holder(caseRef, token);
        Instant now = SqlDialect.truncate(clock.instant());
        var complaint = new Complaint(UUID.randomUUID().toString(), now, text);
        ComplaintType about = type.orElseGet(
                () -> ComplaintType.inferred(status(caseRef, token).state()));
        complaints.insert(complaint, about, held.caseRef(), held.id());
        cases.appendEvent(held.caseRef(), Optional.of(held.id()), now, "COMPLAINT_RECEIVED");
        if (held.contactEmail().isPresent() && !held.messagesStopped()) {
            outbox.enqueue(held.id(), IntakeOutbox.COMPLAINT_ACKNOWLEDGEMENT, now);
        }
        events.publishEvent(new CaseChanged(actor, "report.complaint-received", held.caseRef()));
        events.publishEvent(new ComplaintReceived(
                held.caseRef(), complaint.id(), now, about, complaints.bySubjectOrForThem(held.id())));
        return new ComplaintReceipt(complaint.id(), now, status(caseRef, token));
    }

    /** Shows the complainant when their complaint will be answered by. Joins the caller's transaction. */
    @Transactional
    public void complaintAnswerBy(String complaintId, Instant answerBy) {
        complaints.setAnswerBy(complaintId, SqlDialect.truncate(answerBy));
    }

    /**
     * Gives the complainant the answer to their complaint: on their status page (a dated line and
     * the reply), and by e-mail when they left an address and did not opt out. Joins the caller's
     * transaction; an answer given before stays.
     *
     * @return whether the answer was recorded (false for an unknown or already answered complaint)
     */
    @Transactional
    public boolean answerComplaint(Actor actor, String complaintId, ReporterComplaint.Answer answer) {
        var answered = complaints.answer(complaintId, answer);
        if (answered.isEmpty()) {
            return false;
        }
        var complainant = answered.get();
        cases.appendEvent(
                complainant.caseRef(), Optional.of(complainant.reportId()), answer.answeredAt(), "COMPLAINT_ANSWERED");
        // The mailer sends it only to a complainant who left an address and did not opt out.
        outbox.enqueueComplaintAnswer(
                complainant.reportId(), answer.outcome().plain() + "\n\n" + answer.reply(), answer.answeredAt());
        events.publishEvent(new CaseChanged(actor, "report.complaint-answered", complainant.caseRef()));
        return true;
    }

    /**
     * Queues the holder's private status link to an address they typed, at their request: the only
     * message that carries it.
     *
     * @throws CaseNotFoundException as for {@link #status}
     * @throws IllegalArgumentException when the address is blank or longer than 254 characters
     */
    @Transactional
    public void emailStatusLink(Actor actor, String caseRef, String token, String email, String link) {
        var held = holder(caseRef, token);
        String to = email.strip();
        if (to.isEmpty() || to.length() > 254) {
            throw new IllegalArgumentException("an e-mail address has 1 to 254 characters");
        }
        Instant now = SqlDialect.truncate(clock.instant());
        outbox.enqueueStatusLink(held.id(), link, to, now);
        cases.appendEvent(held.caseRef(), Optional.of(held.id()), now, "STATUS_LINK_EMAILED");
        events.publishEvent(new CaseChanged(actor, "report.status-link-emailed", held.caseRef()));
    }

    /** The case's complaints with their text, oldest first, for the moderators who answer them. */
    @Transactional(readOnly = true)
    public List<Complaint> complaints(CaseRef caseRef) {
        return complaints.ofCase(caseRef);
    }

    /**
     * Tells the reporters of a case about a step review took: a dated line in every reporter's
     * history and a message to each standing reporter who left an address and did not opt out.
     * Joins the caller's transaction, so the step and its messages commit together.
     */
    @Transactional
    public void recordProgress(CaseRef ref, Progress progress) {
        if (cases.find(ref).isEmpty()) {
            return;
        }
        Instant now = SqlDialect.truncate(clock.instant());
        cases.appendEvent(ref, Optional.empty(), now, progress.name());
        for (String reportId : cases.reportsToTell(ref)) {
            outbox.enqueue(reportId, progress.name(), now);
        }
    }

    /** The case's reports as moderators see them; empty for a case intake does not know. */
    @Transactional(readOnly = true)
    public List<ReportSummary> reportsForReview(CaseRef ref) {
        return cases.summaries(ref);
    }

    private StoredReport holder(String caseRef, String token) {
        CaseRef ref;
        try {
            ref = new CaseRef(caseRef);
        } catch (IllegalArgumentException e) {
            throw new CaseNotFoundException();
        }
        return cases.findReport(ref, StatusToken.hash(token)).orElseThrow(CaseNotFoundException::new);
    }
}
