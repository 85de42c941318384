package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnforcementValuesTests {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void acceptsOnlyLowercaseUuidsAsDeliveryIds() {
        String uuid = UUID.randomUUID().toString();
        assertThat(new DeliveryId(uuid).value()).isEqualTo(uuid);
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryId(uuid.toUpperCase(java.util.Locale.ROOT)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryId("not-a-uuid"))
                .withMessageContaining("10 characters").withMessageNotContaining("not-a-uuid");
    }

    @Test
    void redactsTheUploaderInToString() {
        var id = DeliveryId.random();
        var delivery = new Delivery(id, DeliveryType.ACCOUNT_SUSPEND, "RDR-1", Optional.empty(), Optional.of("uploader-secret"),
                Delivery.State.PENDING, AT, 0, Optional.of(AT), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        var acknowledged = new DeliveryAcknowledged(id, "account.suspend", "RDR-1", Optional.empty(), Optional.of("uploader-secret"), AT);
        assertThat(delivery.toString()).contains(id.value()).doesNotContain("uploader-secret");
        assertThat(acknowledged.toString()).contains(id.value()).doesNotContain("uploader-secret");
    }

    @Test
    void namesEveryTypeOnTheWireAndBack() {
        for (DeliveryType type : DeliveryType.values()) {
            assertThat(DeliveryType.ofWireName(type.wireName())).isEqualTo(type);
        }
        assertThat(DeliveryType.CONTENT_REMOVE.wireName()).isEqualTo("content.remove");
        assertThat(DeliveryType.ACCOUNT_SUSPEND.wireName()).isEqualTo("account.suspend");
    }
}
