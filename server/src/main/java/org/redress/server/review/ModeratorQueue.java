package org.redress.server.review;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.redress.server.intake.ReportReason;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.CaseRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue as one moderator may work it, so that what a page counts, lists and offers agrees with
 * what {@link Review} will let them do: child sexual abuse cases are counted and listed for senior
 * moderators only, and the open view of an ordinary moderator leaves out escalated cases, whose
 * claim would be refused. Read-only; the rules it mirrors are enforced by {@link Review}.
 */
@Service
public class ModeratorQueue {

    private final ReviewCases cases;

    ModeratorQueue(ReviewCases cases) {
        this.cases = cases;
    }

    /** Cases the moderator may see in the view of a state, most urgent first. */
    @Transactional(readOnly = true)
    public List<ReviewCase> list(Moderator moderator, ReviewState view, int limit) {
        return cases.queue(statesIn(moderator, view), gravest(moderator).rank(), Math.clamp(limit, 1, 500));
    }

    /**
     * The reasons of those cases that have one, the most urgent of each case's reports (cases opened
     * by matches have none). A case is urgent when its reason is ({@link ReportReason#urgent}).
     */
    @Transactional(readOnly = true)
    public Map<CaseRef, ReportReason> reasons(Collection<ReviewCase> listed) {
        return cases.reasons(listed.stream().map(ReviewCase::ref).toList());
    }

    /** For each view, how many cases {@link #list} would give the moderator (without a limit). */
    @Transactional(readOnly = true)
    public Map<ReviewState, Integer> counts(Moderator moderator) {
        Map<ReviewState, Integer> byState =
                cases.countByState(gravest(moderator).rank());
        var counts = new EnumMap<ReviewState, Integer>(ReviewState.class);
        for (ReviewState view : ReviewState.values()) {
            counts.put(
                    view,
                    statesIn(moderator, view).stream()
                            .mapToInt(s -> byState.getOrDefault(s, 0))
                            .sum());
        }
        return counts;
    }

    /** Whether the moderator may see the case at all (its page, its row in a list). */
    public static boolean maySee(Moderator moderator, ReviewCase reviewCase) {
        return reviewCase.severity().rank() <= gravest(moderator).rank();
    }

    /** Whether the moderator may claim and decide the case: escalated and child cases need a senior. */
    public static boolean mayWork(Moderator moderator, ReviewCase reviewCase) {
        return reviewCase.state().decidable()
                && (moderator.senior()
                        || (reviewCase.state() != ReviewState.ESCALATED
                                && reviewCase.severity() != Severity.CHILD_SEXUAL_ABUSE));
    }

    private static Severity gravest(Moderator moderator) {
        return moderator.senior() ? Severity.CHILD_SEXUAL_ABUSE : Severity.INTIMATE_IMAGE_ABUSE;
    }

    /** Seniors see escalated cases among the open ones too; others find them in their own view only. */
    private static EnumSet<ReviewState> statesIn(Moderator moderator, ReviewState view) {
        return view == ReviewState.OPEN && moderator.senior()
                ? EnumSet.of(ReviewState.OPEN, ReviewState.ESCALATED)
                : EnumSet.of(view);
    }
}
