package org.redress.server.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.redress.server.identity.AllowAnyone;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the form's POST to the same path. When an OpenID
 * Connect provider is configured, the page also offers to sign in with it.
 */
@Controller
class SignInPageController {

    /** A provider to sign in with: its registration id and the name people know it by. */
    record Provider(String id, String name) {}

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInPageController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/signin")
    @AllowAnyone
    String signIn(Model model) {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration r) {
                    providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
                }
            }
        }
        model.addAttribute("providers", providers);
        return "identity/signin";
    }
}
