package org.redress.hashindex;

/**
 * One bank entry found by a radius query.
 *
 * @param id the caller's id of the entry, as given when it was added
 * @param distance the Hamming distance between the entry's hash and the query, 0..256
 */
public record Match(long id, int distance) implements Comparable<Match> {

    /** @throws IllegalArgumentException when {@code distance} is outside 0..256 */
    public Match {
        if (distance < 0 || distance > 256) {
            throw new IllegalArgumentException("distance must be within [0, 256]: " + distance);
        }
    }

    /** Orders by distance, then by id (unsigned order is not used: ids compare as signed longs). */
    @Override
    public int compareTo(Match other) {
        int byDistance = Integer.compare(distance, other.distance);
        return byDistance != 0 ? byDistance : Long.compare(id, other.id);
    }
}
