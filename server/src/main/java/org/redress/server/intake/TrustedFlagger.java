package org.redress.server.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a trusted flagger's entry in the register (EU DSA Art. 22): the organisation, the
 * Digital Services Coordinator or other body that awarded the status, its area of expertise, its
 * contact, the days its status runs and the FLAGGER API keys it reports with. Versions are never
 * changed: a change is the next version.
 *
 * @param id the entry's id, the same for every version
 * @param version 1 for the first, one more for each change
 * @param organisation the flagger's name
 * @param awardedBy the body that awarded the status
 * @param expertise the area of expertise the status was awarded for
 * @param contact how the provider reaches the flagger (an address or a telephone number)
 * @param since the first day of the status (UTC)
 * @param until the last day of the status (UTC), included; empty while no end is set
 * @param apiKeys the ids of the FLAGGER keys the flagger reports with
 * @param recordedBy who recorded this version
 * @param recordedAt when
 */
public record TrustedFlagger(
        String id,
        int version,
        String organisation,
        String awardedBy,
        String expertise,
        String contact,
        LocalDate since,
        Optional<LocalDate> until,
        List<String> apiKeys,
        String recordedBy,
        Instant recordedAt) {

    public TrustedFlagger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(awardedBy, "awardedBy");
        Objects.requireNonNull(expertise, "expertise");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        apiKeys = List.copyOf(apiKeys);
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a version is 1 or more: " + version);
        }
        if (until.filter(end -> end.isBefore(since)).isPresent()) {
            throw new IllegalArgumentException("a status cannot end before it begins");
        }
    }

    /** The entry's standing on a day: current from {@code since} to {@code until}, both included. */
    public FlaggerStanding standingOn(LocalDate day) {
        if (day.isBefore(since)) {
            return FlaggerStanding.NOT_YET;
        }
        if (until.filter(day::isAfter).isPresent()) {
            return FlaggerStanding.EXPIRED;
        }
        return FlaggerStanding.CURRENT;
    }

    /** The contact stays out of logs. */
    @Override
    public String toString() {
        return "TrustedFlagger[id=" + id + ", version=" + version + ", organisation=" + organisation
                + ", awardedBy=" + awardedBy + ", since=" + since + ", until=" + until
                + ", apiKeys=" + apiKeys + ", contact=redacted]";
    }
}
