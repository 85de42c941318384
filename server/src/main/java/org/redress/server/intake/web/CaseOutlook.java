package org.redress.server.intake.web;

import java.util.List;
import org.redress.server.intake.CaseState;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Route;

/**
 * What a reporter's status page says about where their case stands: a short label, in plain words
 * what happened, and what the person can do next, there or elsewhere.
 *
 * @param label the state in two or three words
 * @param summary what happened
 * @param next what they can do now, one sentence a step
 */
record CaseOutlook(String label, String summary, List<String> next) {

    private static final String COMPLAIN =
            "If you are unhappy with how we handled your case, complain below. Complaints from the person shown, "
                    + "or someone acting for them, are answered first.";
    private static final String POLICE = "Sharing or threatening to share intimate images without consent is a crime "
            + "in the UK, the US and many other countries. You can report it to the police; you can show them your "
            + "case reference and the history on this page.";
    private static final String STOP_NCII = "The image may be on other sites too. StopNCII.org can protect it on "
            + "many platforms at once, from your own device.";

    static CaseOutlook of(CaseStatus status) {
        if (status.withdrawn()) {
            return new CaseOutlook(
                    "Withdrawn",
                    "You withdrew your report, so we are taking no further action on it.",
                    List.of("You can report again at any time if you change your mind.", POLICE));
        }
        // Protected images are a protection case on either route (a child's go to child protection).
        boolean protection = status.route() == Route.PROTECTION
                || status.history().stream().anyMatch(e -> e.what().equals("HASHES_RECEIVED"));
        return of(status.state(), protection);
    }

    private static CaseOutlook of(CaseState state, boolean protection) {
        return switch (state) {
            case OPEN ->
                protection
                        ? new CaseOutlook(
                                "Protected",
                                "Your images' fingerprints are in place: this platform checks uploads against them.",
                                List.of(STOP_NCII, "You can withdraw below if you no longer want them used.", COMPLAIN))
                        : new CaseOutlook(
                                "Open",
                                "We are reviewing your report. You do not need to do anything else.",
                                List.of(
                                        "You can withdraw your report below while the case is open.",
                                        COMPLAIN,
                                        POLICE));
            case REMOVED ->
                new CaseOutlook(
                        "Content removed",
                        "The content you reported was removed from this platform. Its fingerprint now stops the same "
                                + "image from being uploaded here again. The case is closed.",
                        List.of(
                                "If you see it on this platform again, report the new link.",
                                STOP_NCII,
                                POLICE,
                                COMPLAIN));
            case NO_ACTION ->
                new CaseOutlook(
                        "Not removed",
                        "We reviewed the content and did not remove it. The reason is in the history below. The "
                                + "case is closed.",
                        List.of(
                                "If you think this decision is wrong, complain below and say why. Complaints from the "
                                        + "person shown, or someone acting for them, are answered first.",
                                POLICE,
                                "The helplines below can advise you on other ways to get the content taken down."));
            case REFERRED ->
                new CaseOutlook(
                        "Referred",
                        "The content was removed and the case was passed to the child-protection authorities. "
                                + "The case is closed here.",
                        List.of(
                                "If the image was taken when you were under 18, Take It Down can help remove it "
                                        + "from other platforms.",
                                "Childline (UK, 0800 1111) can help you talk it through.",
                                COMPLAIN));
            case WITHDRAWN ->
                new CaseOutlook(
                        "Withdrawn",
                        "Every report of this case was withdrawn, so the case is closed.",
                        List.of("You can report again at any time.", POLICE));
        };
    }
}
