package org.redress.server.identity.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.redress.server.identity.Role;
import org.redress.server.web.StaffLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: identity's own pages plus the links other modules declare ({@link StaffLink} beans). */
@Controller
class HomePageController {

    private static final StaffLink ADMIN =
            new StaffLink("admin-link", "/admin", "Administration", "administrators", Set.of(Role.ADMIN.name()), 20);

    private final List<StaffLink> links;

    HomePageController(ObjectProvider<StaffLink> contributed) {
        this.links = Stream.concat(contributed.stream(), Stream.of(ADMIN))
                .sorted(StaffLink.IN_ORDER)
                .toList();
    }

    @GetMapping("/")
    @StaffRoles
    String home(Authentication caller, Model model) {
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
