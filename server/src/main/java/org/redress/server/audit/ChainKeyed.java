package org.redress.server.audit;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * The first keyed entry after entries an earlier release wrote unkeyed. It closes the unkeyed part
 * of the chain, so a chain that ends in unkeyed entries is known to be rewritten.
 */
record ChainKeyed(long lastUnkeyedSeq) implements AuditedChange {

    static final AuditSubject.Type CHAIN = new AuditSubject.Type("audit_chain");

    @Override
    public Actor actor() {
        return new Actor.Operator("upgrade");
    }

    @Override
    public String action() {
        return "audit.chain-keyed";
    }

    @Override
    public AuditSubject subject() {
        return CHAIN.of(Long.toString(lastUnkeyedSeq));
    }
}
