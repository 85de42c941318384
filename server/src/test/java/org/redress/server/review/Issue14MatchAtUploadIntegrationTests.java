package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;

/**
 * Issue 14: {@code MatchFound} is published before the upload check's registry row is written,
 * so a case opened by a match at upload looked its uploader up too early and had none: the
 * removal was not counted against them and their statement of reasons lacked the account
 * standing. The event now carries the uploader.
 */
class Issue14MatchAtUploadIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("admin");
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final PdqHash IMAGE =
            PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void countsARemovalOfContentMatchedAtUploadAgainstItsUploader(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Matching matching = context.bean(Matching.class);
            var bank = new BankName("watch-list");
            matching.createBank(ADMIN, bank, BankAction.REVIEW, 31, 50);
            matching.addEntry(
                    ADMIN,
                    bank,
                    EntryHashes.ofPdq(IMAGE),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.MANUAL, "admin"));

            CheckResult checked = check(context, new Upload("up-1", "uploader-m", EntryHashes.ofPdq(IMAGE), List.of()));
            assertThat(checked.verdict()).isEqualTo(Verdict.REVIEW);

            Review review = context.review();
            CaseRef ref = review.queue(ReviewState.OPEN, 10).stream()
                    .filter(c -> c.origin() == Origin.MATCH)
                    .findFirst()
                    .orElseThrow()
                    .ref();
            assertThat(review.caseFile(ref).contents())
                    .singleElement()
                    .satisfies(c -> assertThat(c.uploaderId()).contains("uploader-m"));

            review.claim(ALICE, ref);
            review.decide(
                    ALICE,
                    ref,
                    DecisionRequest.of(
                            new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())));
            context.bean(Enforcement.class).dispatchNow();

            var removal = platform.acknowledged("content.remove").getFirst().body();
            assertThat(removal.get("statementOfReasons")
                            .get("accountStanding")
                            .get("confirmedRemovals")
                            .asInt())
                    .isEqualTo(1);
            assertThat(context.bean(ReviewCases.class).confirmedRemovals("uploader-m"))
                    .isEqualTo(1);
        }
    }

    private static CheckResult check(ReviewContext context, Upload upload) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> context.bean(Matching.class).check(new Actor.ApiKey("platform"), upload), result -> true);
    }
}
