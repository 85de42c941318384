package org.redress.server.transparency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.redress.pdq.PdqHash;
import org.redress.server.MutableClock;
import org.redress.server.enforcement.Delivery;
import org.redress.server.enforcement.DeliveryType;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.identity.Identity;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewHashSubmission;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.Receipt;
import org.redress.server.intake.RegisteredFlagger;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.review.AppealReceipt;
import org.redress.server.review.Decision;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.Origin;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCase;
import org.redress.server.review.ReviewState;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

/**
 * A month of real cases driven through the modules' facades with a moved clock: reports by every
 * channel, removals in time and late, three breaches of three kinds, an appeal reversed and one
 * upheld, a complaint, an automated block, a provisional block released by a moderator, a copy found
 * by a retroactive scan, and one report after the month.
 */
final class SeededPeriod {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    static final Period NOVEMBER =
            new Period(java.time.LocalDate.parse("2026-11-01"), java.time.LocalDate.parse("2026-11-30"));

    private static final Actor PUBLIC = new Actor.Public();
    private static final Actor PLATFORM = new Actor.ApiKey("platform");
    private static final Actor ADMIN = new Actor.Operator("admin");
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final Moderator SAM = new Moderator("sam", true);

    private final TransparencyContext context;
    private final MutableClock clock;
    private final Review review;
    private final Intake intake;
    private final Matching matching;

    CaseRef removedInTime;
    CaseRef decidedLate;
    CaseRef confirmedLate;
    CaseRef escalatedLate;
    CaseRef noViolation;
    RegisteredFlagger helpline;

    SeededPeriod(TransparencyContext context, MutableClock clock) {
        this.context = context;
        this.clock = clock;
        this.review = context.bean(Review.class);
        this.intake = context.bean(Intake.class);
        this.matching = context.bean(Matching.class);
    }

    void seed() {
        for (String content : List.of("c1", "c2", "c3", "c4", "c5")) {
            check(content, "uploader-" + content, randomHash());
        }
        removedInTime = report(Channel.PUBLIC, ReporterRole.SUBJECT, "c1").caseRef();
        Receipt bystander = report(Channel.PUBLIC, ReporterRole.BYSTANDER, "c2");
        decidedLate = bystander.caseRef();
        helpline = RegisteredFlagger.register(
                context.bean(Identity.class),
                context.bean(TrustedFlaggers.class),
                "Helpline",
                java.time.LocalDate.parse("2026-01-01"),
                null);
        confirmedLate = report(helpline.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "c3")
                .caseRef();
        escalatedLate = report(Channel.REGULATOR, ReporterRole.SUBJECT, "c4").caseRef();
        noViolation = report(Channel.PUBLIC, ReporterRole.SUBJECT, "c5").caseRef();
        intake.complain(PUBLIC, bystander.caseRef().value(), bystander.statusToken(), "Nothing has happened yet.");

        at(Duration.ofHours(1));
        decide(ALICE, removedInTime, remove());
        decide(ALICE, escalatedLate, new Decision.Escalate(Optional.empty()));
        at(Duration.ofHours(2));
        decide(ALICE, confirmedLate, remove());
        at(Duration.ofHours(3));
        confirmRemoval(removedInTime);
        at(Duration.ofHours(4));
        decide(
                ALICE,
                noViolation,
                new Decision.NoViolation(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT, Optional.empty()));
        AppealReceipt reversed = review.appeal(PLATFORM, new ContentId("c1"), new UploaderId("uploader-c1"), "Mine.");
        at(Duration.ofHours(6));
        decide(SAM, reversed.appealRef(), new Decision.Reverse(Optional.empty()));
        at(Duration.ofHours(25));
        review.sweep(); // the regulator's 24 hours have passed: the escalated case breaches
        at(Duration.ofHours(26));
        decide(
                SAM,
                escalatedLate,
                new Decision.NoViolation(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT, Optional.empty()));
        at(Duration.ofHours(49));
        review.sweep(); // 48 hours: the undecided and the unconfirmed cases breach
        at(Duration.ofHours(50));
        decide(SAM, decidedLate, remove()); // the complaint sent it up to a senior moderator
        at(Duration.ofHours(51));
        confirmRemoval(decidedLate);
        at(Duration.ofHours(60));
        confirmRemoval(confirmedLate);
        at(Duration.ofHours(61));
        AppealReceipt upheld = review.appeal(PLATFORM, new ContentId("c3"), new UploaderId("uploader-c3"), "Mine.");
        at(Duration.ofHours(62));
        decide(SAM, upheld.appealRef(), new Decision.Uphold(Optional.empty()));
        blocksAndScans();
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        report(Channel.PUBLIC, ReporterRole.SUBJECT, "after-the-month");
    }

    /** An automated block, a provisional block a moderator releases, and a copy found by a later scan. */
    private void blocksAndScans() {
        at(Duration.ofHours(70));
        BankName known = new BankName("known-images");
        matching.createBank(ADMIN, known, BankAction.BLOCK, 31, 50);
        PdqHash banned = randomHash();
        matching.addEntry(
                ADMIN,
                known,
                EntryHashes.ofPdq(banned),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));
        awaitVerdict("blocked-1", banned, Verdict.BLOCK);

        PdqHash protectedImage = randomHash();
        intake.protect(
                PUBLIC,
                new NewHashSubmission(
                        new Declarations(true, true, true),
                        List.of(new SubmittedHash(
                                protectedImage, Optional.empty(), Optional.empty(), Optional.empty())),
                        Optional.empty()),
                Optional.empty());
        awaitVerdict("blocked-2", protectedImage, Verdict.BLOCK);
        ReviewCase provisional = review.queue(ReviewState.OPEN, 100).stream()
                .filter(c -> c.origin() == Origin.PROVISIONAL)
                .findFirst()
                .orElseThrow();
        at(Duration.ofHours(71));
        decide(
                ALICE,
                provisional.ref(),
                new Decision.NoViolation(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT, Optional.empty()));

        PdqHash later = randomHash();
        check("early-copy", "uploader-e", later);
        BankName lateBank = new BankName("later-images");
        matching.createBank(ADMIN, lateBank, BankAction.BLOCK, 31, 50);
        at(Duration.ofHours(72));
        matching.addEntry(
                ADMIN,
                lateBank,
                EntryHashes.ofPdq(later),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "test"));
    }

    private void at(Duration sinceStart) {
        clock.set(START.plus(sinceStart));
    }

    private static Decision remove() {
        return new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty());
    }

    private void decide(Moderator moderator, CaseRef ref, Decision decision) {
        review.claim(moderator, ref);
        review.decide(moderator, ref, DecisionRequest.of(decision));
    }

    /** The platform acknowledges every removal webhook of the case now. */
    private void confirmRemoval(CaseRef ref) {
        for (Delivery delivery : context.bean(Enforcement.class).deliveriesForCase(ref)) {
            if (delivery.type() == DeliveryType.CONTENT_REMOVE) {
                review.removalConfirmed(delivery.id(), clock.instant());
            }
        }
    }

    private Receipt report(Channel channel, ReporterRole role, String locator) {
        return report(PUBLIC, channel, role, locator);
    }

    Receipt report(Actor actor, Channel channel, ReporterRole role, String locator) {
        var report = new NewReport(
                role,
                new Declarations(true, true, true),
                "Alex Example",
                List.of(ContentLocator.of(locator)),
                Optional.empty(),
                false,
                Optional.empty());
        return intake.report(actor, channel, report, Optional.empty());
    }

    private CheckResult check(String contentId, String uploader, PdqHash hash) {
        var upload = new Upload(contentId, uploader, EntryHashes.ofPdq(hash), List.of());
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> matching.check(PLATFORM, upload), result -> true);
    }

    private void awaitVerdict(String contentId, PdqHash hash, Verdict verdict) {
        var upload = new Upload(contentId, "uploader-" + contentId, EntryHashes.ofPdq(hash), List.of());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> matching.check(PLATFORM, upload).verdict() == verdict);
    }

    private static PdqHash randomHash() {
        return PdqHash.fromHex(UUID.randomUUID().toString().replace("-", "").repeat(2));
    }
}
