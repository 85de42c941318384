package org.redress.server.review.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.review.Appeal;
import org.redress.server.review.Appealable;
import org.redress.server.review.Outcome;
import org.redress.server.shared.CaseRef;

/** Review's storage of appeals and of the tokens that open the hosted appeal page. */
public interface ReviewAppeals {

    /** The restrictions of a content item (removal or referral decisions that asked for its removal), newest first. */
    List<Appealable> restrictionsOf(String contentId);

    /** The restriction an appeal token opens. */
    Optional<Appealable> restrictionByToken(String tokenHash);

    void insertToken(String tokenHash, String decisionId, CaseRef ref, String contentId, Instant at);

    /** Stores the appeal unless one for the same decision and content exists; false then. */
    boolean insert(Appeal appeal);

    Optional<Appeal> find(CaseRef appealRef);

    Optional<Appeal> forRestriction(String decisionId, String contentId);

    void markDecided(CaseRef appealRef, Outcome outcome, String decidedBy, Instant at);
}
