package org.redress.server.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Username;
import org.redress.server.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Choosing a new password; required after signing in with a one-time password. */
@Controller
class AccountPageController {

    private final Identity identity;

    AccountPageController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/account/password")
    @StaffRoles
    String passwordForm(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "identity/password";
    }

    /** After a change the session ends, so the next sign-in proves the new password. */
    @PostMapping("/account/password")
    @StaffRoles
    String changePassword(
            Authentication caller,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            Model model)
            throws ServletException {
        model.addAttribute("username", caller.getName());
        if (!newPassword.equals(confirmation)) {
            model.addAttribute("error", "The two passwords differ.");
            return "identity/password";
        }
        try {
            identity.changeOwnPassword(
                    Callers.actorOf(caller), Username.of(caller.getName()), currentPassword, newPassword);
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
            return "identity/password";
        }
        request.logout();
        return "redirect:/signin?changed";
    }
}
