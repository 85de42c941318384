package org.redress.server.shared;

/**
 * A state change that the audit log records in the same transaction. Facades publish these as
 * Spring application events; the audit module listens synchronously, so a failed audit append
 * rolls the change back. Implementations carry ids and enum-like words only, never personal data.
 *
 * <p>An audited event is a record that names who acted, what happened and to which object:
 * <pre>{@code
 * public record PasswordChanged(Actor actor, UserId userId) implements AuditedChange {
 *     public String action() { return "user.password-changed"; }
 *     public AuditSubject subject() { return AuditTypes.USER.of(userId.toString()); }
 * }
 * }</pre>
 * A record whose action varies carries it as its {@code action} component.
 */
public interface AuditedChange {

    /** Who made the change. */
    Actor actor();

    /** What happened, as a stable verb phrase such as {@code user.created}. */
    String action();

    /** The object changed. */
    AuditSubject subject();
}
