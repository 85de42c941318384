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

    record VerificationView(long entries, boolean ok, @Nullable Long brokenEntry, @Nullable String reason) {
    }

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit/verification")
    @Allow({ Role.ADMIN, Role.AUDITOR, Role.COMPLIANCE })
    VerificationView verify() {
        return switch (trail.verify()) {
            case ChainVerification.Intact intact -> new VerificationView(intact.entries(), true, null, null);
            case ChainVerification.Broken broken -> new VerificationView(broken.entries(), false, broken.seq(), broken.reason());
        };
    }
}
