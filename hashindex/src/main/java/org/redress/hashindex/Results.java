package org.redress.hashindex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches gathered by one query: (distance, id) packed in parallel primitive arrays so that the
 * hot loops allocate nothing per candidate. Not thread-safe: one per query.
 */
final class Results {

    private long[] ids = new long[8];
    private int[] distances = new int[8];
    private int size;

    void add(long id, int distance) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            distances = Arrays.copyOf(distances, size * 2);
        }
        ids[size] = id;
        distances[size++] = distance;
    }

    int size() {
        return size;
    }

    /** The matches ordered by distance, then id. */
    List<Match> toList() {
        var list = new ArrayList<Match>(size);
        for (int i = 0; i < size; i++) {
            list.add(new Match(ids[i], distances[i]));
        }
        list.sort(null);
        return List.copyOf(list);
    }

    /** Drops every match whose id is in {@code sortedIds} (ascending). */
    void removeIds(long[] sortedIds) {
        if (sortedIds.length == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (Arrays.binarySearch(sortedIds, ids[i]) < 0) {
                ids[kept] = ids[i];
                distances[kept++] = distances[i];
            }
        }
        size = kept;
    }
}
