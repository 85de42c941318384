package org.redress.server.evidence;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * An audited evidence step: {@code evidence.exported} (the subject is the export, named by its
 * manifest's SHA-256, so the audit chain itself binds the bundle handed out), or
 * {@code evidence.case-held} / {@code evidence.case-released} (the subject is the case).
 */
public record EvidenceChanged(Actor actor, String action, AuditSubject subject) implements AuditedChange {

    static final AuditSubject.Type EXPORT = new AuditSubject.Type("evidence_export");
    static final AuditSubject.Type CASE_HOLD = new AuditSubject.Type("evidence_case_hold");

    public static EvidenceChanged exported(Actor actor, String manifestSha256) {
        return new EvidenceChanged(actor, "evidence.exported", EXPORT.of("sha256:" + manifestSha256));
    }

    public static EvidenceChanged held(Actor actor, String caseRef) {
        return new EvidenceChanged(actor, "evidence.case-held", CASE_HOLD.of(caseRef));
    }

    public static EvidenceChanged released(Actor actor, String caseRef) {
        return new EvidenceChanged(actor, "evidence.case-released", CASE_HOLD.of(caseRef));
    }
}
