package org.redress.server.matching.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.matching.BatchCheck;
import org.redress.server.matching.CheckOutcome;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.web.InvalidFieldsException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

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

    static final int MAX_CHECKS = 1000;

    /** Each check is kept as JSON until it is read on its own, so one malformed check fails alone. */
    record BatchRequest(@Nullable List<JsonNode> checks) {}

    /** One answer per check: the members of a single check's answer, or {@code problem}. */
    record BatchView(List<Object> results) {}

    private final Matching matching;
    private final JsonChecks reader;

    CheckBatchController(Matching matching, JsonChecks reader) {
        this.matching = matching;
        this.reader = reader;
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
            Object read = reader.read(check);
            if (read instanceof BatchCheck upload) {
                positions.add(results.size());
                valid.add(upload);
            }
            results.add(read);
        }
        if (!valid.isEmpty()) {
            List<CheckOutcome> outcomes = matching.checkAll(Callers.actorOf(caller), valid);
            for (int i = 0; i < outcomes.size(); i++) {
                results.set(positions.get(i), JsonChecks.answer(outcomes.get(i)));
            }
        }
        return new BatchView(results);
    }

    /** Until the index is loaded no check of the batch can be answered: 503, as for a single check. */
    @ExceptionHandler(MatchingUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable() {
        return MatchingApiController.unavailableProblem();
    }
}
