package org.redress.server.enforcement;

import org.redress.server.shared.AuditSubject;

/**
 * The kinds of object this module's changes are audited under. Their names are stored in every
 * audit entry and its hash, so they never change.
 */
final class AuditTypes {

    static final AuditSubject.Type DELIVERY = new AuditSubject.Type("enforcement_delivery");

    private AuditTypes() {}
}
