package org.redress.server.review;

import java.net.URI;
import org.redress.server.web.PublicUrl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links to the hosted appeal page, built from the public URL. The URL is checked when
 * the service starts, so a relative or (outside the embedded database) missing one stops it there
 * rather than in the first statement of reasons.
 */
@Component
class AppealLinks {

    /** The hosted appeal page; the token follows as {@code ?t=}. */
    static final String PAGE = "/appeal";

    /** Where a previewed statement shows the appeal link, which is made only when the statement is sent. */
    static final String PREVIEW_PLACEHOLDER = "(the uploader's own appeal link, made when this is sent)";

    private final Environment environment;

    AppealLinks(Environment environment) {
        this.environment = environment;
        base();
    }

    URI page(String token) {
        return base().resolve(PAGE + "?t=" + token);
    }

    private PublicUrl base() {
        // Without a configured URL (embedded database only) the port is the one the server listens
        // on, known once it has started.
        int port = environment.getProperty(
                "local.server.port", Integer.class, environment.getProperty("server.port", Integer.class, 8080));
        return PublicUrl.configuredOrLocal(
                environment.getProperty("redress.public-url"), environment.getProperty("redress.db-url"), port);
    }
}
