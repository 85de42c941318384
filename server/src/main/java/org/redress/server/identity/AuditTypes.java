package org.redress.server.identity;

import org.redress.server.shared.AuditSubject;

/**
 * The kinds of object this module's changes are audited under. Their names are stored in every
 * audit entry and its hash, so they never change.
 */
final class AuditTypes {

    static final AuditSubject.Type USER = new AuditSubject.Type("identity_user");
    static final AuditSubject.Type API_KEY = new AuditSubject.Type("identity_api_key");

    private AuditTypes() {}
}
