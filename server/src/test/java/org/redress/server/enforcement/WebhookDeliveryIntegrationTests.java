package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks from the outbox to a real local receiver, on both databases, with the clock moved by
 * hand: the body and signature, retries through failures and a hang, backoff, the retry window.
 */
class WebhookDeliveryIntegrationTests {

    private static final Actor MODERATOR = new Actor.Staff("moderator");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, Object> reasons() {
        Map<String, Object> reasons = new LinkedHashMap<>();
        reasons.put("ground", "non-consensual intimate image");
        reasons.put("automated", false);
        reasons.put("redress", List.of("appeal within 6 months"));
        return reasons;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsASignedRemovalWithTheContractsFields(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var receiver = new WebhookReceiver(
                        EnforcementContext.SECRET, clock::instant, (id, n) -> new WebhookReceiver.Answer.Status(204));
                var context = EnforcementContext.sendingTo(db, clock, receiver)) {
            var enforcement = context.enforcement();
            DeliveryId id = enforcement.requestRemoval(
                    MODERATOR, new CaseRef("RDR-AAAA-BBBB"), new ContentId("content-1"), reasons());

            assertThat(enforcement.delivery(id))
                    .get()
                    .extracting(Delivery::state)
                    .isEqualTo(Delivery.State.PENDING);
            assertThat(enforcement.dispatchNow()).isEqualTo(1);

            var received = receiver.received(id.value());
            assertThat(received).hasSize(1);
            assertThat(received.getFirst().signatureValid()).isTrue();
            assertThat(received.getFirst().contentType()).isEqualTo("application/json");
            JsonNode body = JSON.readTree(received.getFirst().body());
            assertThat(body.get("id").asString()).isEqualTo(id.value());
            assertThat(body.get("type").asString()).isEqualTo("content.remove");
            assertThat(body.get("contentId").asString()).isEqualTo("content-1");
            assertThat(body.get("caseRef").asString()).isEqualTo("RDR-AAAA-BBBB");
            assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(EnforcementContext.START);
            assertThat(body.get("statementOfReasons")).isEqualTo(JSON.valueToTree(reasons()));

            var delivery = enforcement.delivery(id).orElseThrow();
            assertThat(delivery.state()).isEqualTo(Delivery.State.ACKNOWLEDGED);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastStatus()).contains(204);
            assertThat(delivery.acknowledgedAt()).contains(EnforcementContext.START);
            assertThat(enforcement.deliveriesForCase(new CaseRef("RDR-AAAA-BBBB")))
                    .extracting(Delivery::id)
                    .containsExactly(id);
            assertThat(context.events(DeliveryAcknowledged.class))
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.id()).isEqualTo(id);
                        assertThat(event.type()).isEqualTo(DeliveryType.CONTENT_REMOVE);
                        assertThat(event.contentId()).contains(new ContentId("content-1"));
                        assertThat(event.uploaderId()).isEmpty();
                    });
            assertThat(audited(context, id)).containsExactly("delivery.queued", "delivery.acknowledged");
        }
    }

    /** Some proxies refuse a cleartext request that asks to upgrade to HTTP/2 ({@code Upgrade: h2c}). */
    @Test
    void sendsPlainHttp11WithoutAnUpgradeToH2c() throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var receiver = new WebhookReceiver(
                        EnforcementContext.SECRET, clock::instant, (id, n) -> new WebhookReceiver.Answer.Status(204));
                var context = EnforcementContext.sendingTo(db, clock, receiver)) {
            DeliveryId id = context.enforcement()
                    .requestRemoval(MODERATOR, new CaseRef("RDR-AAAA-BBBB"), new ContentId("content-1"), reasons());
            assertThat(context.enforcement().dispatchNow()).isEqualTo(1);

            var headers = receiver.received(id.value()).getFirst().headers();
            assertThat(headers).doesNotContainKeys("upgrade", "http2-settings");
            assertThat(headers.getOrDefault("connection", List.of()))
                    .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("upgrade"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsRestoreHideAndSuspensionBodies(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var receiver = new WebhookReceiver(
                        EnforcementContext.SECRET, clock::instant, (id, n) -> new WebhookReceiver.Answer.Status(200));
                var context = EnforcementContext.sendingTo(db, clock, receiver)) {
            var enforcement = context.enforcement();
            DeliveryId restore = enforcement.requestRestore(
                    MODERATOR, new CaseRef("RDR-0001"), new ContentId("content-2"), "appeal upheld");
            DeliveryId hide = enforcement.requestHide(MODERATOR, new CaseRef("RDR-0001"), new ContentId("content-3"));
            DeliveryId suspend =
                    enforcement.requestSuspension(MODERATOR, new CaseRef("RDR-0001"), new UploaderId("uploader-9"), 3);
            assertThat(enforcement.dispatchNow()).isEqualTo(3);

            JsonNode restored =
                    JSON.readTree(receiver.received(restore.value()).getFirst().body());
            assertThat(restored.get("type").asString()).isEqualTo("content.restore");
            assertThat(restored.get("reason").asString()).isEqualTo("appeal upheld");
            JsonNode hidden =
                    JSON.readTree(receiver.received(hide.value()).getFirst().body());
            assertThat(hidden.get("type").asString()).isEqualTo("content.hide");
            assertThat(hidden.get("contentId").asString()).isEqualTo("content-3");
            JsonNode suspended =
                    JSON.readTree(receiver.received(suspend.value()).getFirst().body());
            assertThat(suspended.get("type").asString()).isEqualTo("account.suspend");
            assertThat(suspended.has("contentId")).isFalse();
            assertThat(suspended.get("uploaderId").asString()).isEqualTo("uploader-9");
            assertThat(suspended.get("confirmedRemovals").asInt()).isEqualTo(3);
            assertThat(context.events(DeliveryAcknowledged.class))
                    .filteredOn(e -> e.id().equals(suspend))
                    .singleElement()
                    .satisfies(e -> assertThat(e.uploaderId()).contains(new UploaderId("uploader-9")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void retriesUntilAcknowledged(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        int failures = 4;
        // Every delivery is refused with 500 three times; the first delivery's fourth attempt
        // hangs past the 0.5 s timeout; the others' fourth is refused once more; then all succeed.
        List<String> ids = new ArrayList<>();
        WebhookReceiver.Policy policy = (id, attempt) -> {
            if (attempt < failures) {
                return new WebhookReceiver.Answer.Status(500);
            }
            if (attempt == failures) {
                return id.equals(ids.getFirst())
                        ? new WebhookReceiver.Answer.Hang(Duration.ofMillis(1500))
                        : new WebhookReceiver.Answer.Status(503);
            }
            return new WebhookReceiver.Answer.Status(200);
        };
        try (var db = TestDatabase.create(vendor);
                var receiver = new WebhookReceiver(EnforcementContext.SECRET, clock::instant, policy);
                var context = EnforcementContext.sendingTo(db, clock, receiver)) {
            var enforcement = context.enforcement();
            for (int i = 0; i < 10; i++) {
                ids.add(enforcement
                        .requestRemoval(
                                MODERATOR, new CaseRef("RDR-RETRY-" + i), new ContentId("content-" + i), reasons())
                        .value());
            }

            assertThat(enforcement.dispatchNow()).isZero();
            assertThat(receiver.received()).hasSize(10);
            var first = enforcement.delivery(new DeliveryId(ids.getFirst())).orElseThrow();
            assertThat(first.state()).isEqualTo(Delivery.State.FAILING);
            assertThat(first.lastStatus()).contains(500);
            assertThat(first.lastError()).contains("HTTP 500");
            // Backoff: 30 s with jitter into [15 s, 30 s]; nothing is sent before it is due.
            assertThat(first.nextAttemptAt().orElseThrow())
                    .isBetween(EnforcementContext.START.plusSeconds(15), EnforcementContext.START.plusSeconds(30));
            assertThat(enforcement.dispatchNow()).isZero();
            clock.advance(Duration.ofSeconds(14));
            assertThat(enforcement.dispatchNow()).isZero();
            assertThat(receiver.received()).hasSize(10);
            clock.advance(Duration.ofSeconds(16));
            assertThat(enforcement.dispatchNow()).isZero();
            assertThat(receiver.received()).hasSize(20);
            var second = enforcement.delivery(new DeliveryId(ids.getFirst())).orElseThrow();
            Instant secondFailure = clock.instant();
            // Second failure: 60 s with jitter into [30 s, 60 s].
            assertThat(second.nextAttemptAt().orElseThrow())
                    .isBetween(secondFailure.plusSeconds(30), secondFailure.plusSeconds(60));
            clock.advance(Duration.ofSeconds(29));
            assertThat(enforcement.dispatchNow()).isZero();
            assertThat(receiver.received()).hasSize(20);

            int acknowledged = 0;
            for (int round = 0; round < 20 && acknowledged < 10; round++) {
                clock.advance(Duration.ofMinutes(5));
                acknowledged += enforcement.dispatchNow();
            }
            assertThat(acknowledged).isEqualTo(10);
            assertThat(enforcement.dispatchNow()).isZero();

            var hung = enforcement.delivery(new DeliveryId(ids.getFirst())).orElseThrow();
            assertThat(hung.state()).isEqualTo(Delivery.State.ACKNOWLEDGED);
            assertThat(hung.attempts()).isEqualTo(failures + 1);
            assertThat(receiver.received(ids.getFirst()))
                    .extracting(WebhookReceiver.Received::answer)
                    .contains(new WebhookReceiver.Answer.Hang(Duration.ofMillis(1500)));
            for (String id : ids) {
                var attempts = receiver.received(id);
                assertThat(attempts).hasSize(failures + 1).allMatch(WebhookReceiver.Received::signatureValid);
                assertThat(attempts.stream()
                                .map(r -> new String(r.body(), StandardCharsets.UTF_8))
                                .distinct())
                        .as("the same body on every attempt")
                        .hasSize(1);
            }
            Map<DeliveryId, Long> acknowledgements = context.events(DeliveryAcknowledged.class).stream()
                    .collect(Collectors.groupingBy(DeliveryAcknowledged::id, Collectors.counting()));
            assertThat(acknowledgements)
                    .hasSize(10)
                    .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
            assertThat(context.events(DeliveryGivenUp.class)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void givesUpWhenTheRetryWindowEnds(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var receiver = new WebhookReceiver(
                        EnforcementContext.SECRET, clock::instant, (id, n) -> new WebhookReceiver.Answer.Status(500));
                var context =
                        EnforcementContext.sendingTo(db, clock, receiver, "--redress.webhook.give-up-after=72h")) {
            var enforcement = context.enforcement();
            DeliveryId id = enforcement.requestRemoval(
                    MODERATOR, new CaseRef("RDR-GIVEUP"), new ContentId("content-x"), reasons());
            Instant end = EnforcementContext.START.plus(Duration.ofHours(72));
            while (clock.instant().isBefore(end.plus(Duration.ofHours(2)))) {
                enforcement.dispatchNow();
                clock.advance(Duration.ofMinutes(20));
            }
            var delivery = enforcement.delivery(id).orElseThrow();
            assertThat(delivery.state()).isEqualTo(Delivery.State.GIVEN_UP);
            assertThat(delivery.givenUpAt().orElseThrow())
                    .isAfterOrEqualTo(end)
                    .isBefore(end.plus(Duration.ofMinutes(20)));
            assertThat(delivery.nextAttemptAt()).isEmpty();
            var attempts = receiver.received(id.value());
            // 30 s doubling to an hour (jittered into 30 to 60 minutes): dozens of attempts, none after the end.
            assertThat(attempts.size()).isBetween(50, 120).isEqualTo(delivery.attempts());
            assertThat(attempts.getLast().at()).isAfterOrEqualTo(end);
            assertThat(context.events(DeliveryGivenUp.class)).singleElement().satisfies(event -> {
                assertThat(event.id()).isEqualTo(id);
                assertThat(event.caseRef()).contains(new CaseRef("RDR-GIVEUP"));
                assertThat(event.type()).isEqualTo(DeliveryType.CONTENT_REMOVE);
            });

            clock.advance(Duration.ofDays(3));
            assertThat(enforcement.dispatchNow()).isZero();
            assertThat(receiver.received(id.value())).hasSize(attempts.size());
            assertThat(enforcement.deliveriesInState(Delivery.State.GIVEN_UP, 10))
                    .extracting(Delivery::id)
                    .contains(id);

            // Staff send it again once the platform is fixed: the same id and body, acknowledged.
            receiver.answer((deliveryId, n) -> new WebhookReceiver.Answer.Status(200));
            assertThat(enforcement.retry(new Actor.Staff("admin"), id).state()).isEqualTo(Delivery.State.FAILING);
            assertThat(enforcement.dispatchNow()).isEqualTo(1);
            assertThat(receiver.received(id.value()).getLast().body())
                    .isEqualTo(attempts.getFirst().body());
            assertThat(enforcement.delivery(id).orElseThrow().state()).isEqualTo(Delivery.State.ACKNOWLEDGED);
            assertThatThrownBy(() -> enforcement.retry(new Actor.Staff("admin"), id))
                    .isInstanceOf(DeliveryNotGivenUpException.class);
            assertThat(audited(context, id))
                    .containsExactly(
                            "delivery.queued", "delivery.given-up", "delivery.retried", "delivery.acknowledged");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsRightAfterTheQueueingTransactionCommits(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var receiver = new WebhookReceiver(
                        EnforcementContext.SECRET, clock::instant, (id, n) -> new WebhookReceiver.Answer.Status(200));
                var context = EnforcementContext.sendingTo(
                        db, clock, receiver, "--redress.webhook.dispatch-after-commit=true")) {
            var transactions = context.bean(org.springframework.transaction.support.TransactionTemplate.class);
            List<Long> latenciesMicros = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String caseRef = "RDR-FAST-" + i;
                String contentId = "content-f" + i;
                DeliveryId id = transactions.execute(status -> {
                    DeliveryId queued = context.enforcement()
                            .requestRemoval(MODERATOR, new CaseRef(caseRef), new ContentId(contentId), reasons());
                    assertThat(receiver.received(queued.value()))
                            .as("nothing leaves before the commit")
                            .isEmpty();
                    return queued;
                });
                long committed = System.nanoTime();
                // A fine poll: the time to arrival is what this test reports.
                Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> !receiver.received(id.value()).isEmpty());
                latenciesMicros.add((System.nanoTime() - committed) / 1000);
                assertThat(receiver.received(id.value())).hasSize(1);
            }
            System.out.println("webhook latency after commit (" + vendor + "), microseconds: " + latenciesMicros);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsDeliveriesWaitingWithoutAUrl(TestDatabase.Vendor vendor) {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var context = new EnforcementContext(db, clock)) {
            DeliveryId id =
                    context.enforcement().requestHide(MODERATOR, new CaseRef("RDR-WAIT"), new ContentId("content-w"));
            clock.advance(Duration.ofDays(30));
            assertThat(context.enforcement().dispatchNow()).isZero();
            assertThat(context.enforcement().delivery(id).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void rollsBackTheDeliveryWithTheCallersTransaction(TestDatabase.Vendor vendor) {
        var clock = new MutableClock(EnforcementContext.START);
        try (var db = TestDatabase.create(vendor);
                var context = new EnforcementContext(db, clock)) {
            var transactions = context.bean(org.springframework.transaction.support.TransactionTemplate.class);
            List<DeliveryId> queued = new ArrayList<>();
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                        queued.add(context.enforcement()
                                .requestRemoval(
                                        MODERATOR, new CaseRef("RDR-ROLLBACK"), new ContentId("content-r"), reasons()));
                        throw new IllegalStateException("the decision failed");
                    }))
                    .hasMessage("the decision failed");
            assertThat(context.enforcement().delivery(queued.getFirst())).isEmpty();
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM enforcement_delivery")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    /** The actions the audit log holds for a delivery, read back from the chain. */
    private static List<String> audited(EnforcementContext context, DeliveryId id) {
        return context.bean(AuditTrail.class).entries(0, 1000).stream()
                .filter(entry -> entry.objectId().equals(id.value()))
                .map(AuditEntry::action)
                .toList();
    }
}
