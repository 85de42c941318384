package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.enforcement.webhook.Deliveries;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;

/**
 * The outbox's claims on both databases: a claimed row belongs to one dispatcher until its lease
 * ends, concurrent claimers and whole dispatchers never share a row, and an outcome recorded
 * under a lost claim is refused.
 */
class DeliveryClaimIntegrationTests {

    private static final Actor MODERATOR = new Actor.Staff("moderator");

    private static List<DeliveryId> queue(Enforcement enforcement, int count, String prefix) {
        List<DeliveryId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(enforcement.requestRemoval(
                    MODERATOR, new CaseRef(prefix + i), new ContentId("content-" + i), Map.of("ground", "test")));
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void holdsAClaimedRowForOneDispatcherUntilTheLeaseEnds(TestDatabase.Vendor vendor) {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var context = new EnforcementContext(db, clock)) {
            var ids = queue(context.enforcement(), 5, "RDR-LEASE-");
            var deliveries = context.bean(Deliveries.class);
            Instant now = clock.instant();
            Duration lease = Duration.ofMinutes(1);

            var first = deliveries.claimDue("dispatcher-a", now, now.plus(lease), 10);
            assertThat(first).extracting(c -> c.delivery().id()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(deliveries.claimDue(
                            "dispatcher-b", now.plus(lease).minusMillis(1), now.plus(lease.multipliedBy(2)), 10))
                    .isEmpty();
            assertThat(deliveries.retryLater(ids.getFirst(), "dispatcher-b", Optional.of(500), "HTTP 500", now))
                    .isFalse();

            // Dispatcher A died: when its lease ends the rows come back, and A's late outcome is refused.
            var second = deliveries.claimDue("dispatcher-c", now.plus(lease), now.plus(lease.multipliedBy(2)), 10);
            assertThat(second).hasSize(5);
            assertThat(second.getFirst().body())
                    .isEqualTo(first.stream()
                            .filter(c -> c.delivery()
                                    .id()
                                    .equals(second.getFirst().delivery().id()))
                            .findFirst()
                            .orElseThrow()
                            .body());
            assertThat(deliveries.acknowledge(ids.getFirst(), "dispatcher-a", 200, now.plus(lease)))
                    .isFalse();
            assertThat(deliveries.acknowledge(ids.getFirst(), "dispatcher-c", 200, now.plus(lease)))
                    .isTrue();
            assertThat(deliveries.acknowledge(ids.getFirst(), "dispatcher-c", 200, now.plus(lease)))
                    .isFalse();
            assertThat(deliveries.find(ids.getFirst()).orElseThrow().state()).isEqualTo(Delivery.State.ACKNOWLEDGED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void neverGivesOneRowToTwoConcurrentClaimers(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var context = new EnforcementContext(db, clock)) {
            var ids = queue(context.enforcement(), 120, "RDR-RACE-");
            var deliveries = context.bean(Deliveries.class);
            Instant now = clock.instant();
            var claimed = new ConcurrentLinkedQueue<DeliveryId>();
            var start = new CountDownLatch(1);
            try (var threads = Executors.newFixedThreadPool(6)) {
                List<Future<?>> claimers = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    String name = "claimer-" + t;
                    claimers.add(threads.submit(() -> {
                        start.await();
                        // Bounded, so that a claim that hands out rows twice fails the test instead of looping.
                        for (int round = 0; round < 40; round++) {
                            var batch = deliveries.claimDue(name + "/" + round, now, now.plusSeconds(60), 7);
                            if (batch.isEmpty()) {
                                return null;
                            }
                            batch.forEach(c -> claimed.add(c.delivery().id()));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> claimer : claimers) {
                    claimer.get();
                }
            }
            assertThat(claimed).hasSize(ids.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void twoDispatchersSendEachDeliveryOnce(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var receiver = new WebhookReceiver(
                        EnforcementContext.SECRET,
                        clock::instant,
                        (id, n) -> new WebhookReceiver.Answer.Hang(Duration.ofMillis(50)));
                var one = EnforcementContext.sendingTo(
                        db, clock, receiver, "--redress.webhook.timeout=PT5S", "--redress.webhook.lease=PT1M");
                var two = EnforcementContext.sendingTo(
                        db, clock, receiver, "--redress.webhook.timeout=PT5S", "--redress.webhook.lease=PT1M")) {
            var ids = queue(one.enforcement(), 40, "RDR-TWO-");
            var start = new CountDownLatch(1);
            int acknowledged = 0;
            try (var threads = Executors.newFixedThreadPool(2)) {
                Future<Integer> a = threads.submit(() -> {
                    start.await();
                    return one.enforcement().dispatchNow();
                });
                Future<Integer> b = threads.submit(() -> {
                    start.await();
                    return two.enforcement().dispatchNow();
                });
                start.countDown();
                acknowledged = a.get() + b.get();
            }
            assertThat(acknowledged).isEqualTo(40);
            Set<String> seen = new HashSet<>();
            assertThat(receiver.received())
                    .hasSize(40)
                    .allSatisfy(r -> assertThat(seen.add(r.deliveryId())).isTrue());
            assertThat(seen)
                    .containsExactlyInAnyOrderElementsOf(
                            ids.stream().map(DeliveryId::value).toList());
            assertThat(receiver.maxConcurrentPerDelivery()).isEqualTo(1);
            assertThat(one.events(DeliveryAcknowledged.class).size()
                            + two.events(DeliveryAcknowledged.class).size())
                    .isEqualTo(40);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesToStartWithAShortSecret(TestDatabase.Vendor vendor) {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor)) {
            assertThatThrownBy(() -> new EnforcementContext(
                            db,
                            clock,
                            "--redress.webhook.url=https://platform.example/hook",
                            "--redress.webhook.secret=only-twenty-six-bytes-long"))
                    .rootCause()
                    .hasMessageContaining("at least 32 bytes")
                    .hasMessageNotContaining("twenty-six");
        }
    }
}
