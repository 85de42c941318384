/**
 * Evidence that stands up outside the building: for a case and the cases linked with it, one ZIP
 * with the content as received, its hashes, where and when it was found, the reports, the
 * decisions with their statements of reasons, the webhook deliveries and the platform's
 * acknowledgements, the history and the audit entries about all of them, and a {@code manifest.json}
 * listing every file with its SHA-256, signed with an Ed25519 key whose public half the operator
 * publishes. {@link org.redress.server.evidence.BundleVerifier} checks a bundle offline (as
 * {@code redress evidence verify} does); every export is recorded and audited. Legal holds on a
 * case keep its content through the retention sweep. Design: {@code docs/adr/0018-evidence-bundles.md}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Evidence",
        allowedDependencies = {
            "shared",
            "storage",
            "web",
            "identity",
            "audit",
            "review",
            "intake",
            "media",
            "enforcement"
        })
package org.redress.server.evidence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
