package org.redress.server.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.pdq.Quality;

/**
 * A bank of hashes and what a match in it means.
 *
 * @param id a stable id (a UUID)
 * @param name the unique name
 * @param action what a match means
 * @param maxDistance the largest PDQ distance that counts as a match, 0 to 64
 * @param qualityFloor PDQ hashes of lower quality are not banked, 0 to 100
 * @param enabled whether the bank takes part in checks
 * @param createdAt when it was created
 */
public record Bank(
        String id,
        BankName name,
        BankAction action,
        int maxDistance,
        int qualityFloor,
        boolean enabled,
        Instant createdAt) {

    /** The distance TE's PDQ documentation recommends. */
    public static final int DEFAULT_MAX_DISTANCE = 31;

    /** PDQ hashes of quality 49 and below are too unreliable to bank (TE's recommendation). */
    public static final int DEFAULT_QUALITY_FLOOR = 50;

    /** The largest distance a bank may use: beyond it, unrelated images match too often. */
    public static final int MAX_ALLOWED_DISTANCE = 64;

    public Bank {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
        if (maxDistance < 0 || maxDistance > MAX_ALLOWED_DISTANCE) {
            throw new IllegalArgumentException("maximum distance must be 0 to " + MAX_ALLOWED_DISTANCE);
        }
        if (qualityFloor < 0 || qualityFloor > 100) {
            throw new IllegalArgumentException("quality floor must be 0 to 100");
        }
    }

    /**
     * Whether this bank matches a PDQ hash of this quality by distance: not when the quality is
     * known and under the floor, since such a hash says too little about its image (it then
     * matches by digest only). The one rule for upload checks and retroactive scans alike.
     */
    public boolean matchesPdqOf(Optional<Quality> quality) {
        return quality.isEmpty() || quality.get().value() >= qualityFloor;
    }
}
