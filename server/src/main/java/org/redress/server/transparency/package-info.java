/**
 * Accountability figures from the record: for any period (whole UTC days), what came in and what
 * was done about it, broken down by channel, reporter role, case source, bank and decision, with
 * every deadline breach and its reason. The figures are computed on request from the other modules'
 * own read-only statistics ({@code IntakeStatistics}, {@code ReviewStatistics},
 * {@code EnforcementStatistics}); nothing is stored or kept here, so a figure always says what the
 * record says. {@link org.redress.server.transparency.Transparency} is the entry point; the API, the
 * compliance page and {@code redress report transparency} all read it. Beside the figures, the
 * registers Ofcom asks for and the published policies ({@code registers} and {@code policies},
 * ADR 0024) are kept here as versions that are never changed, and
 * {@link org.redress.server.transparency.InformationPack} writes all of it, with an audit-chain
 * check, as the folder an information notice is answered with.
 */
@NullMarked
@ApplicationModule(
        displayName = "Transparency",
        allowedDependencies = {"shared", "storage", "web", "identity", "audit", "intake", "review", "enforcement"})
package org.redress.server.transparency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
