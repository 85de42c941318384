package org.redress.pdq;

/**
 * How far a PDQ hash can be trusted, 0..100: the amount of gradient in the 64 x 64 image the
 * hash was taken from. Flat or nearly flat images score low and their hashes match unrelated
 * images; PDQ's authors recommend discarding hashes of quality 49 or below.
 *
 * @param value 0..100
 */
public record Quality(int value) implements Comparable<Quality> {

    /** The customary floor: hashes of quality below 50 are usually discarded. */
    public static final Quality RECOMMENDED_FLOOR = new Quality(50);

    /** @throws IllegalArgumentException when {@code value} is outside 0..100 */
    public Quality {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("quality must be within [0, 100]: " + value);
        }
    }

    /** Returns whether this quality is at least {@code floor}. */
    public boolean meets(Quality floor) {
        return value >= floor.value;
    }

    @Override
    public int compareTo(Quality other) {
        return Integer.compare(value, other.value);
    }
}
