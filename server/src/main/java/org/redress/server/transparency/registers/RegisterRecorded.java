package org.redress.server.transparency.registers;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A new version of a register was recorded; the subject names the register and the version. */
public record RegisterRecorded(Actor actor, RegisterKind register, int version) implements AuditedChange {

    static final AuditSubject.Type REGISTER = new AuditSubject.Type("transparency_register");

    @Override
    public String action() {
        return "transparency.register-recorded";
    }

    @Override
    public AuditSubject subject() {
        return REGISTER.of(register.slug() + ":" + version);
    }
}
