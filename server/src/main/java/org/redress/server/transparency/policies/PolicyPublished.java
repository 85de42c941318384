package org.redress.server.transparency.policies;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A new version of a policy was published and is in force; the subject names the policy and the version. */
public record PolicyPublished(Actor actor, PolicyKind policy, int version) implements AuditedChange {

    static final AuditSubject.Type POLICY = new AuditSubject.Type("transparency_policy");

    @Override
    public String action() {
        return "transparency.policy-published";
    }

    @Override
    public AuditSubject subject() {
        return POLICY.of(policy.slug() + ":" + version);
    }
}
