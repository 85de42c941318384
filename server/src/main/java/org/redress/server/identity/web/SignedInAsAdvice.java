package org.redress.server.identity.web;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in username for the shared header. */
@ControllerAdvice(annotations = Controller.class)
class SignedInAsAdvice {

    @ModelAttribute("signedInAs")
    @Nullable
    String signedInAs(@Nullable Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
