package org.redress.server.matching;

import org.redress.server.shared.AuditSubject;

/**
 * The kinds of object this module's changes are audited under. Their names are stored in every
 * audit entry and its hash, so they never change.
 */
final class AuditTypes {

    static final AuditSubject.Type CONTENT = new AuditSubject.Type("matching_content");
    static final AuditSubject.Type ENTRY = new AuditSubject.Type("matching_entry");
    static final AuditSubject.Type BANK = new AuditSubject.Type("matching_bank");

    private AuditTypes() {}
}
