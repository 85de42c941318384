package org.redress.server.enforcement;

import java.util.Objects;
import java.util.UUID;

/**
 * A webhook delivery's id: a UUID string. It is the body's {@code id} and the
 * {@code Redress-Delivery} header, the same on every retry, so the platform can drop repeats.
 */
public record DeliveryId(String value) {

    public DeliveryId {
        Objects.requireNonNull(value, "value");
        if (value.length() != 36 || !isLowercaseUuid(value)) {
            throw new IllegalArgumentException(
                    "a delivery id is a lowercase UUID (36 characters), got " + value.length() + " characters");
        }
    }

    private static boolean isLowercaseUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID().toString());
    }
}
