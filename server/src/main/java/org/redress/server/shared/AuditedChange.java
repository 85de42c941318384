package org.redress.server.shared;

/**
 * A state change that the audit log records in the same transaction. Facades publish these as
 * Spring application events; the audit module listens synchronously, so a failed audit append
 * rolls the change back. Implementations carry ids and enum-like words only, never personal data.
 */
public interface AuditedChange {

    /** Who made the change. */
    Actor actor();

    /** What happened, as a stable verb phrase such as {@code user.created}. */
    String action();

    /** The kind of object changed, such as {@code identity_user}. */
    String objectType();

    /** The changed object's id. */
    String objectId();
}
