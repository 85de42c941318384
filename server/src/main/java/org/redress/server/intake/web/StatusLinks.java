package org.redress.server.intake.web;

import java.util.Locale;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The full private status link a reporter keeps: built from the configured public address
 * ({@code REDRESS_PUBLIC_URL}) when there is one, since behind a proxy the address a request came
 * in on is not the one people can reach; else from the request's own address.
 */
@Component
class StatusLinks {

    private final String publicUrl;

    StatusLinks(@Value("${redress.public-url:}") String publicUrl) {
        String url = publicUrl.strip();
        boolean usable = url.toLowerCase(Locale.ROOT).startsWith("https://")
                || url.toLowerCase(Locale.ROOT).startsWith("http://");
        this.publicUrl = usable ? url.replaceAll("/+$", "") : "";
    }

    /** The absolute link to the status page of a case for the holder of this token; call within a request. */
    String of(CaseRef caseRef, String token) {
        UriComponentsBuilder base = publicUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(publicUrl);
        return base.path("/status/{ref}")
                .queryParam("t", token)
                .encode()
                .buildAndExpand(caseRef.value())
                .toUriString();
    }
}
