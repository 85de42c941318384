package org.redress.server.matching.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.BatchCheck;
import org.redress.server.matching.CheckOutcome;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Upload;
import org.redress.server.matching.web.MatchingApiController.CheckRequest;
import org.redress.server.matching.web.MatchingApiController.CheckView;
import org.redress.server.shared.ContentUrl;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON upload check read on its own, as {@code POST /api/v1/checks} takes it, and its answer: for
 * the checks of a batch and for the records of the uploads stream, so each is validated and answered
 * exactly as the single route would (the same fields, the same problem documents).
 */
@Component
public class JsonChecks {

    private static final Logger log = LoggerFactory.getLogger(JsonChecks.class);

    /** The problem document a check is answered with in place of a verdict. */
    public record ProblemView(ProblemDetail problem) {}

    private final JsonMapper json;
    private final Validator validator;

    JsonChecks(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * The check to run, a {@link BatchCheck}, or the {@link ProblemView} that the single route would
     * answer it with.
     */
    public Object read(@Nullable JsonNode node) {
        CheckRequest request;
        try {
            if (node == null || !node.isObject()) {
                return invalid(List.of());
            }
            request = json.treeToValue(node, CheckRequest.class);
        } catch (JacksonException e) {
            return invalid(e.getPath().isEmpty() ? List.of() : List.of(wrongForm(e.getPath())));
        }
        Set<ConstraintViolation<CheckRequest>> violations =
                request.plainlyValid() ? Set.of() : validator.validate(request);
        if (!violations.isEmpty()) {
            return invalid(violations.stream()
                    .map(JsonChecks::describe)
                    .sorted(Comparator.comparing(error -> error.get("pointer")))
                    .toList());
        }
        List<Map<String, String>> nul = nulFields(request);
        if (!nul.isEmpty()) {
            return invalid(nul);
        }
        List<ContentUrl> urls;
        try {
            MatchingApiController.refuseWithoutHashes(request);
            urls = CheckUrls.read(request.urls());
        } catch (InvalidFieldsException e) {
            return invalid(e.problems().stream()
                    .map(p -> Map.of("pointer", p.pointer(), "detail", p.detail()))
                    .toList());
        }
        try {
            List<PdqHash> variants = request.dihedral() == null
                    ? List.of()
                    : request.dihedral().stream().map(PdqHash::fromHex).toList();
            var upload = new Upload(
                    request.contentId(),
                    request.uploaderId(),
                    EntryHashes.parse(request.pdq(), request.md5(), request.sha256()),
                    variants,
                    Optional.ofNullable(request.quality()).map(Quality::new),
                    urls);
            return new BatchCheck(upload, Optional.ofNullable(request.jurisdiction()));
        } catch (IllegalArgumentException e) {
            return invalid(List.of());
        }
    }

    /** A checked check's answer as the single route gives it, or the problem its failure is answered with. */
    public static Object answer(CheckOutcome outcome) {
        return switch (outcome) {
            case CheckOutcome.Checked checked -> CheckView.of(checked.result());
            case CheckOutcome.Failed failed -> {
                // As the single route's 500: the cause is logged under an id, never answered.
                String correlationId = UUID.randomUUID().toString();
                log.error(
                        "A check was not recorded, correlation id {}: {}",
                        correlationId,
                        failed.failure().getClass().getName());
                var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR);
                problem.setProperty("correlationId", correlationId);
                yield new ProblemView(problem);
            }
        };
    }

    /**
     * Text that reaches storage holds no NUL (PostgreSQL cannot store one). A request body with one is
     * refused whole before it is read; a check read from elsewhere is refused here, field by field.
     */
    private static List<Map<String, String>> nulFields(CheckRequest request) {
        List<Map<String, String>> wrong = new ArrayList<>();
        for (var field : List.of(
                Map.entry("contentId", request.contentId()),
                Map.entry("uploaderId", request.uploaderId()),
                Map.entry(
                        "jurisdiction",
                        Optional.ofNullable(request.jurisdiction()).orElse("")))) {
            if (field.getValue().indexOf('\u0000') >= 0) {
                wrong.add(Map.of("pointer", "#/" + field.getKey(), "detail", "may not contain NUL characters"));
            }
        }
        return wrong;
    }

    private static ProblemView invalid(List<Map<String, String>> errors) {
        var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return new ProblemView(problem);
    }

    private static ProblemDetail problem(HttpStatus status, URI type) {
        var problem = ProblemDetail.forStatusAndDetail(status, ProblemTypes.detailFor(status));
        problem.setType(type);
        return problem;
    }

    /**
     * The field, the constraint's name and its message, as the single route names them: the path
     * of a list element without Bean Validation's container node ({@code dihedral[2]}).
     */
    private static Map<String, String> describe(ConstraintViolation<CheckRequest> violation) {
        String field = violation.getPropertyPath().toString().replaceAll("\\.<[^>]*>", "");
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return Map.of(
                "pointer", "#/" + field.replace('.', '/'), "constraint", constraint, "detail", violation.getMessage());
    }

    private static Map<String, String> wrongForm(List<JacksonException.Reference> path) {
        var pointer = new StringBuilder("#");
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                pointer.append('/').append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                pointer.append('[').append(step.getIndex()).append(']');
            }
        }
        return Map.of("pointer", pointer.toString(), "detail", "has the wrong type or form");
    }
}
