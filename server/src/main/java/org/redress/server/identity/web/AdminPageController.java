package org.redress.server.identity.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.server.identity.Allow;
import org.redress.server.identity.ApiKeyId;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page: staff accounts and API keys. New passwords and keys are rendered in the answer
 * to the POST that created them, once, and are not kept anywhere else.
 */
@Controller
@Allow(Role.ADMIN)
class AdminPageController {

    private final Identity identity;

    AdminPageController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/admin")
    String page(Model model) {
        return render(model);
    }

    /**
     * Creates an account. Every field's error is reported at once, beside its field, with what was
     * typed kept in the form.
     */
    @PostMapping("/admin/users")
    String createUser(
            Authentication caller,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "false") boolean apiKey,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Username name = null;
        Role chosen = null;
        try {
            name = Username.of(username);
        } catch (IllegalArgumentException e) {
            errors.put("username", "Use 2 to 64 characters: lower-case letters a-z, digits, '.', '_' or '-'.");
        }
        try {
            chosen = Role.parse(role);
        } catch (IllegalArgumentException e) {
            errors.put("role", "Choose a role.");
        }
        if (name != null && chosen != null) {
            try {
                var account = identity.createUser(Callers.actorOf(caller), name, chosen, apiKey);
                model.addAttribute("createdUser", account.user().username().value());
                model.addAttribute("createdPassword", account.oneTimePassword());
                account.apiKey().ifPresent(key -> model.addAttribute("createdKey", key.secret()));
                return render(model);
            } catch (DomainException e) {
                model.addAttribute("error", e.publicDetail());
            }
        }
        model.addAttribute("userErrors", errors);
        model.addAttribute("formUsername", username);
        model.addAttribute("formRole", role);
        model.addAttribute("formApiKey", apiKey);
        return render(model);
    }

    @PostMapping("/admin/users/{username}/disable")
    String disableUser(Authentication caller, @PathVariable String username, Model model) {
        return changeAccess(caller, username, false, model);
    }

    @PostMapping("/admin/users/{username}/enable")
    String enableUser(Authentication caller, @PathVariable String username, Model model) {
        return changeAccess(caller, username, true, model);
    }

    private String changeAccess(Authentication caller, String username, boolean enabled, Model model) {
        try {
            identity.setEnabled(Callers.actorOf(caller), Username.of(username), enabled);
            model.addAttribute("message", enabled ? "The account was enabled." : "The account was disabled.");
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "No account has that username.");
        }
        return render(model);
    }

    @PostMapping("/admin/users/{username}/reset-password")
    String resetPassword(Authentication caller, @PathVariable String username, Model model) {
        try {
            var account = identity.resetPassword(Callers.actorOf(caller), Username.of(username));
            model.addAttribute("createdUser", account.user().username().value());
            model.addAttribute("createdPassword", account.oneTimePassword());
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "No account has that username.");
        }
        return render(model);
    }

    @PostMapping("/admin/api-keys")
    String createApiKey(
            Authentication caller,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role,
            Model model) {
        try {
            var issued = identity.issueApiKey(Callers.actorOf(caller), name, Role.parse(role));
            model.addAttribute("createdKeyName", issued.key().name());
            model.addAttribute("createdKey", issued.secret());
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "Give the key a name of 1-100 characters and a machine role.");
        }
        return render(model);
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revokeApiKey(Authentication caller, @PathVariable String id, Model model) {
        try {
            identity.revokeApiKey(Callers.actorOf(caller), ApiKeyId.parse(id));
            model.addAttribute("message", "The key was revoked.");
        } catch (DomainException e) {
            model.addAttribute("error", e.publicDetail());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "No API key has that id.");
        }
        return render(model);
    }

    private String render(Model model) {
        if (!model.containsAttribute("userErrors")) {
            model.addAttribute("userErrors", Map.of());
            model.addAttribute("formUsername", "");
            model.addAttribute("formRole", "");
            model.addAttribute("formApiKey", false);
        }
        model.addAttribute("users", identity.users());
        model.addAttribute("keys", identity.apiKeys());
        model.addAttribute("staffRoles", Role.staffRoles());
        model.addAttribute("machineRoles", machineRoles());
        return "identity/admin";
    }

    private static List<Role> machineRoles() {
        return Arrays.stream(Role.values()).filter(role -> !role.staff()).toList();
    }
}
