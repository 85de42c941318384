package org.redress.server.identity.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.Role;
import org.redress.server.web.PublicLink;
import org.redress.server.web.StaffLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page. Staff get their pages: identity's own plus the links other modules declare
 * ({@link StaffLink} beans). A visitor who is not signed in, most often a person looking for help,
 * gets the public start page with the public pages modules declare ({@link PublicLink} beans), never
 * a sign-in form.
 */
@Controller
class HomePageController {

    private static final StaffLink ADMIN =
            new StaffLink("admin-link", "/admin", "Administration", "administrators", Set.of(Role.ADMIN.name()), 20);

    private final List<StaffLink> links;
    private final List<PublicLink> publicLinks;

    HomePageController(ObjectProvider<StaffLink> contributed, ObjectProvider<PublicLink> publicPages) {
        this.links = Stream.concat(contributed.stream(), Stream.of(ADMIN))
                .sorted(StaffLink.IN_ORDER)
                .toList();
        this.publicLinks = publicPages.stream().sorted(PublicLink.IN_ORDER).toList();
    }

    @GetMapping("/")
    @AllowAnyone
    String home(@Nullable Authentication caller, Model model) {
        if (caller == null) {
            model.addAttribute("links", publicLinks);
            return "identity/start";
        }
        Set<String> roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        model.addAttribute("username", caller.getName());
        model.addAttribute(
                "links", links.stream().filter(link -> link.openTo(roles)).toList());
        return "identity/home";
    }
}
