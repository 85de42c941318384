package org.redress.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Refusals as people see them. A browser that navigates or sends a form asks for {@code text/html}
 * and gets a page with the problem's sentence; every other client gets the problem document. Used
 * by MVC (through {@link ProblemPageConverter}), by filters (through {@link ProblemResponses}) and
 * by the container's error report, so that a refusal looks the same wherever it is made.
 */
public final class ProblemPages {

    private ProblemPages() {}

    /**
     * Whether the request came from a page: {@code text/html} asked for by name, as browsers do when
     * they navigate or send a form (also to an API address typed into the address bar). API
     * clients ask for JSON or for anything ({@code *}{@code /*}, or no {@code Accept} at all) and keep
     * getting problem documents.
     */
    public static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * The page for a refusal: a heading for the status and the problem's sentence, which is one of
     * the service's fixed sentences and never quotes what was sent; escaped all the same.
     */
    static String html(int status, String detail, String contextPath) {
        String root = HtmlUtils.htmlEscape(contextPath);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s · Redress</title>
                  <link rel="icon" href="%3$s/favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="%3$s/css/redress.css">
                </head>
                <body>
                <header><strong><a href="%3$s/">Redress</a></strong></header>
                <main>
                  <section>
                    <h1 id="problem-title">%1$s</h1>
                    <p id="problem-detail">%2$s</p>
                    <p>Use your browser's Back button to return, or go to the <a href="%3$s/">start page</a>.</p>
                  </section>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title(status)), HtmlUtils.htmlEscape(detail), root);
    }

    static String title(int status) {
        return switch (status) {
            case 401 -> "Sign in first";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            default -> {
                var known = HttpStatus.resolve(status);
                yield status >= 500 || known == null ? "Something went wrong" : known.getReasonPhrase();
            }
        };
    }
}
