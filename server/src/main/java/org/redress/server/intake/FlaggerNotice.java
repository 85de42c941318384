package org.redress.server.intake;

import java.util.Objects;
import java.util.Optional;

/**
 * How a report that arrived on a FLAGGER key was taken: the register's standing of the key then,
 * and the entry (and its organisation, as that version named it) it was recorded against.
 *
 * @param standing what the register said on the day of receipt
 * @param flaggerId the register entry, unless the key was in none
 * @param flaggerVersion the entry's version then
 * @param organisation the organisation that version names
 */
public record FlaggerNotice(
        FlaggerStanding standing,
        Optional<String> flaggerId,
        Optional<Integer> flaggerVersion,
        Optional<String> organisation) {

    public FlaggerNotice {
        Objects.requireNonNull(standing, "standing");
        Objects.requireNonNull(flaggerId, "flaggerId");
        Objects.requireNonNull(flaggerVersion, "flaggerVersion");
        Objects.requireNonNull(organisation, "organisation");
    }

    /** Whether the report had a trusted flagger's priority. */
    public boolean prioritised() {
        return standing == FlaggerStanding.CURRENT;
    }

    /** One line for the case page: the organisation, if any, and the standing in words. */
    public String plain() {
        return organisation.map(name -> name + ": ").orElse("") + standing.plain();
    }
}
