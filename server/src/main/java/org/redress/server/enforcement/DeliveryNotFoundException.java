package org.redress.server.enforcement;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No webhook delivery has the given id. */
public class DeliveryNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/delivery-not-found");

    public DeliveryNotFoundException(DeliveryId id) {
        super(TYPE, Kind.NOT_FOUND, "There is no webhook delivery with this id.", Map.of("deliveryId", id.value()));
    }
}
