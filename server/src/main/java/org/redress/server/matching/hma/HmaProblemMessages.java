package org.redress.server.matching.hma;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * HMA clients read an error's text from {@code message}; under {@code /hma} every problem document
 * also carries its detail there (an RFC 9457 extension member), so both kinds of client understand it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HmaProblemMessages implements ResponseBodyAdvice<Object> {

    /** Only the HMA routes refuse this way; their sentences are written in this package. */
    @ExceptionHandler(HmaRequests.Refusal.class)
    ResponseEntity<ProblemDetail> refused(HmaRequests.Refusal refusal) {
        ProblemDetail problem = refusal.problem();
        problem.setProperty("message", problem.getDetail());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem
                && request.getURI().getPath().startsWith("/hma/")
                && problem.getDetail() != null) {
            problem.setProperty("message", problem.getDetail());
        }
        return body;
    }
}
