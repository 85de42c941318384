package org.redress.server.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * A hash-list import from the bank page whose body the servlet container refused for its size.
 * Such a request has no form fields at all, so its CSRF token cannot be read; without this
 * exception the administrator would get a bare 403 instead of the page's explanation (413, the
 * limit and the API's streaming import). Letting it past the CSRF check lets nothing happen: the
 * import's file cannot be resolved, so the handler fails before it runs and the page only shows
 * the refusal; the access rule still applies. Only this one path is matched, since any other
 * handler might act on its path or query alone.
 */
final class OversizeImport implements RequestMatcher {

    private static final RequestMatcher IMPORT = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/banks/*/import");

    private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!IMPORT.matches(request) || !multipart.isMultipart(request)) {
            return false;
        }
        try {
            // The container parses the body once and keeps the outcome, so this costs nothing more.
            multipart.resolveMultipart(request);
            return false;
        } catch (MaxUploadSizeExceededException e) {
            return true;
        } catch (MultipartException e) {
            return false;
        }
    }
}
