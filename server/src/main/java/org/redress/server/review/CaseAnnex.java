package org.redress.server.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * What a module that follows review knows about a case and staff should see on the case page, such
 * as the state of a referral to the NCA or NCMEC. Such a module offers a bean of this type; review
 * names none of them, so the page shows whatever the running modules offer and review depends on
 * none of them.
 */
public interface CaseAnnex {

    /** The section about the case, or empty when this module has nothing to say about it. */
    Optional<Section> about(CaseRef ref);

    /**
     * A section of the case page.
     *
     * @param id the element id of its list, stable for tests and assistive tools
     * @param title its heading
     * @param lines what it says, one item each
     */
    record Section(String id, String title, List<String> lines) {
        public Section {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }
}
