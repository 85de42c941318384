package org.redress.server.identity;

/** A newly issued key with its secret, which is shown once and then forgotten. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=redacted]";
    }
}
