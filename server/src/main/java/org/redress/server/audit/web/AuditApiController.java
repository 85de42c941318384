package org.redress.server.audit.web;

import org.jspecify.annotations.Nullable;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets auditors check the audit chain over HTTP, as {@code redress audit verify} does on the command line. */
@RestController
class AuditApiController {

    record VerificationView(
            long entries,
            boolean ok,
            @Nullable Long brokenEntry,
            @Nullable String reason) {}

    record EntryView(
            long seq,
            java.time.Instant occurredAt,
            String actorKind,
            String actorId,
            String action,
            String objectType,
            String objectId,
            String prevHash,
            String entryHash) {
        static EntryView of(org.redress.server.audit.AuditEntry e) {
            return new EntryView(
                    e.seq(),
                    e.occurredAt(),
                    e.actorKind(),
                    e.actorId(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.prevHash(),
                    e.entryHash());
        }
    }

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Entries in chain order, a page at a time ({@code after} is the last seq already read). */
    @GetMapping("/api/v1/audit/entries")
    @Allow({Role.ADMIN, Role.AUDITOR, Role.COMPLIANCE})
    java.util.List<EntryView> entries(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") long after,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit) {
        return trail.entries(after, limit).stream().map(EntryView::of).toList();
    }

    @GetMapping("/api/v1/audit/verification")
    @Allow({Role.ADMIN, Role.AUDITOR, Role.COMPLIANCE})
    VerificationView verify() {
        return switch (trail.verify()) {
            case ChainVerification.Intact intact -> new VerificationView(intact.entries(), true, null, null);
            case ChainVerification.Broken broken ->
                new VerificationView(broken.entries(), false, broken.seq(), broken.reason());
        };
    }
}
