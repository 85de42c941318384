package org.redress.server.intake.web;

import java.util.List;
import org.redress.server.intake.Route;

/** Where a person is pointed for help, by the route of their case. */
final class Support {

    private static final List<IntakeApiController.SupportLink> ADULTS = List.of(
            new IntakeApiController.SupportLink("Revenge Porn Helpline (UK)", "https://revengepornhelpline.org.uk/"),
            new IntakeApiController.SupportLink(
                    "Cyber Civil Rights Initiative crisis helpline (US)",
                    "https://cybercivilrights.org/ccri-crisis-helpline/"));

    private static final List<IntakeApiController.SupportLink> CHILDREN = List.of(
            new IntakeApiController.SupportLink("NCMEC Take It Down", "https://takeitdown.ncmec.org/"),
            new IntakeApiController.SupportLink(
                    "Childline Report Remove (UK)",
                    "https://www.childline.org.uk/info-advice/"
                            + "bullying-abuse-safety/online-mobile-safety/remove-nude-image-shared-online/"),
            new IntakeApiController.SupportLink("Internet Watch Foundation", "https://report.iwf.org.uk/"));

    private Support() {}

    static List<IntakeApiController.SupportLink> forRoute(Route route) {
        return switch (route) {
            case CHILD_PROTECTION -> CHILDREN;
            case INTIMATE_IMAGE, PROTECTION -> ADULTS;
        };
    }
}
