/**
 * The front door for victims and those acting for them: intimate image reports, victim-side hash
 * submissions (hashes only, computed in the browser), their receipts and private status links.
 * Publishes {@link org.redress.server.intake.HashesSubmitted} and
 * {@link org.redress.server.intake.ReportWithdrawn}, which matching follows to bank and unbank
 * a victim's hashes. It also keeps the trusted-flagger register
 * ({@link org.redress.server.intake.TrustedFlaggers}, EU DSA Art. 22; ADR 0032), which decides
 * whether a report on a FLAGGER key has a trusted flagger's priority.
 */
@NullMarked
@ApplicationModule(
        displayName = "Intake",
        allowedDependencies = {"shared", "storage", "web", "identity"})
package org.redress.server.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
