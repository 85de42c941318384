package org.redress.server.intake;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Identity;
import org.redress.server.identity.IssuedApiKey;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;

/** For tests: a FLAGGER key issued and listed in a register entry, through the facades. */
public record RegisteredFlagger(TrustedFlagger entry, IssuedApiKey key) {

    private static final Actor COMPLIANCE = new Actor.Staff("compliance-test");

    /** The caller that reports on the key, as the security filter names it. */
    public Actor.ApiKey actor() {
        return new Actor.ApiKey(key.key().id().toString());
    }

    /** A new key, listed in a new entry whose status runs from {@code since} to {@code until} (none: no end). */
    public static RegisteredFlagger register(
            Identity identity,
            TrustedFlaggers flaggers,
            String organisation,
            LocalDate since,
            @Nullable LocalDate until) {
        IssuedApiKey key = identity.issueApiKey(
                new Actor.Operator("test"), organisation.toLowerCase(java.util.Locale.ROOT), Role.FLAGGER);
        TrustedFlagger entry = flaggers.add(
                COMPLIANCE,
                new FlaggerDetails(
                        organisation,
                        "Coimisiún na Meán (Digital Services Coordinator, Ireland)",
                        "intimate image abuse",
                        "reports@"
                                + organisation
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace(' ', '-') + ".example",
                        since.toString(),
                        until == null ? null : until.toString(),
                        List.of(key.key().id().toString())));
        return new RegisteredFlagger(entry, key);
    }
}
