package org.redress.server.identity.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page. */
@Controller
class HomePageController {

    @GetMapping("/")
    @StaffRoles
    String home(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "identity/home";
    }
}
