package org.redress.server.web;

import java.util.ArrayList;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

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

    /** A controller found fields wrong: each is named, as Bean Validation's are. */
    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> onInvalidFields(InvalidFieldsException e) {
        return ResponseEntity.badRequest()
                .body(invalid(e.problems().stream()
                        .map(InvalidFieldsException.FieldProblem::toMap)
                        .toList()));
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, ProblemTypes.detailFor(HttpStatus.BAD_REQUEST));
        problem.setType(ProblemTypes.INVALID_REQUEST);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
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
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            // Say which limit: the body's bytes (the pixel limits are checked after it is read).
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE,
                    tooLarge.getMaxUploadSize() > 0
                            ? "The upload is larger than " + tooLarge.getMaxUploadSize() + " bytes."
                            : "The upload is larger than the size limit.");
            problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
            problem.setProperty("limit", "bytes");
            if (tooLarge.getMaxUploadSize() > 0) {
                problem.setProperty("maximum", tooLarge.getMaxUploadSize());
            }
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, ProblemTypes.detailFor(HttpStatus.BAD_REQUEST));
        problem.setType(ProblemTypes.forStatus(HttpStatus.BAD_REQUEST));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
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

    /**
     * The field, the constraint's name and its message: Bean Validation's messages state the rule
     * ("must not be blank", "size must be between 1 and 200"), never the rejected value.
     */
    private static Map<String, String> describe(FieldError error) {
        String code = error.getCode() == null ? "invalid" : error.getCode();
        String detail = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        return Map.of("pointer", "#/" + error.getField().replace('.', '/'), "constraint", code, "detail", detail);
    }

    /** A missing part of a multipart request, such as the image of a check, is named. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest()
                .body(invalid(List.of(Map.of("pointer", "#/" + e.getRequestPartName(), "detail", "is required"))));
    }

    /**
     * JSON that does not parse, or a member of the wrong type: the member is named by its path when
     * the parser knows it, never quoted.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
                errors.add(Map.of("pointer", pointer(json.getPath()), "detail", "has the wrong type or form"));
                break;
            }
        }
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    private static String pointer(List<JacksonException.Reference> path) {
        var text = new StringBuilder("#");
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                text.append('/').append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            }
        }
        return text.toString();
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
