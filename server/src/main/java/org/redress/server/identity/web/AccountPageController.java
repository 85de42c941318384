package org.redress.server.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Username;
import org.redress.server.identity.WrongPasswordException;
import org.redress.server.identity.accounts.Passwords;
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
        // Every problem the form can see at once, each beside its field; the current password is
        // checked only when the new one could be taken, so a wrong guess costs a throttled attempt
        // only for a complete form.
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword.isEmpty()) {
            errors.put("currentPassword", "Type your current password.");
        }
        try {
            Passwords.check(newPassword, Username.of(caller.getName()));
        } catch (DomainException e) {
            errors.put("newPassword", e.publicDetail());
        }
        if (!newPassword.equals(confirmation)) {
            errors.put("confirmation", "The two passwords differ: type the new password again.");
        }
        if (errors.isEmpty()) {
            try {
                identity.changeOwnPassword(
                        Callers.actorOf(caller), Username.of(caller.getName()), currentPassword, newPassword);
            } catch (DomainException e) {
                errors.put(e instanceof WrongPasswordException ? "currentPassword" : "newPassword", e.publicDetail());
            }
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "identity/password";
        }
        request.logout();
        return "redirect:/signin?changed";
    }
}
