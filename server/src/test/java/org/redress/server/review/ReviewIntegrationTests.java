package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.identity.Identity;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.RegisteredFlagger;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.matching.BankName;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.review.cases.FollowUpQueue;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The review facade with intake, matching and enforcement against a real database and a platform endpoint. */
class ReviewIntegrationTests {

    private static final Actor PUBLIC = new Actor.Public();
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final Moderator BOB = new Moderator("bob", false);
    private static final Moderator SAM = new Moderator("sam", true);
    static final PdqHash IMAGE = PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");

    static NewReport report(ReporterRole role, boolean under18, String... locators) {
        return new NewReport(
                role,
                new Declarations(true, true, true),
                "Alex Example",
                List.of(locators).stream().map(ContentLocator::of).toList(),
                Optional.of("alex@example.org"),
                under18,
                Optional.of("Posted by my former partner"));
    }

    private static PdqHash flipped(PdqHash hash, int... bits) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int bit : bits) {
            words[bit / 64] ^= 1L << (bit % 64);
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    static CaseRef file(ReviewContext context, Channel channel, ReporterRole role, boolean under18, String locator) {
        // A flagger's report has a trusted flagger's priority only from a key in a current register entry.
        Actor actor = channel == Channel.FLAGGER
                ? RegisteredFlagger.register(
                                context.bean(Identity.class),
                                context.bean(TrustedFlaggers.class),
                                "Helpline " + locator,
                                LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC),
                                null)
                        .actor()
                : PUBLIC;
        return context.bean(Intake.class)
                .report(actor, channel, report(role, under18, locator), Optional.empty())
                .caseRef();
    }

    /** Checks an upload once the index has loaded (it loads in the background at start). */
    static CheckResult check(ReviewContext context, String contentId, String uploader, PdqHash pdq) {
        var upload = new Upload(contentId, uploader, EntryHashes.ofPdq(pdq), List.of());
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> context.bean(Matching.class).check(new Actor.ApiKey("platform"), upload), result -> true);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void queueOrdersByDeadlineThenSeverityThenSource(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            CaseRef bystander = file(context, Channel.PUBLIC, ReporterRole.BYSTANDER, false, "id:q-1");
            CaseRef subject = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "id:q-2");
            CaseRef flagger = file(context, Channel.FLAGGER, ReporterRole.ON_BEHALF, false, "id:q-3");
            CaseRef child = file(context, Channel.PUBLIC, ReporterRole.BYSTANDER, true, "id:q-4");
            context.clock().advance(Duration.ofMinutes(1));
            CaseRef regulator = file(context, Channel.REGULATOR, ReporterRole.ON_BEHALF, false, "id:q-5");
            context.clock().advance(Duration.ofMinutes(1));
            CaseRef later = file(context, Channel.FLAGGER, ReporterRole.SUBJECT, false, "id:q-6");

            assertThat(context.review().queue(ReviewState.OPEN, 100))
                    .extracting(ReviewCase::ref)
                    .containsExactly(regulator, child, flagger, subject, bystander, later);
            ReviewCase first = context.review().find(regulator);
            assertThat(first.deadline())
                    .isEqualTo(ReviewContext.START.plus(Duration.ofMinutes(1)).plus(Duration.ofHours(24)));
            assertThat(context.review().find(child).severity()).isEqualTo(Severity.CHILD_SEXUAL_ABUSE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void letsOnlyTheClaimantDecideAndOnlyOneOfTwoRacingModeratorsClaim(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            CaseRef ref = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "id:claim-1");
            Review review = context.review();
            var holds = context.bean(JdbcClient.class).sql("SELECT content_id FROM media_hold");
            assertThat(holds.query(String.class).list())
                    .as("media kept while under review")
                    .containsExactly("id:claim-1");

            var start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            try (var pool = Executors.newFixedThreadPool(2)) {
                for (Moderator moderator : List.of(ALICE, BOB)) {
                    attempts.add(pool.submit((Callable<Boolean>) () -> {
                        start.await();
                        try {
                            review.claim(moderator, ref);
                            return true;
                        } catch (CaseClaimedException e) {
                            return false;
                        }
                    }));
                }
                start.countDown();
            }
            int won = 0;
            for (Future<Boolean> attempt : attempts) {
                won += attempt.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            String holder =
                    review.find(ref).claimantAt(context.clock().instant()).orElseThrow();
            Moderator winner = holder.equals("alice") ? ALICE : BOB;
            Moderator loser = winner == ALICE ? BOB : ALICE;
            var noViolation = new DecisionRequest(
                    Outcome.NO_VIOLATION,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT),
                    Optional.empty(),
                    Optional.empty());

            assertThatThrownBy(() -> review.decide(loser, ref, noViolation)).isInstanceOf(NotClaimantException.class);
            assertThatThrownBy(() -> review.claim(loser, ref)).isInstanceOf(CaseClaimedException.class);

            context.clock().advance(Duration.ofMinutes(16));
            review.claim(loser, ref);
            assertThatThrownBy(() -> review.decide(winner, ref, noViolation)).isInstanceOf(NotClaimantException.class);
            long seen = review.find(ref).version();
            review.release(loser, ref);
            review.claim(loser, ref);
            var stale = new DecisionRequest(
                    Outcome.NO_VIOLATION,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT),
                    Optional.empty(),
                    Optional.of(seen));
            assertThatThrownBy(() -> review.decide(loser, ref, stale)).isInstanceOf(CaseChangedException.class);

            review.decide(loser, ref, noViolation);
            assertThat(review.find(ref).state()).isEqualTo(ReviewState.NO_VIOLATION);
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT content_id FROM media_hold")
                            .query(String.class)
                            .list())
                    .as("released when the case closes without action")
                    .isEmpty();
            assertThatThrownBy(() -> review.decide(loser, ref, noViolation))
                    .isInstanceOf(CaseNotDecidableException.class);
            assertThat(context.bean(Intake.class).reportsForReview(ref)).hasSize(1);
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT kind FROM intake_outbox ORDER BY created_at")
                            .query(String.class)
                            .list())
                    .containsExactly("ACKNOWLEDGEMENT", "NOT_INTIMATE_IMAGE_CONTENT");
            assertThat(context.bean(AuditTrail.class).verify()).isInstanceOf(ChainVerification.Intact.class);
        }
    }

    @Test
    void keepsEscalatedAndChildAbuseCasesForSeniorModerators() throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Review review = context.review();
            CaseRef child = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, true, "id:senior-1");
            assertThatThrownBy(() -> review.claim(ALICE, child)).isInstanceOf(SeniorModeratorRequiredException.class);
            assertThat(review.queue(ALICE, ReviewState.OPEN, 100))
                    .as("kept out of the ordinary queue")
                    .isEmpty();
            assertThat(review.queue(SAM, ReviewState.OPEN, 100))
                    .extracting(ReviewCase::ref)
                    .containsExactly(child);
            assertThatThrownBy(() -> review.caseFile(ALICE, child))
                    .isInstanceOf(SeniorModeratorRequiredException.class);
            review.claim(SAM, child);
            review.decide(
                    SAM,
                    child,
                    new DecisionRequest(
                            Outcome.REFER,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
            assertThat(review.find(child).state()).isEqualTo(ReviewState.AWAITING_REMOVAL);
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT agency FROM review_referral WHERE case_ref = :ref")
                            .param("ref", child.value())
                            .query(String.class)
                            .list())
                    .containsExactly("NCA");
            context.bean(Enforcement.class).dispatchNow();
            assertThat(platform.acknowledged("content.remove"))
                    .extracting(r -> r.body().get("contentId").asString())
                    .containsExactly("id:senior-1");
            assertThat(review.find(child).state()).isEqualTo(ReviewState.REMOVED);
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT content_id FROM media_hold")
                            .query(String.class)
                            .list())
                    .as("referred content stays held as evidence")
                    .contains("id:senior-1");

            CaseRef ordinary = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "id:senior-2");
            review.claim(ALICE, ordinary);
            review.decide(
                    ALICE,
                    ordinary,
                    new DecisionRequest(
                            Outcome.ESCALATE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of("Unsure whether consent was given"),
                            Optional.empty()));
            assertThat(review.find(ordinary).state()).isEqualTo(ReviewState.ESCALATED);
            assertThat(review.find(ordinary).claim()).isEmpty();
            assertThatThrownBy(() -> review.claim(BOB, ordinary)).isInstanceOf(SeniorModeratorRequiredException.class);
            review.claim(SAM, ordinary);
            assertThat(review.decide(
                                    SAM,
                                    ordinary,
                                    new DecisionRequest(
                                            Outcome.NO_VIOLATION,
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.of(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT),
                                            Optional.empty(),
                                            Optional.empty()))
                            .outcome())
                    .isEqualTo(Outcome.NO_VIOLATION);
            assertThatThrownBy(() -> new DecisionRequest(
                            Outcome.NO_VIOLATION,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()))
                    .isInstanceOf(InvalidDecisionException.class);
            assertThatThrownBy(() -> new DecisionRequest(
                            Outcome.REMOVE,
                            Optional.of(RemovalBasis.TERMS_OF_SERVICE),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()))
                    .isInstanceOf(InvalidDecisionException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void stopsTheClockAtThePlatformsAcknowledgementAndBlocksTheImageAfterwards(TestDatabase.Vendor vendor)
            throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            assertThat(check(context, "post-77", "uploader-9", IMAGE).verdict()).isEqualTo(Verdict.ALLOW);
            CaseRef ref = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "post-77");
            Review review = context.review();
            context.clock().advance(Duration.ofHours(3));
            review.claim(ALICE, ref);
            review.decide(
                    ALICE,
                    ref,
                    new DecisionRequest(
                            Outcome.REMOVE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of("The reporter is shown; no consent."),
                            Optional.empty()));
            assertThat(review.find(ref).state()).isEqualTo(ReviewState.AWAITING_REMOVAL);
            assertThat(review.find(ref).removedAt()).isEmpty();

            platform.failNext(1);
            context.bean(Enforcement.class).dispatchNow();
            assertThat(review.find(ref).state())
                    .as("a refused delivery does not stop the clock")
                    .isEqualTo(ReviewState.AWAITING_REMOVAL);
            context.clock().advance(Duration.ofHours(1));
            context.bean(Enforcement.class).dispatchNow();

            var removals = platform.acknowledged("content.remove");
            assertThat(removals).hasSize(1);
            var body = removals.getFirst().body();
            assertThat(removals.getFirst().signatureValid()).isTrue();
            assertThat(body.get("contentId").asString()).isEqualTo("post-77");
            assertThat(body.get("caseRef").asString()).isEqualTo(ref.value());
            var reasons = body.get("statementOfReasons");
            assertThat(reasons.get("restriction").get("type").asString()).isEqualTo("REMOVAL");
            assertThat(reasons.has("facts")
                            && reasons.has("automatedMeans")
                            && reasons.has("legalGround")
                            && reasons.has("redress"))
                    .isTrue();
            assertThat(body.toString())
                    .doesNotContain("Alex Example")
                    .doesNotContain("alex@example.org")
                    .doesNotContain("former partner");

            ReviewCase removed = review.find(ref);
            assertThat(removed.state()).isEqualTo(ReviewState.REMOVED);
            assertThat(removed.removedAt()).contains(ReviewContext.START.plus(Duration.ofHours(4)));
            assertThat(removed.breachedAt(context.clock().instant().plus(Duration.ofDays(10))))
                    .isFalse();

            assertThat(context.bean(FollowUpQueue.class).pending(ref, FollowUpQueue.Kind.BANK_REMOVED_CONTENT))
                    .as("the banking waits for the acknowledgement's commit, in the follow-up queue")
                    .isEqualTo(1);
            assertThat(review.runFollowUps())
                    .as("the banking, and the search for copies that the report queued")
                    .isEqualTo(2);
            assertThat(context.bean(FollowUpQueue.class).pending(ref, FollowUpQueue.Kind.BANK_REMOVED_CONTENT))
                    .isZero();
            CheckResult again = check(context, "post-78", "uploader-10", IMAGE);
            assertThat(again.verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(again.matches()).extracting(m -> m.bank()).contains(new BankName("confirmed-removals"));
            assertThat(context.bean(Intake.class).reportsForReview(ref)).isNotEmpty();
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT what FROM intake_event WHERE case_ref = :ref ORDER BY id")
                            .param("ref", ref.value())
                            .query(String.class)
                            .list())
                    .containsSubsequence("REPORT_RECEIVED", "REMOVAL_DECIDED", "REMOVED");
            assertThat(context.bean(AuditTrail.class).verify()).isInstanceOf(ChainVerification.Intact.class);
        }
    }

    @Test
    void opensALinkedCaseForEachCopyTheRetroactiveScanFindsAfterARemoval() throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            check(context, "orig-1", "uploader-1", IMAGE);
            PdqHash nearCopy = flipped(IMAGE, 0, 7, 100, 200);
            check(context, "copy-1", "uploader-2", nearCopy);
            CaseRef ref = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "orig-1");
            Review review = context.review();
            review.claim(ALICE, ref);
            review.decide(
                    ALICE,
                    ref,
                    new DecisionRequest(
                            Outcome.REMOVE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
            context.bean(Enforcement.class).dispatchNow();
            review.runFollowUps();

            List<ReviewCase> copies = review.queue(ReviewState.OPEN, 100).stream()
                    .filter(c -> c.origin() == Origin.MATCH)
                    .toList();
            assertThat(copies).hasSize(1);
            ReviewCase copy = copies.getFirst();
            assertThat(copy.linkedCase()).contains(ref);
            assertThat(copy.source()).isEqualTo(Source.HASH_MATCH);
            assertThat(copy.deadline()).isEqualTo(review.find(ref).deadline());
            CaseFile file = review.caseFile(copy.ref());
            assertThat(file.contents()).extracting(CaseContent::contentId).containsExactly("copy-1");
            assertThat(file.matches()).singleElement().satisfies(m -> {
                assertThat(m.distance()).isEqualTo(4);
                assertThat(m.retroactive()).isTrue();
            });
        }
    }

    @Test
    void asksThePlatformToSuspendAnUploaderAfterTheConfiguredNumberOfConfirmedRemovals() throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform, "--redress.review.suspend-after=2")) {
            Review review = context.review();
            List<String> statements = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                PdqHash hash = i == 0
                        ? IMAGE
                        : flipped(
                                IMAGE, 3, 60, 61, 62, 90, 91, 92, 120, 121, 122, 130, 131, 132, 140, 141, 142, 150, 151,
                                152, 160, 161, 162, 170, 171, 172, 180, 181, 182, 190, 191, 192, 200, 201, 202, 210,
                                211, 212, 220, 221, 222);
                check(context, "repeat-" + i, "uploader-r", hash);
                CaseRef ref = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "repeat-" + i);
                review.claim(ALICE, ref);
                review.decide(
                        ALICE,
                        ref,
                        new DecisionRequest(
                                Outcome.REMOVE,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
                context.bean(Enforcement.class).dispatchNow();
                statements.add(platform.acknowledged("content.remove")
                        .getLast()
                        .body()
                        .get("statementOfReasons")
                        .get("accountStanding")
                        .get("warning")
                        .asString());
            }
            context.bean(Enforcement.class).dispatchNow();
            assertThat(statements.getFirst()).contains("Further removals");
            var suspensions = platform.acknowledged("account.suspend");
            assertThat(suspensions).singleElement().satisfies(s -> {
                assertThat(s.body().get("uploaderId").asString()).isEqualTo("uploader-r");
                assertThat(s.body().get("confirmedRemovals").asInt()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void warnsTwelveHoursAheadAndRecordsBreachesOnAnInjectedClock(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Review review = context.review();
            CaseRef slow = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "id:slow");
            CaseRef quick = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "id:quick");
            review.claim(ALICE, quick);
            review.decide(
                    ALICE,
                    quick,
                    new DecisionRequest(
                            Outcome.REMOVE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
            context.bean(Enforcement.class).dispatchNow();

            context.clock().advance(Duration.ofHours(35).plusMinutes(59));
            assertThat(review.sweep()).isEqualTo(new SweepResult(0, 0));
            context.clock().advance(Duration.ofMinutes(1));
            assertThat(review.sweep()).isEqualTo(new SweepResult(1, 0));
            assertThat(review.sweep()).as("warned once").isEqualTo(new SweepResult(0, 0));
            assertThat(review.dashboard().atRisk()).extracting(ReviewCase::ref).containsExactly(slow);

            context.clock().advance(Duration.ofHours(12));
            assertThat(review.sweep()).as("not yet past the deadline").isEqualTo(new SweepResult(0, 0));
            context.clock().advance(Duration.ofMillis(1));
            assertThat(review.sweep()).isEqualTo(new SweepResult(0, 1));
            assertThat(review.sweep()).isEqualTo(new SweepResult(0, 0));
            assertThat(review.find(slow).breachedAt()).isPresent();
            assertThat(review.find(quick).breachedAt()).isEmpty();
            assertThat(review.dashboard().breached())
                    .extracting(ReviewCase::ref)
                    .containsExactly(slow);
            assertThat(review.caseFile(slow).history())
                    .extracting(HistoryEntry::what)
                    .containsSubsequence(
                            HistoryStep.OPENED, HistoryStep.DEADLINE_WARNING, HistoryStep.DEADLINE_BREACHED);
        }
    }

    @Test
    void deliversEveryRemovalOncePerDeliveryIdAfterThePlatformRecoversAndStopsEachClockOnlyThen() throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Review review = context.review();
            List<CaseRef> refs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CaseRef ref = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "outage-" + i);
                review.claim(ALICE, ref);
                review.decide(
                        ALICE,
                        ref,
                        new DecisionRequest(
                                Outcome.REMOVE,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
                refs.add(ref);
            }
            platform.failNext(7);
            for (int round = 0;
                    round < 12 && platform.acknowledged("content.remove").size() < 3;
                    round++) {
                context.bean(Enforcement.class).dispatchNow();
                context.clock().advance(Duration.ofMinutes(10));
            }
            var acknowledged = platform.acknowledged("content.remove");
            assertThat(acknowledged).hasSize(3);
            assertThat(acknowledged).extracting(Platform.Received::deliveryId).doesNotHaveDuplicates();
            assertThat(platform.received())
                    .extracting(Platform.Received::answeredWith)
                    .contains(503);
            for (var delivery : acknowledged) {
                var attempts = platform.received().stream()
                        .filter(r -> r.deliveryId().equals(delivery.deliveryId()))
                        .toList();
                assertThat(attempts)
                        .extracting(r -> r.body().toString())
                        .as("the same body on every attempt")
                        .containsOnly(delivery.body().toString());
            }
            for (CaseRef ref : refs) {
                ReviewCase removed = review.find(ref);
                assertThat(removed.state()).isEqualTo(ReviewState.REMOVED);
                assertThat(removed.removedAt().orElseThrow()).isAfter(ReviewContext.START);
            }
            context.bean(Enforcement.class).dispatchNow();
            assertThat(platform.acknowledged("content.remove")).hasSize(3);
        }
    }

    @Test
    void asksThePlatformToHideReportedContentOnReceiptWhenThePolicySaysSo() throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform, "--redress.review.hide-on-report=true")) {
            CaseRef ref = file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "hide-me");
            context.bean(Enforcement.class).dispatchNow();
            assertThat(platform.acknowledged("content.hide")).singleElement().satisfies(hide -> {
                assertThat(hide.body().get("contentId").asString()).isEqualTo("hide-me");
                assertThat(hide.body().get("caseRef").asString()).isEqualTo(ref.value());
            });
            assertThat(context.review().find(ref).state())
                    .as("hiding does not decide the case")
                    .isEqualTo(ReviewState.OPEN);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void reopensACaseClosedWithoutActionOnAComplaintForADifferentSeniorModerator(TestDatabase.Vendor vendor)
            throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Review review = context.review();
            var receipt = context.bean(Intake.class)
                    .report(
                            PUBLIC,
                            Channel.PUBLIC,
                            report(ReporterRole.SUBJECT, false, "id:complain"),
                            Optional.empty());
            CaseRef ref = receipt.caseRef();
            review.claim(SAM, ref);
            review.decide(
                    SAM,
                    ref,
                    new DecisionRequest(
                            Outcome.NO_VIOLATION,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT),
                            Optional.empty(),
                            Optional.empty()));

            context.bean(Intake.class)
                    .complain(
                            PUBLIC, ref.value(), receipt.statusToken(), "It is me in the picture and I did not agree.");

            assertThat(review.find(ref).state()).isEqualTo(ReviewState.ESCALATED);
            assertThatThrownBy(() -> review.claim(SAM, ref)).isInstanceOf(DifferentModeratorRequiredException.class);
            assertThatThrownBy(() -> review.claim(ALICE, ref)).isInstanceOf(SeniorModeratorRequiredException.class);
            var sue = new Moderator("sue", true);
            review.claim(sue, ref);
            assertThat(review.caseFile(ref).complaints())
                    .singleElement()
                    .satisfies(c -> assertThat(c.text()).contains("did not agree"));
            review.decide(
                    sue,
                    ref,
                    new DecisionRequest(
                            Outcome.REMOVE,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()));
            assertThat(review.find(ref).state()).isEqualTo(ReviewState.AWAITING_REMOVAL);
            assertThat(review.caseFile(ref).history())
                    .extracting(HistoryEntry::what)
                    .contains(HistoryStep.REOPENED_BY_COMPLAINT);
        }
    }
}
