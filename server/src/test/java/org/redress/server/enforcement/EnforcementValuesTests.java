package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

class EnforcementValuesTests {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void acceptsOnlyLowercaseUuidsAsDeliveryIds() {
        String uuid = UUID.randomUUID().toString();
        assertThat(new DeliveryId(uuid).value()).isEqualTo(uuid);
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryId(uuid.toUpperCase(java.util.Locale.ROOT)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliveryId("not-a-uuid"))
                .withMessageContaining("10 characters")
                .withMessageNotContaining("not-a-uuid");
    }

    @Test
    void redactsTheUploaderInToString() {
        var id = DeliveryId.random();
        var delivery = new Delivery(
                id,
                DeliveryType.ACCOUNT_SUSPEND,
                "RDR-0001",
                Optional.empty(),
                Optional.of("uploader-secret"),
                Delivery.State.PENDING,
                AT,
                0,
                Optional.of(AT),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        var acknowledged = new DeliveryAcknowledged(
                id,
                DeliveryType.ACCOUNT_SUSPEND,
                Optional.of(new CaseRef("RDR-0001")),
                Optional.empty(),
                Optional.of(new UploaderId("uploader-secret")),
                AT);
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

    @Test
    void aDeliveryNamesItsCaseAndContentTypedAndATestWebhookNoCase() {
        var removal = new Delivery(
                DeliveryId.random(),
                DeliveryType.CONTENT_REMOVE,
                "RDR-0001",
                Optional.of("post-1"),
                Optional.empty(),
                Delivery.State.PENDING,
                AT,
                0,
                Optional.of(AT),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        var test = new Delivery(
                DeliveryId.random(),
                DeliveryType.WEBHOOK_TEST,
                Enforcement.TEST_CASE_REF,
                Optional.empty(),
                Optional.empty(),
                Delivery.State.PENDING,
                AT,
                0,
                Optional.of(AT),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        assertThat(removal.forCase()).contains(new CaseRef("RDR-0001"));
        assertThat(removal.content()).contains(new ContentId("post-1"));
        assertThat(test.forCase()).isEmpty();
        assertThat(test.content()).isEmpty();
    }
}
