package org.redress.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes a problem as an HTML page for a page request ({@link ProblemPages#wantsPage}). It offers
 * {@code text/html} only to such requests, so an API client, whatever its {@code Accept}, never sees
 * it and gets the problem document as before.
 */
final class ProblemPageConverter extends AbstractHttpMessageConverter<ProblemDetail> {

    ProblemPageConverter() {
        super(StandardCharsets.UTF_8, MediaType.TEXT_HTML);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return ProblemDetail.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> type, @Nullable MediaType mediaType) {
        return super.canWrite(type, mediaType) && pageRequest() != null;
    }

    private static @Nullable HttpServletRequest pageRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && ProblemPages.wantsPage(attributes.getRequest())) {
            return attributes.getRequest();
        }
        return null;
    }

    @Override
    protected ProblemDetail readInternal(Class<? extends ProblemDetail> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("problems are not read", input);
    }

    @Override
    protected void writeInternal(ProblemDetail problem, HttpOutputMessage output) throws IOException {
        HttpServletRequest request = pageRequest();
        String contextPath = request == null ? "" : request.getContextPath();
        String detail = problem.getDetail() == null ? "" : problem.getDetail();
        output.getBody()
                .write(ProblemPages.html(problem.getStatus(), detail, contextPath)
                        .getBytes(StandardCharsets.UTF_8));
    }
}
