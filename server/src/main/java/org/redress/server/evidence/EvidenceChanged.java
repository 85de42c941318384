package org.redress.server.evidence;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * An audited evidence step: {@code evidence.exported} (the subject is the export, named by its
 * manifest's SHA-256, so the audit chain itself binds the bundle handed out), or
 * {@code evidence.case-held} / {@code evidence.case-released} (the subject is the case),
 * {@code evidence.content-held} / {@code -released}, a law-enforcement request's steps
 * ({@code evidence.request-recorded}, ...), and {@code evidence.retention-deleted}.
 */
public record EvidenceChanged(Actor actor, String action, AuditSubject subject) implements AuditedChange {

    static final AuditSubject.Type EXPORT = new AuditSubject.Type("evidence_export");
    static final AuditSubject.Type CASE_HOLD = new AuditSubject.Type("evidence_case_hold");
    static final AuditSubject.Type CONTENT_HOLD = new AuditSubject.Type("evidence_content_hold");
    static final AuditSubject.Type REQUEST = new AuditSubject.Type("evidence_request");
    static final AuditSubject.Type DELETION = new AuditSubject.Type("evidence_deletion");

    public static EvidenceChanged exported(Actor actor, String manifestSha256) {
        return new EvidenceChanged(actor, "evidence.exported", EXPORT.of("sha256:" + manifestSha256));
    }

    public static EvidenceChanged held(Actor actor, String caseRef) {
        return new EvidenceChanged(actor, "evidence.case-held", CASE_HOLD.of(caseRef));
    }

    public static EvidenceChanged released(Actor actor, String caseRef) {
        return new EvidenceChanged(actor, "evidence.case-released", CASE_HOLD.of(caseRef));
    }

    public static EvidenceChanged contentHeld(Actor actor, String contentId) {
        return new EvidenceChanged(actor, "evidence.content-held", CONTENT_HOLD.of(contentId));
    }

    public static EvidenceChanged contentReleased(Actor actor, String contentId) {
        return new EvidenceChanged(actor, "evidence.content-released", CONTENT_HOLD.of(contentId));
    }

    /** A step of a law-enforcement request: {@code evidence.request-recorded}, {@code -approved}, ... */
    public static EvidenceChanged requestStep(Actor actor, String requestId, CustodyStep.Kind step) {
        return new EvidenceChanged(
                actor, "evidence.request-" + step.name().toLowerCase(java.util.Locale.ROOT), REQUEST.of(requestId));
    }

    /** The retention sweep deleted a record; the subject is {@code kind:id}, never its content. */
    public static EvidenceChanged deleted(Actor actor, RetentionKind kind, String recordId) {
        return new EvidenceChanged(actor, "evidence.retention-deleted", DELETION.of(kind.label() + ":" + recordId));
    }
}
