package org.redress.server.transparency.web.policies;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Dates as the policy and register pages print them: {@code 5 December 2026}, in UTC. */
public final class Days {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

    private Days() {}

    public static String of(@Nullable Instant at) {
        return at == null ? "" : DAY.format(at);
    }
}
