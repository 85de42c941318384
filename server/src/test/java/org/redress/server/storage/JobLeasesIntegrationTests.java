package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jobs that must run once across replicas: two application contexts on one PostgreSQL database race
 * for the same due jobs and each job runs on exactly one; a replica that holds a job and never lets
 * it go (it died) stops holding it when its hold ends, and the other replica runs the job then.
 */
class JobLeasesIntegrationTests {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private static JobLeases jobs(ConfigurableApplicationContext context, MutableClock clock, String replica) {
        return new JobLeases(context.getBean(JdbcClient.class), context.getBean(SqlDialect.class), clock, replica);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void runsAJobOncePerPeriodAndRecordsWhereItRan(TestDatabase.Vendor vendor) {
        try (var database = TestDatabase.create(vendor);
                var context = StorageContext.open(database)) {
            var clock = new MutableClock(START);
            var jobs = jobs(context, clock, "replica-a");
            int[] runs = {0};
            Runnable work = () -> runs[0]++;
            assertThat(jobs.runIfDue("test.job", Duration.ofMinutes(10), Duration.ofMinutes(1), work))
                    .isTrue();
            assertThat(jobs.runIfDue("test.job", Duration.ofMinutes(10), Duration.ofMinutes(1), work))
                    .isFalse();
            clock.advance(Duration.ofMinutes(9));
            assertThat(jobs.runIfDue("test.job", Duration.ofMinutes(10), Duration.ofMinutes(1), work))
                    .isFalse();
            clock.advance(Duration.ofMinutes(1));
            assertThat(jobs.runIfDue("test.job", Duration.ofMinutes(10), Duration.ofMinutes(1), work))
                    .isTrue();
            assertThat(runs[0]).isEqualTo(2);
            var row = context.getBean(JdbcClient.class)
                    .sql("SELECT held_by, last_run_by FROM storage_job_lease WHERE name = 'test.job'")
                    .query()
                    .singleRow();
            assertThat(row.get("held_by")).isNull();
            assertThat(row.get("last_run_by")).isEqualTo("replica-a");
        }
    }

    @Test
    void runsEachDueJobOnExactlyOneOfTwoReplicas() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = StorageContext.open(database);
                var b = StorageContext.open(database)) {
            var clock = new MutableClock(START);
            List<JobLeases> replicas = List.of(jobs(a, clock, "replica-a"), jobs(b, clock, "replica-b"));
            Map<String, List<String>> ranOn = new ConcurrentHashMap<>();
            int jobCount = 20;
            var together = new CyclicBarrier(replicas.size());
            try (var threads = Executors.newFixedThreadPool(replicas.size())) {
                List<Future<?>> schedulers = new ArrayList<>();
                for (JobLeases replica : replicas) {
                    schedulers.add(threads.submit(() -> {
                        for (int j = 0; j < jobCount; j++) {
                            String job = "test.job-" + j;
                            together.await(10, TimeUnit.SECONDS);
                            replica.runIfDue(job, Duration.ofHours(1), Duration.ofMinutes(1), () -> {
                                ranOn.computeIfAbsent(
                                                job, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                        .add(replica.holder());
                                pause(20);
                            });
                        }
                        return null;
                    }));
                }
                for (var scheduler : schedulers) {
                    scheduler.get();
                }
            }
            assertThat(ranOn).hasSize(jobCount);
            assertThat(ranOn.values()).allSatisfy(holders -> assertThat(holders).hasSize(1));
        }
    }

    @Test
    void aDeadHoldersJobRunsOnTheOtherReplicaOnceTheHoldEnds() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = StorageContext.open(database);
                var b = StorageContext.open(database)) {
            var clock = new MutableClock(START);
            var onA = jobs(a, clock, "replica-a");
            var onB = jobs(b, clock, "replica-b");
            var aIsStuck = new CountDownLatch(1);
            var neverReturns = new CountDownLatch(1);
            var stuck = Executors.newSingleThreadExecutor();
            try {
                // A takes the job and never lets it go, as a replica does that dies mid-run.
                var ranOnA = stuck.submit(
                        () -> onA.runIfDue("test.sweep", Duration.ofHours(1), Duration.ofMinutes(5), () -> {
                            aIsStuck.countDown();
                            awaitQuietly(neverReturns);
                        }));
                assertThat(aIsStuck.await(10, TimeUnit.SECONDS)).isTrue();
                int[] runsOnB = {0};
                assertThat(onB.runIfDue("test.sweep", Duration.ofHours(1), Duration.ofMinutes(5), () -> runsOnB[0]++))
                        .as("held by A")
                        .isFalse();
                clock.advance(Duration.ofMinutes(4));
                assertThat(onB.runIfDue("test.sweep", Duration.ofHours(1), Duration.ofMinutes(5), () -> runsOnB[0]++))
                        .as("still held by A")
                        .isFalse();
                clock.advance(Duration.ofMinutes(1));
                assertThat(onB.runIfDue("test.sweep", Duration.ofHours(1), Duration.ofMinutes(5), () -> runsOnB[0]++))
                        .as("A's hold has ended")
                        .isTrue();
                assertThat(runsOnB[0]).isEqualTo(1);

                // A coming back late neither runs the job again nor undoes B's record of it.
                neverReturns.countDown();
                assertThat(ranOnA.get(10, TimeUnit.SECONDS)).isTrue();
                var row = a.getBean(JdbcClient.class)
                        .sql("SELECT last_run_by, next_run_at FROM storage_job_lease WHERE name = 'test.sweep'")
                        .query()
                        .singleRow();
                assertThat(row.get("last_run_by")).isEqualTo("replica-b");
                assertThat(onA.runIfDue("test.sweep", Duration.ofHours(1), Duration.ofMinutes(5), () -> {}))
                        .isFalse();
            } finally {
                neverReturns.countDown();
                stuck.shutdownNow();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
