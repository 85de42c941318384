package org.redress.server.intake;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A version of a trusted flagger's register entry was recorded; the subject names the entry and the version. */
public record FlaggerRecorded(Actor actor, String flaggerId, int version) implements AuditedChange {

    static final AuditSubject.Type FLAGGER = new AuditSubject.Type("intake_flagger");

    @Override
    public String action() {
        return "intake.flagger-recorded";
    }

    @Override
    public AuditSubject subject() {
        return FLAGGER.of(flaggerId + ":" + version);
    }
}
