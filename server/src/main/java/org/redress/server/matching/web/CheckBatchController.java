package org.redress.server.matching.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.matching.BatchCheck;
import org.redress.server.matching.CheckOutcome;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many JSON upload checks in one request (docs/adr/0025): each is read, validated, checked and
 * registered exactly as {@code POST /api/v1/checks} would, and answered in its place with its
 * verdict or with the problem document the single route would have answered it with. Only a
 * request that is not a batch at all (no {@code checks}, none, more than {@value #MAX_CHECKS}, a body
 * over the route's limit) is refused as a whole.
 */
@RestController
@RequestMapping("/api/v1")
class CheckBatchController {

    private static final Logger log = LoggerFactory.getLogger(CheckBatchController.class);

    static final int MAX_CHECKS = 1000;

    /** Each check is kept as JSON until it is read on its own, so one malformed check fails alone. */
    record BatchRequest(@Nullable List<JsonNode> checks) {}

    /** One answer per check: the members of a single check's answer, or {@code problem}. */
    record BatchView(List<Object> results) {}

    record ProblemView(ProblemDetail problem) {}

    private final Matching matching;
    private final JsonMapper json;
    private final Validator validator;

    CheckBatchController(Matching matching, JsonMapper json, Validator validator) {
        this.matching = matching;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping("/checks/batch")
    @Allow(Role.PLATFORM)
    BatchView checkBatch(Authentication caller, @RequestBody BatchRequest request) {
        List<JsonNode> checks = request.checks();
        if (checks == null || checks.isEmpty() || checks.size() > MAX_CHECKS) {
            throw new InvalidFieldsException(List.of(
                    new InvalidFieldsException.FieldProblem("#/checks", "must hold 1 to " + MAX_CHECKS + " checks")));
        }
        List<Object> results = new ArrayList<>(checks.size());
        List<BatchCheck> valid = new ArrayList<>(checks.size());
        List<Integer> positions = new ArrayList<>(checks.size());
        for (JsonNode check : checks) {
            Object read = read(check);
            if (read instanceof BatchCheck upload) {
                positions.add(results.size());
                valid.add(upload);
            }
            results.add(read);
        }
        if (!valid.isEmpty()) {
            List<CheckOutcome> outcomes = matching.checkAll(Callers.actorOf(caller), valid);
            for (int i = 0; i < outcomes.size(); i++) {
                results.set(positions.get(i), answer(outcomes.get(i)));
            }
        }
        return new BatchView(results);
    }

    /** Until the index is loaded no check of the batch can be answered: 503, as for a single check. */
    @ExceptionHandler(MatchingUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable() {
        return MatchingApiController.unavailableProblem();
    }

    /** The check to run, or the problem that the single route would answer it with. */
    private Object read(@Nullable JsonNode node) {
        CheckRequest request;
        try {
            if (node == null || !node.isObject()) {
                return invalid(List.of());
            }
            request = json.treeToValue(node, CheckRequest.class);
        } catch (JacksonException e) {
            return invalid(e.getPath().isEmpty() ? List.of() : List.of(wrongForm(e.getPath())));
        }
        Set<ConstraintViolation<CheckRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return invalid(violations.stream()
                    .map(CheckBatchController::describe)
                    .sorted(Comparator.comparing(error -> error.get("pointer")))
                    .toList());
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

    private static Object answer(CheckOutcome outcome) {
        return switch (outcome) {
            case CheckOutcome.Checked checked -> CheckView.of(checked.result());
            case CheckOutcome.Failed failed -> {
                // As the single route's 500: the cause is logged under an id, never answered.
                String correlationId = UUID.randomUUID().toString();
                log.error(
                        "A check of a batch was not recorded, correlation id {}: {}",
                        correlationId,
                        failed.failure().getClass().getName());
                var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR);
                problem.setProperty("correlationId", correlationId);
                yield new ProblemView(problem);
            }
        };
    }

    private static ProblemView invalid(List<Map<String, String>> errors) {
        var problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return new ProblemView(problem);
    }

    private static ProblemDetail problem(HttpStatus status, java.net.URI type) {
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
