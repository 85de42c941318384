package org.redress.server.identity.web;

import org.redress.server.identity.AllowAnyone;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST to the same path. */
@Controller
class SignInPageController {

    @GetMapping("/signin")
    @AllowAnyone
    String signIn() {
        return "identity/signin";
    }
}
