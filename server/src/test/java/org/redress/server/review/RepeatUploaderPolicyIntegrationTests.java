package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.Channel;
import org.redress.server.intake.Intake;
import org.redress.server.intake.ReporterRole;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Upload;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import tools.jackson.databind.JsonNode;

/**
 * The repeat-uploader policy as EU DSA Art. 23 reads it: a warning first, then a suspension for a
 * stated period, each with its own statement of reasons and a link to appeal the removal it rests
 * on; a suspension left without enough removals behind it by an appeal ends at once.
 */
class RepeatUploaderPolicyIntegrationTests {

    private static final Actor PLATFORM = new Actor.ApiKey("platform");
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final Moderator SAM = new Moderator("sam", true);
    private static final PdqHash FIRST =
            PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
    private static final PdqHash SECOND = new PdqHash(~FIRST.w0(), ~FIRST.w1(), FIRST.w2(), FIRST.w3());

    private static CaseRef removeAndConfirm(ReviewContext context, String contentId, PdqHash hash) {
        var upload = new Upload(contentId, "uploader-r", EntryHashes.ofPdq(hash), List.of());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> context.bean(Matching.class).check(PLATFORM, upload), result -> true);
        CaseRef ref = context.bean(Intake.class)
                .report(
                        new Actor.Public(),
                        Channel.PUBLIC,
                        ReviewIntegrationTests.report(ReporterRole.SUBJECT, false, contentId),
                        Optional.empty())
                .caseRef();
        context.review().claim(ALICE, ref);
        context.review()
                .decide(
                        ALICE,
                        ref,
                        DecisionRequest.of(
                                new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())));
        context.bean(Enforcement.class).dispatchNow();
        context.bean(Enforcement.class).dispatchNow();
        return ref;
    }

    private static JsonNode statementOf(Platform platform, String type) {
        return platform.acknowledged(type).getLast().body().get("statementOfReasons");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void warnsFirstThenSuspendsForAStatedPeriodAndLiftsTheSuspensionWhenAnAppealTakesItsGroundsAway(
            TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(
                        db,
                        clock,
                        platform,
                        "--redress.review.suspend-after=2",
                        "--redress.review.suspension-period=P10D")) {
            removeAndConfirm(context, "repeat-1", FIRST);
            assertThat(platform.acknowledged("account.suspend")).isEmpty();
            JsonNode warning = statementOf(platform, "account.warn");
            assertThat(warning.get("restriction").get("type").asString()).isEqualTo("ACCOUNT_WARNING");
            assertThat(warning.get("redress").get("internalAppeal").get("url").asString())
                    .startsWith("https://redress.example/appeal?t=");

            clock.advance(Duration.ofHours(1));
            removeAndConfirm(context, "repeat-2", SECOND);
            assertThat(platform.acknowledged("account.warn")).as("warned once").hasSize(1);
            var suspension = platform.acknowledged("account.suspend").getLast().body();
            Instant until = Instant.parse(suspension.get("until").asString());
            assertThat(until).isEqualTo(clock.instant().plus(Duration.ofDays(10)));
            JsonNode suspended = suspension.get("statementOfReasons");
            assertThat(suspended.get("restriction").get("type").asString()).isEqualTo("ACCOUNT_SUSPENSION");
            assertThat(suspended.get("restriction").get("duration").asString()).isEqualTo("PT240H");
            assertThat(suspended.get("legalGround").toString()).contains("Art. 23");
            assertThat(suspension.toString()).doesNotContain("Alex Example").doesNotContain("alice");

            AppealReceipt appeal = context.review()
                    .appeal(PLATFORM, new ContentId("repeat-2"), new UploaderId("uploader-r"), "Not what it seems.");
            context.review().claim(SAM, appeal.appealRef());
            context.review()
                    .decide(SAM, appeal.appealRef(), DecisionRequest.of(new Decision.Reverse(Optional.empty())));
            context.bean(Enforcement.class).dispatchNow();
            assertThat(platform.acknowledged("account.reinstate"))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(r.body().get("uploaderId").asString()).isEqualTo("uploader-r"));
        }
    }
}
