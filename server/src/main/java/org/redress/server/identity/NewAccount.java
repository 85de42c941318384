package org.redress.server.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A created account with its one-time password and, if asked for, a personal API key. */
public record NewAccount(
        StaffUser user, String oneTimePassword, @Nullable IssuedApiKey personalKey) {

    public Optional<IssuedApiKey> apiKey() {
        return Optional.ofNullable(personalKey);
    }

    @Override
    public String toString() {
        return "NewAccount[user=" + user + ", oneTimePassword=redacted, personalKey="
                + (personalKey == null ? "none" : "redacted") + "]";
    }
}
