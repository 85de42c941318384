package org.redress.server.enforcement;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** Only a delivery that was given up can be sent again by hand; the others are still being retried or are done. */
public class DeliveryNotGivenUpException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/delivery-not-given-up");

    DeliveryNotGivenUpException(DeliveryId id, Delivery.State state) {
        super(
                TYPE,
                Kind.CONFLICT,
                "Only a delivery that was given up can be retried by hand.",
                Map.of("deliveryId", id.value(), "state", state.name()));
    }
}
