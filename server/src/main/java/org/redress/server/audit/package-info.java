/**
 * The append-only, hash-chained audit log. Every {@link org.redress.server.shared.AuditedChange}
 * published by a facade becomes one {@code audit_entry} row in the same transaction; each entry
 * holds the SHA-256 of the previous one, so {@link org.redress.server.audit.AuditTrail#verify()}
 * (and {@code redress audit verify}) can prove that no entry was altered, removed or reordered
 * afterwards. Format: {@code docs/adr/0002-audit-hash-chain.md}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared", "storage", "identity"})
package org.redress.server.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
