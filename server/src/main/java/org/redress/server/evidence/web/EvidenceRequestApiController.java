package org.redress.server.evidence.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.evidence.EvidenceRequestInvalidException;
import org.redress.server.evidence.LawEnforcementRequest;
import org.redress.server.evidence.LawEnforcementRequests;
import org.redress.server.evidence.NewRequest;
import org.redress.server.evidence.RequestState;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Law-enforcement requests for compliance staff (ADR 0021): record one, have another officer approve
 * or refuse it, export its bundle, and record each hand-over. Auditors may list requests (without
 * the officer's contact or the crime reference) to check that each export answered an approved one.
 */
@RestController
@RequestMapping("/api/v1/evidence/requests")
class EvidenceRequestApiController {

    /** A request as typed: the deadline is an instant ({@code 2026-12-31T17:00:00Z}). */
    record Typed(
            @Nullable String agency,
            @Nullable String officer,
            @Nullable String crimeReference,
            @Nullable String legalBasis,
            @Nullable Instant deadline,
            @Nullable List<String> scope,
            @Nullable String link) {}

    record DecisionBody(@Nullable String reason) {}

    /** {@code how} is {@code DELIVERED} or {@code COLLECTED}; the note says how and to whom. */
    record HandOverBody(
            @Nullable String manifestSha256,
            @Nullable String how,
            @Nullable String note) {}

    /** What an auditor sees of a request: no officer contact, no crime reference. */
    record Summary(
            String id,
            String agency,
            String legalBasis,
            Instant deadline,
            List<String> scope,
            RequestState state,
            String recordedBy,
            Instant recordedAt,
            int steps) {
        static Summary of(LawEnforcementRequest r) {
            return new Summary(
                    r.id(),
                    r.agency(),
                    r.legalBasis(),
                    r.deadline(),
                    r.scope(),
                    r.state(),
                    r.recordedBy(),
                    r.recordedAt(),
                    r.steps().size());
        }
    }

    private final LawEnforcementRequests requests;

    EvidenceRequestApiController(LawEnforcementRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    List<Summary> list() {
        return requests.list().stream().map(Summary::of).toList();
    }

    @PostMapping
    @Allow(Role.COMPLIANCE)
    @ResponseStatus(HttpStatus.CREATED)
    LawEnforcementRequest record(@RequestBody @Nullable Typed body, Authentication caller) {
        if (body == null) {
            throw new EvidenceRequestInvalidException("Send the request as JSON.");
        }
        return requests.record(
                Callers.actorOf(caller),
                new NewRequest(
                        body.agency(),
                        body.officer(),
                        body.crimeReference(),
                        body.legalBasis(),
                        body.deadline(),
                        body.scope(),
                        body.link()));
    }

    @GetMapping("/{id}")
    @Allow(Role.COMPLIANCE)
    LawEnforcementRequest find(@PathVariable String id) {
        return requests.find(id);
    }

    @PostMapping("/{id}/approval")
    @Allow(Role.COMPLIANCE)
    LawEnforcementRequest approve(
            @PathVariable String id, @RequestBody @Nullable DecisionBody body, Authentication caller) {
        return requests.approve(Callers.actorOf(caller), id, body == null ? "" : orEmpty(body.reason()));
    }

    @PostMapping("/{id}/refusal")
    @Allow(Role.COMPLIANCE)
    LawEnforcementRequest refuse(
            @PathVariable String id, @RequestBody @Nullable DecisionBody body, Authentication caller) {
        return requests.refuse(Callers.actorOf(caller), id, body == null ? "" : orEmpty(body.reason()));
    }

    @PostMapping("/{id}/bundle")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<byte[]> export(@PathVariable String id, Authentication caller) {
        return EvidenceApiController.zip(requests.export(Callers.actorOf(caller), id));
    }

    @PostMapping("/{id}/hand-over")
    @Allow(Role.COMPLIANCE)
    LawEnforcementRequest handOver(
            @PathVariable String id, @RequestBody @Nullable HandOverBody body, Authentication caller) {
        if (body == null
                || body.how() == null
                || !List.of("DELIVERED", "COLLECTED").contains(body.how())) {
            throw new EvidenceRequestInvalidException("Say how it left: DELIVERED or COLLECTED.");
        }
        return requests.handOver(
                Callers.actorOf(caller), id, body.manifestSha256(), body.how().equals("COLLECTED"), body.note());
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
