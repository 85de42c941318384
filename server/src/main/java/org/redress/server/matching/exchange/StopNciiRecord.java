package org.redress.server.matching.exchange;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record of {@code FetchHashes}: the whole current state of one (signal type, hash), replacing
 * whatever an earlier record said about it.
 *
 * @param signalType {@code ImagePDQ}, {@code VideoMD5}, or a type Redress does not bank
 * @param hashValue the hash as StopNCII writes it
 * @param hashStatus the aggregate status of the hash's cases
 * @param caseNumbers the status of each case that submitted it
 */
record StopNciiRecord(String signalType, String hashValue, String hashStatus, Map<String, String> caseNumbers) {

    private static final Set<String> GONE = Set.of("Withdrawn", "Deleted");

    StopNciiRecord {
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(hashValue, "hashValue");
        Objects.requireNonNull(hashStatus, "hashStatus");
        caseNumbers = Map.copyOf(caseNumbers);
    }

    /**
     * Whether the hash must stop matching: its aggregate status says withdrawn or deleted, or every
     * case that submitted it does. (A client that compares only the hash value misses this.)
     */
    boolean withdrawn() {
        return GONE.contains(hashStatus)
                || (!caseNumbers.isEmpty() && caseNumbers.values().stream().allMatch(GONE::contains));
    }
}
