package org.redress.server.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.server.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The service's one mapping from exceptions to RFC 9457 problem details. Domain exceptions carry
 * their own type, sentence and revealable ids; Spring's exceptions get a type per status and a
 * fixed sentence; validation errors list JSON pointers and constraint names, never the rejected
 * values; anything unexpected is logged with a correlation id and answered with that id only.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> onDomainException(DomainException e) {
        var status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        var problem = ProblemDetail.forStatusAndDetail(status, e.publicDetail());
        problem.setType(e.type());
        e.revealable().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    /** Value objects reject malformed input with messages that name a rule, not the input. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> onIllegalArgument(IllegalArgumentException e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, ProblemTypes.detailFor(HttpStatus.BAD_REQUEST));
        problem.setType(ProblemTypes.INVALID_REQUEST);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A multipart body the container could not take apart (no boundary, a broken part) is the
     * client's error; one over the size limit is a 413, as everywhere else.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> onMultipart(MultipartException e) {
        HttpStatus status =
                e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(status, ProblemTypes.detailFor(status));
        problem.setType(ProblemTypes.forStatus(status));
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The database is out of reach (a lost or refused connection, a pool that cannot give one in
     * time): nothing was committed by this request, so the client may retry, and a public
     * submission retried with the same {@code Idempotency-Key} gets its original receipt if the
     * first attempt did commit after all.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ProblemDetail> onDatabaseUnavailable(Exception e) {
        log.warn(
                "Database unavailable: {}",
                withoutMessages(e).lines().findFirst().orElse(""));
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The service is unavailable; try again later.");
        problem.setType(ProblemTypes.UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Unhandled error, correlation id {}: {}", correlationId, withoutMessages(e));
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.detailFor(HttpStatus.INTERNAL_SERVER_ERROR));
        problem.setType(ProblemTypes.INTERNAL_ERROR);
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * The exception types and the stack of the innermost cause, without any message: messages of
     * drivers and parsers can quote submitted values (a duplicate key, a malformed field), and
     * those may be personal data.
     */
    static String withoutMessages(Throwable e) {
        var text = new StringBuilder();
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t == e ? "" : " <- caused by ").append(t.getClass().getName());
            root = t;
            if (t.getCause() == t) {
                break;
            }
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 25); i++) {
            text.append("\n\tat ").append(frames[i]);
        }
        return text.toString();
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, ProblemTypes.detailFor(HttpStatus.BAD_REQUEST));
        problem.setType(ProblemTypes.INVALID_REQUEST);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> describe(FieldError error) {
        String code = error.getCode() == null ? "invalid" : error.getCode();
        return Map.of("pointer", "#/" + error.getField().replace('.', '/'), "constraint", code);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(statusCode, ProblemTypes.detailFor(statusCode));
        problem.setType(ProblemTypes.forStatus(statusCode));
        if (body instanceof ProblemDetail given
                && given.getProperties() != null
                && given.getProperties().containsKey("errors")) {
            problem.setProperty("errors", given.getProperties().get("errors"));
        }
        return new ResponseEntity<>(problem, headers, statusCode);
    }
}
