package org.redress.server.identity.web;

import java.security.Principal;
import java.util.List;
import java.util.stream.Stream;
import org.redress.server.web.StaffLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: identity's own pages plus the links other modules declare ({@link StaffLink} beans). */
@Controller
class HomePageController {

    private static final StaffLink ADMIN =
            new StaffLink("admin-link", "/admin", "Administration", "administrators", 20);

    private final List<StaffLink> links;

    HomePageController(ObjectProvider<StaffLink> contributed) {
        this.links = Stream.concat(contributed.stream(), Stream.of(ADMIN))
                .sorted(StaffLink.IN_ORDER)
                .toList();
    }

    @GetMapping("/")
    @StaffRoles
    String home(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("links", links);
        return "identity/home";
    }
}
