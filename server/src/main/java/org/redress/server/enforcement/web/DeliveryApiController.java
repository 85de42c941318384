package org.redress.server.enforcement.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.server.enforcement.Delivery;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.DeliveryNotFoundException;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of the webhook outbox: what waits, what fails, what was given up; retry and test sends. */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryApiController {

    private static final int PAGE = 200;

    record DeliveryView(
            String id,
            String type,
            String caseRef,
            @Nullable String contentId,
            String state,
            Instant createdAt,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer lastStatus,
            @Nullable String lastError,
            @Nullable Instant acknowledgedAt,
            @Nullable Instant givenUpAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id().value(),
                    d.type().wireName(),
                    d.caseRef(),
                    d.contentId().orElse(null),
                    d.state().name(),
                    d.createdAt(),
                    d.attempts(),
                    d.nextAttemptAt().orElse(null),
                    d.lastStatus().orElse(null),
                    d.lastError().orElse(null),
                    d.acknowledgedAt().orElse(null),
                    d.givenUpAt().orElse(null));
        }
    }

    record QueuedView(String id) {}

    private final Enforcement enforcement;

    DeliveryApiController(Enforcement enforcement) {
        this.enforcement = enforcement;
    }

    @GetMapping
    @Allow({Role.ADMIN, Role.COMPLIANCE})
    List<DeliveryView> list(@RequestParam(defaultValue = "FAILING") Delivery.State state) {
        return enforcement.deliveriesInState(state, PAGE).stream()
                .map(DeliveryView::of)
                .toList();
    }

    @GetMapping("/{id}")
    @Allow({Role.ADMIN, Role.COMPLIANCE})
    DeliveryView get(@PathVariable UUID id) {
        DeliveryId deliveryId = parse(id);
        return enforcement
                .delivery(deliveryId)
                .map(DeliveryView::of)
                .orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
    }

    @PostMapping("/{id}/retry")
    @Allow(Role.ADMIN)
    DeliveryView retry(Authentication caller, @PathVariable UUID id) {
        return DeliveryView.of(enforcement.retry(Callers.actorOf(caller), parse(id)));
    }

    /** Queues a {@code webhook.test} delivery, so the platform can check its receiver and signature check. */
    @PostMapping("/test")
    @Allow(Role.ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    QueuedView sendTest(Authentication caller) {
        return new QueuedView(
                enforcement.sendTestWebhook(Callers.actorOf(caller)).value());
    }

    private static DeliveryId parse(UUID id) {
        return new DeliveryId(id.toString());
    }
}
