package org.redress.hashindex;

/**
 * How {@link MultiIndex} cuts the 256 bits into disjoint substrings, and how far it probes each
 * substring for a given radius.
 *
 * <p>Substring {@code t} of {@code m} is a run of consecutive PDQ bits (the first {@code 256 % m}
 * substrings one bit wider than the rest), so a key is one or two shifts of a word. Interleaved
 * cuts (bit {@code k} to substring {@code k % m}) were measured too: they need a bit-gather per
 * word, which costs more than it saves on this processor.
 *
 * <p>Probe radii follow the generalised pigeonhole principle: if the substring distances
 * {@code d_t} sum to at most {@code r} and the per-substring radii {@code s_t} satisfy
 * {@code sum(s_t + 1) >= r + 1}, some {@code d_t <= s_t}, else the sum would exceed {@code r}.
 * A substring with radius -1 is not probed at all.
 */
final class Layout {

    /** Narrowest and widest substring this layout uses: offsets take 4 * 2^width bytes per table. */
    static final int MIN_WIDTH = 8;

    static final int MAX_WIDTH = 24;

    final int count;
    final int[] widths;
    /** masks[4 * t + w] selects the bits of substring t within word w (w0 first). */
    final long[] masks;
    /** The lowest PDQ bit of each substring. */
    private final int[] firstBits;

    private Layout(int count) {
        this.count = count;
        this.widths = new int[count];
        this.masks = new long[4 * count];
        this.firstBits = new int[count];
        int next = 0;
        for (int t = 0; t < count; t++) {
            widths[t] = 256 / count + (t < 256 % count ? 1 : 0);
            firstBits[t] = next;
            for (int k = next; k < next + widths[t]; k++) {
                masks[4 * t + 3 - (k >>> 6)] |= 1L << (k & 63);
            }
            next += widths[t];
        }
    }

    /**
     * @param count substrings, 11..32 (11 keeps every substring within 24 bits, 32 is 8 bits)
     * @throws IllegalArgumentException when {@code count} is out of range
     */
    static Layout of(int count) {
        if (count < 256 / MAX_WIDTH + 1 || count > 256 / MIN_WIDTH) {
            throw new IllegalArgumentException("substring count must be within [11, 32]: " + count);
        }
        return new Layout(count);
    }

    /**
     * The layout for a bank of {@code size} entries: about 256 / (log2(size) + 1) substrings, so
     * that buckets are about half full and each probe finds about one candidate. Norouzi et al.
     * suggest 256 / log2(size); one bit more per substring measured faster on near-duplicate-rich
     * banks of a million (12 tables beat 13, 14 and 16 by 1.3 to 2 times), where verifying
     * candidates costs more than probing empty buckets. At least 12 substrings: fewer (24-bit
     * tables) would take 47 bytes per entry for bucket offsets at ten million entries.
     */
    static Layout forSize(int size) {
        double log2 = Math.log(Math.max(size, 2)) / Math.log(2);
        int count = (int) Math.floor(256 / (log2 + 1));
        return of(Math.max(12, Math.min(256 / MIN_WIDTH, count)));
    }

    /** The bits of substring {@code t} of the hash, packed into the low bits of an int. */
    int key(int t, long w0, long w1, long w2, long w3) {
        int first = firstBits[t];
        int shift = first & 63;
        // Word 3 holds PDQ bits 0..63, word 0 bits 192..255; a substring spans at most two words.
        long low = switch (first >>> 6) {
            case 0 -> w3;
            case 1 -> w2;
            case 2 -> w1;
            default -> w0;
        };
        long bits = low >>> shift;
        if (shift + widths[t] > 64) {
            long high = switch (first >>> 6) {
                case 0 -> w2;
                case 1 -> w1;
                default -> w0;
            };
            bits |= high << (64 - shift);
        }
        return (int) (bits & ((1L << widths[t]) - 1));
    }

    /** How many bits of substring {@code t} differ, given the XOR of the two hashes. */
    int distance(int t, long x0, long x1, long x2, long x3) {
        int at = 4 * t;
        return Long.bitCount(x0 & masks[at])
                + Long.bitCount(x1 & masks[at + 1])
                + Long.bitCount(x2 & masks[at + 2])
                + Long.bitCount(x3 & masks[at + 3]);
    }

    /**
     * Per-substring probe radii for radius {@code r}: {@code r + 1} split as evenly as possible,
     * the larger shares going to the last (narrowest) substrings. -1 means "do not probe".
     */
    int[] probeRadii(int r) {
        int[] radii = new int[count];
        int share = (r + 1) / count;
        int extra = (r + 1) % count;
        for (int t = 0; t < count; t++) {
            radii[t] = (t >= count - extra ? share + 1 : share) - 1;
        }
        return radii;
    }

    /**
     * Every mask of at most {@code radius} one-bits within {@code width} bits, fewest bits first;
     * XOR-ing them into a key enumerates the keys within that radius. Precomputed once per index,
     * so a query's probe loop is a plain array walk with independent memory reads.
     */
    static int[] masksWithin(int width, int radius) {
        int[] masks = new int[(int) probes(width, radius)];
        int n = 0;
        long limit = 1L << width;
        for (int flips = 0; flips <= Math.min(radius, width); flips++) {
            // Gosper's successor: the next larger number with the same count of one-bits.
            for (long mask = (1L << flips) - 1; mask < limit; ) {
                masks[n++] = (int) mask;
                if (mask == 0) {
                    break;
                }
                long lowest = mask & -mask;
                long ripple = mask + lowest;
                mask = ripple | (((mask ^ ripple) >>> 2) / lowest);
            }
        }
        return masks;
    }

    /** Keys within radius {@code s} of a key of {@code width} bits. */
    static double probes(int width, int s) {
        double total = 0;
        double choose = 1;
        for (int j = 0; j <= Math.min(s, width); j++) {
            total += choose;
            choose = choose * (width - j) / (j + 1);
        }
        return total;
    }
}
