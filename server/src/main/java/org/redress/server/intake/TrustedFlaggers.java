package org.redress.server.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of trusted flaggers (EU DSA Art. 22; ADR 0032), kept by compliance staff: adds an
 * entry, records a change as the entry's next version (audited in the same transaction), and
 * reads the register and an entry's history. Intake asks it, for each report that arrives on a
 * FLAGGER key, whether the key's flagger has a current status: only then does the report get a
 * trusted flagger's priority.
 */
@Service
public class TrustedFlaggers {

    private final FlaggerRecords records;
    private final Identity identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrustedFlaggers(FlaggerRecords records, Identity identity, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds an entry to the register, as its version 1.
     *
     * @throws org.redress.server.web.InvalidFieldsException naming every wrong field
     * @throws FlaggerKeyTakenException when a key belongs to another entry
     */
    @Transactional
    public TrustedFlagger add(Actor actor, FlaggerDetails details) {
        return record(actor, UUID.randomUUID().toString(), 1, details);
    }

    /**
     * Records a change to an entry as its next version.
     *
     * @throws FlaggerNotFoundException for an unknown id
     * @throws org.redress.server.web.InvalidFieldsException naming every wrong field
     * @throws FlaggerKeyTakenException when a key belongs to another entry
     */
    @Transactional
    public TrustedFlagger change(Actor actor, String id, FlaggerDetails details) {
        records.serialize();
        TrustedFlagger before = records.newest(id).orElseThrow(FlaggerNotFoundException::new);
        return record(actor, id, before.version() + 1, details);
    }

    private TrustedFlagger record(Actor actor, String id, int version, FlaggerDetails details) {
        FlaggerDetails.Checked checked = details.checked(flaggerKeyIds());
        records.serialize();
        for (String key : checked.apiKeys()) {
            if (records.holderOf(key).filter(holder -> !holder.equals(id)).isPresent()) {
                throw new FlaggerKeyTakenException(key);
            }
        }
        var entry = new TrustedFlagger(
                id,
                version,
                checked.organisation(),
                checked.awardedBy(),
                checked.expertise(),
                checked.contact(),
                checked.since(),
                checked.until(),
                checked.apiKeys(),
                actor.id(),
                SqlDialect.truncate(clock.instant()));
        records.insert(entry);
        events.publishEvent(new FlaggerRecorded(actor, id, version));
        return entry;
    }

    private Set<String> flaggerKeyIds() {
        return flaggerKeys().stream().map(ApiKey::id).map(Object::toString).collect(Collectors.toSet());
    }

    /** The active FLAGGER keys, which an entry may list (administrators issue them). */
    @Transactional(readOnly = true)
    public List<ApiKey> flaggerKeys() {
        return identity.apiKeys().stream()
                .filter(key -> key.role() == Role.FLAGGER && key.active())
                .toList();
    }

    /** Every entry as it stands now (its newest version), by organisation. */
    @Transactional(readOnly = true)
    public List<TrustedFlagger> register() {
        return records.register();
    }

    /** @throws FlaggerNotFoundException for an unknown id */
    @Transactional(readOnly = true)
    public TrustedFlagger entry(String id) {
        return records.newest(id).orElseThrow(FlaggerNotFoundException::new);
    }

    /**
     * Every version of the entry, newest first.
     *
     * @throws FlaggerNotFoundException for an unknown id
     */
    @Transactional(readOnly = true)
    public List<TrustedFlagger> history(String id) {
        List<TrustedFlagger> versions = records.history(id);
        if (versions.isEmpty()) {
            throw new FlaggerNotFoundException();
        }
        return versions;
    }

    /** The entry's standing today (UTC). */
    public FlaggerStanding standingToday(TrustedFlagger entry) {
        return entry.standingOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** What the register says of a FLAGGER key at an instant: the key, its entry if any, and the standing. */
    record Lookup(String keyId, Optional<TrustedFlagger> entry, FlaggerStanding standing) {}

    /** Looks up the key a report arrives on (a caller that is no API key is in no entry). */
    Lookup lookUp(Actor actor, Instant at) {
        String keyId = actor instanceof Actor.ApiKey key ? key.keyId() : actor.kind() + ":" + actor.id();
        Optional<TrustedFlagger> entry = records.holderOf(keyId).flatMap(records::newest);
        FlaggerStanding standing = entry.map(e -> e.standingOn(LocalDate.ofInstant(at, ZoneOffset.UTC)))
                .orElse(FlaggerStanding.NOT_REGISTERED);
        return new Lookup(keyId, entry, standing);
    }

    /** Records what the lookup found against the report. Joins the report's transaction. */
    void recordNotice(String reportId, Lookup lookup) {
        records.recordNotice(reportId, lookup.keyId(), lookup.entry(), lookup.standing());
    }
}
