package org.redress.server.evidence.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.evidence.CaseHold;
import org.redress.server.evidence.Evidence;
import org.redress.server.evidence.EvidenceBundle;
import org.redress.server.evidence.EvidenceExport;
import org.redress.server.evidence.EvidenceReasonInvalidException;
import org.redress.server.identity.Allow;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.shared.CaseRef;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence for compliance staff: a case's signed bundle (every export recorded and audited with its
 * reason), the case's exports, legal holds, and the public key anyone may use to check a bundle.
 * Exports and holds are {@code COMPLIANCE} only (ADR 0018).
 */
@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceApiController {

    /** The request an export or a hold answers: a law-enforcement request id, a court order, a ticket. */
    record ReasonBody(@Nullable String reason, @Nullable Instant until) {}

    record HoldView(
            String caseRef,
            boolean held,
            @Nullable String heldBy,
            @Nullable Instant heldAt,
            @Nullable Instant heldUntil) {
        static HoldView of(String caseRef, @Nullable CaseHold hold) {
            return hold == null
                    ? new HoldView(caseRef, false, null, null, null)
                    : new HoldView(
                            caseRef,
                            true,
                            hold.heldBy(),
                            hold.heldAt(),
                            hold.heldUntil().orElse(null));
        }
    }

    static final String MANIFEST_HEADER = "Redress-Manifest-SHA256";

    private final Evidence evidence;

    EvidenceApiController(Evidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping("/cases/{id}/bundle")
    @Allow(Role.COMPLIANCE)
    ResponseEntity<byte[]> export(
            @PathVariable String id, @RequestBody @Nullable ReasonBody body, Authentication caller) {
        return zip(evidence.export(Callers.actorOf(caller), ref(id), reason(body)));
    }

    /** A bundle as a download, with its manifest's SHA-256 in a header. */
    static ResponseEntity<byte[]> zip(EvidenceBundle bundle) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(bundle.fileName())
                                .build()
                                .toString())
                .header(MANIFEST_HEADER, bundle.manifestSha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bundle.zip());
    }

    @GetMapping("/cases/{id}/exports")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    List<EvidenceExport> exports(@PathVariable String id) {
        return evidence.exports(ref(id));
    }

    @GetMapping("/cases/{id}/hold")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    HoldView hold(@PathVariable String id) {
        return HoldView.of(id, evidence.holdOf(ref(id)).orElse(null));
    }

    @PostMapping("/cases/{id}/hold")
    @Allow(Role.COMPLIANCE)
    HoldView placeHold(@PathVariable String id, @RequestBody @Nullable ReasonBody body, Authentication caller) {
        return HoldView.of(
                id, evidence.hold(Callers.actorOf(caller), ref(id), reason(body), body == null ? null : body.until()));
    }

    @DeleteMapping("/cases/{id}/hold")
    @Allow(Role.COMPLIANCE)
    HoldView liftHold(@PathVariable String id, Authentication caller) {
        evidence.release(Callers.actorOf(caller), ref(id));
        return HoldView.of(id, null);
    }

    /** The public half of the key that signs bundles, as PEM: public by nature, for anyone checking one. */
    @GetMapping(path = "/public-key", produces = "application/x-pem-file")
    @AllowAnyone
    String publicKey() {
        return evidence.publicKeyPem();
    }

    private static String reason(@Nullable ReasonBody body) {
        String reason = body == null ? null : body.reason();
        if (reason == null) {
            throw new EvidenceReasonInvalidException();
        }
        return reason;
    }

    private static CaseRef ref(String id) {
        try {
            return new CaseRef(id);
        } catch (IllegalArgumentException e) {
            throw new ReviewCaseNotFoundException();
        }
    }
}
