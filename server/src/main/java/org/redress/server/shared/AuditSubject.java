package org.redress.server.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The object an audited change is about, as the audit log stores it: its type, named after the
 * owning module's table ({@code identity_user}), and its id within that type. Both strings go into
 * every audit entry and its hash, so a type's name and its ids' form never change.
 *
 * @param type the object's type, such as {@code identity_user}
 * @param id the object's id, never empty
 */
public record AuditSubject(String type, String id) {

    private static final Pattern TYPE_NAME = Pattern.compile("[a-z]+(_[a-z]+)+");

    public AuditSubject {
        Type.check(type);
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an audit subject's id must not be empty");
        }
    }

    /**
     * A type of audited object, declared once by the module that owns it, for example
     * {@code static final AuditSubject.Type USER = new AuditSubject.Type("identity_user")}.
     *
     * @param name the module prefix, an underscore and the object's noun, in lowercase
     */
    public record Type(String name) {

        public Type {
            check(name);
        }

        /** The object of this type with the given id. */
        public AuditSubject of(String id) {
            return new AuditSubject(name, id);
        }

        private static void check(String name) {
            Objects.requireNonNull(name, "name");
            if (!TYPE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "an audit subject type is module_noun in lowercase letters (length " + name.length() + ")");
            }
        }
    }
}
