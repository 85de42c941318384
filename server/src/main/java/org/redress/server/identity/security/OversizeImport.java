package org.redress.server.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.redress.server.web.OversizeUpload;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * An upload form's request whose body the servlet container refused for its size, such as a
 * hash-list import from the bank page; the forms are those modules declare as {@link OversizeUpload}.
 * Such a request has no form fields at all, so its CSRF token cannot be read; without this
 * exception the administrator would get a bare 403 instead of the page's explanation (413, the
 * limit and the API's streaming import). Letting it past the CSRF check lets nothing happen: the
 * import's file cannot be resolved, so the handler fails before it runs and the page only shows
 * the refusal; the access rule still applies. Only the declared forms are matched, since any other
 * handler might act on its path or query alone.
 */
final class OversizeImport implements RequestMatcher {

    private final List<RequestMatcher> uploads;

    private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();

    OversizeImport(List<OversizeUpload> uploads) {
        this.uploads = uploads.stream()
                .<RequestMatcher>map(upload ->
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, upload.pathPattern()))
                .toList();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (uploads.stream().noneMatch(upload -> upload.matches(request)) || !multipart.isMultipart(request)) {
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
