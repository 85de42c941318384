package org.redress.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How staff pages write times and counts, for templates as {@code ${@display.at(instant)}} and
 * {@code ${@display.count(n, 'entry', 'entries')}}: a time a person reads at a glance, in UTC as
 * every deadline is, and a count with the noun in the right number.
 */
@Component("display")
public final class Display {

    /** Day, month, year and minute, in UTC: "5 Dec 2026 10:32 UTC". */
    public static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    /** A time as staff pages show it. */
    public String at(Instant instant) {
        return WHEN.format(instant);
    }

    /** "1 entry", "2 entries", "0 entries". */
    public String count(long n, String one, String many) {
        return n + " " + noun(n, one, many);
    }

    /** The noun alone, for a page that marks the number up on its own. */
    public String noun(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
