package org.redress.server.matching;

import java.util.List;

/**
 * What a bulk import did.
 *
 * @param batch the import's id, the provenance reference of every entry it added
 * @param imported how many entries it added
 * @param rejectedLines the 1-based numbers of malformed lines, at most the first 100
 * @param rejected how many lines were malformed
 */
public record ImportResult(String batch, int imported, List<Integer> rejectedLines, int rejected) {

    public ImportResult {
        rejectedLines = List.copyOf(rejectedLines);
    }
}
