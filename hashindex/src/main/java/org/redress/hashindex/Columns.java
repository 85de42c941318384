package org.redress.hashindex;

import java.util.Arrays;
import org.redress.pdq.PdqHash;

/**
 * Growable column storage of entries: four words per hash in one {@code long[]} (w0 first) and
 * the ids in another, so that a bank of millions holds no object per entry. Not thread-safe; the
 * indexes copy what they need before they are shared.
 */
final class Columns {

    /** Java arrays are indexed by int; four words per hash bound the entry count. */
    static final int MAX_ENTRIES = Integer.MAX_VALUE / 4 - 16;

    long[] words;
    long[] ids;
    int size;

    Columns(int expected) {
        if (expected < 0 || expected > MAX_ENTRIES) {
            throw new IllegalArgumentException("expected size must be within [0, " + MAX_ENTRIES + "]: " + expected);
        }
        words = new long[4 * Math.max(expected, 4)];
        ids = new long[Math.max(expected, 4)];
    }

    void add(long id, PdqHash hash) {
        add(id, hash.w0(), hash.w1(), hash.w2(), hash.w3());
    }

    void add(long id, long w0, long w1, long w2, long w3) {
        if (size == ids.length) {
            if (size >= MAX_ENTRIES) {
                throw new IllegalStateException("an index holds at most " + MAX_ENTRIES + " entries");
            }
            int grown = (int) Math.min(MAX_ENTRIES, size + (size >> 1) + 16L);
            ids = Arrays.copyOf(ids, grown);
            words = Arrays.copyOf(words, 4 * grown);
        }
        int at = 4 * size;
        words[at] = w0;
        words[at + 1] = w1;
        words[at + 2] = w2;
        words[at + 3] = w3;
        ids[size++] = id;
    }

    /** Copies entry {@code from} of {@code other} onto the end. */
    void addFrom(Columns other, int from) {
        int at = 4 * from;
        add(other.ids[from], other.words[at], other.words[at + 1], other.words[at + 2], other.words[at + 3]);
    }

    /** Removes every entry with this id by moving the last entries into the holes; order is lost. */
    int removeId(long id) {
        int removed = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (ids[i] == id) {
                int last = --size;
                ids[i] = ids[last];
                System.arraycopy(words, 4 * last, words, 4 * i, 4);
                removed++;
            }
        }
        return removed;
    }

    Columns trimmedCopy() {
        var copy = new Columns(0);
        copy.words = Arrays.copyOf(words, 4 * size);
        copy.ids = Arrays.copyOf(ids, size);
        copy.size = size;
        return copy;
    }

    static void checkDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > HammingIndex.MAX_DISTANCE) {
            throw new IllegalArgumentException("maxDistance must be within [0, 256]: " + maxDistance);
        }
    }
}
