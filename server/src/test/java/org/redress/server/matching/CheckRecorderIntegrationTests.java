package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.TestDatabase;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The group commit of upload checks, with many checks in flight at once, on both databases. */
class CheckRecorderIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("bank-admin");
    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");
    private static final int CHECKS = 120;

    private record Audited(String action, String objectId) {}

    private static PdqHash banked;
    private static PdqHash unrelated;

    private static Matching withBlockBank(ConfigurableApplicationContext context) {
        if (banked == null) {
            banked = UploadHashing.hash(TestImages.png(TestImages.picture(31)))
                    .hashes()
                    .pdq()
                    .orElseThrow();
            unrelated = UploadHashing.hash(TestImages.png(TestImages.picture(32)))
                    .hashes()
                    .pdq()
                    .orElseThrow();
        }
        context.getBean(MatchIndex.class).refresh();
        var matching = context.getBean(Matching.class);
        matching.createBank(ADMIN, new BankName("known"), BankAction.BLOCK, 31, 50);
        matching.addEntry(
                ADMIN,
                new BankName("known"),
                EntryHashes.ofPdq(banked),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.DECISION, "decision-1"));
        return matching;
    }

    /** Even-numbered checks hit the bank, odd ones are clean. */
    private static Upload upload(int n) {
        return new Upload(
                "content-" + n, "uploader-" + n, EntryHashes.ofPdq(n % 2 == 0 ? banked : unrelated), List.of());
    }

    /** Runs checks 0..count-1 at once from 16 threads; returns each check's verdict, or its failure. */
    private static List<Object> checkConcurrently(Matching matching, int count) throws InterruptedException {
        return checkConcurrently(matching, IntStream.range(0, count));
    }

    private static List<Object> checkConcurrently(Matching matching, IntStream uploads) throws InterruptedException {
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Future<Verdict>> futures = new ArrayList<>();
            uploads.forEach(i -> futures.add(pool.submit((Callable<Verdict>)
                    () -> matching.check(PLATFORM, upload(i)).verdict())));
            List<Object> outcomes = new ArrayList<>();
            for (Future<Verdict> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        }
    }

    private static List<Audited> checkAudit(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT action, object_id FROM audit_entry WHERE action LIKE 'content.checked%' "
                        + "OR action LIKE 'match.found%' ORDER BY seq")
                .query((row, n) -> new Audited(row.getString("action"), row.getString("object_id")))
                .list();
    }

    private static List<String> registered(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT content_id FROM matching_content ORDER BY id")
                .query(String.class)
                .list();
    }

    private static List<String> blockedIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n += 2) {
            ids.add("content-" + n);
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void registersAndAuditsEveryConcurrentCheckBeforeAnsweringIt(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = withBlockBank(context);

            List<Object> verdicts = checkConcurrently(matching, CHECKS);

            for (int n = 0; n < CHECKS; n++) {
                assertThat(verdicts.get(n)).isEqualTo(n % 2 == 0 ? Verdict.BLOCK : Verdict.ALLOW);
            }
            assertThat(registered(context)).hasSize(CHECKS).doesNotHaveDuplicates();
            var audited = checkAudit(context);
            assertThat(audited.stream()
                            .filter(a -> a.action().equals("content.checked:block"))
                            .map(Audited::objectId))
                    .containsExactlyInAnyOrderElementsOf(blockedIds(CHECKS));
            assertThat(audited).noneMatch(a -> a.action().startsWith("content.checked:allow"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void writesEachChecksAuditRecordsTogetherAndInTheOrderOfTheChecks(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = withBlockBank(context);
            for (int n = 0; n < 10; n += 2) {
                matching.check(PLATFORM, upload(n));
            }
            checkConcurrently(matching, CHECKS);

            var audited = checkAudit(context);
            assertThat(audited.subList(0, 10))
                    .extracting(Audited::action)
                    .containsExactly(
                            "content.checked:block",
                            "match.found:block",
                            "content.checked:block",
                            "match.found:block",
                            "content.checked:block",
                            "match.found:block",
                            "content.checked:block",
                            "match.found:block",
                            "content.checked:block",
                            "match.found:block");
            assertThat(audited.subList(0, 10))
                    .extracting(a -> a.objectId().replaceFirst("^\\d+/", ""))
                    .containsExactly(
                            "content-0",
                            "content-0",
                            "content-2",
                            "content-2",
                            "content-4",
                            "content-4",
                            "content-6",
                            "content-6",
                            "content-8",
                            "content-8");
            // A batch never interleaves two checks: each verdict is followed by its own match.
            for (int i = 0; i < audited.size(); i += 2) {
                assertThat(audited.get(i).action()).isEqualTo("content.checked:block");
                assertThat(audited.get(i + 1).objectId())
                        .endsWith("/" + audited.get(i).objectId());
            }
            assertThat(registered(context).subList(0, 5))
                    .containsExactly("content-0", "content-2", "content-4", "content-6", "content-8");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsEveryAuditedVerdictWhenRegisteringABatchFails(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = withBlockBank(context);
            db.update("DROP TABLE matching_content");

            List<Object> verdicts = checkConcurrently(matching, CHECKS);

            assertThat(verdicts).allMatch(v -> v instanceof Verdict);
            assertThat(checkAudit(context).stream()
                            .filter(a -> a.action().equals("content.checked:block"))
                            .map(Audited::objectId))
                    .containsExactlyInAnyOrderElementsOf(blockedIds(CHECKS));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersEveryCleanCheckWhenRegisteringABatchOfCleanChecksFails(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = withBlockBank(context);
            db.update("DROP TABLE matching_content");
            // Odd-numbered checks are clean: every batch is one of clean uploads only.
            List<Object> verdicts =
                    checkConcurrently(matching, IntStream.range(0, CHECKS).map(n -> 2 * n + 1));

            assertThat(verdicts).hasSize(CHECKS).allMatch(v -> v == Verdict.ALLOW);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void failsOnlyTheCheckWhoseWriteFailsWhenItsBatchCannotCommit(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = withBlockBank(context);
            // A listener that fails mid-batch, as a crash of the audit write would: the whole batch
            // transaction rolls back, and the writer must retry the others on their own.
            context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
                if (event.getPayload() instanceof ContentChecked checked
                        && checked.contentId().equals("content-40")) {
                    throw new IllegalStateException("audit unavailable");
                }
            });

            List<Object> outcomes = checkConcurrently(matching, CHECKS);

            assertThat(outcomes.get(40)).isInstanceOf(IllegalStateException.class);
            for (int n = 0; n < CHECKS; n++) {
                if (n != 40) {
                    assertThat(outcomes.get(n)).as("check %d", n).isEqualTo(n % 2 == 0 ? Verdict.BLOCK : Verdict.ALLOW);
                }
            }
            List<String> expectedBlocked = new ArrayList<>(blockedIds(CHECKS));
            expectedBlocked.remove("content-40");
            assertThat(checkAudit(context).stream()
                            .filter(a -> a.action().equals("content.checked:block"))
                            .map(Audited::objectId))
                    .containsExactlyInAnyOrderElementsOf(expectedBlocked);
            assertThat(registered(context)).hasSize(CHECKS - 1).doesNotContain("content-40");
            // The writer survived the failure and goes on taking checks.
            assertThat(matching.check(PLATFORM, upload(200)).verdict()).isEqualTo(Verdict.BLOCK);
        }
    }
}
