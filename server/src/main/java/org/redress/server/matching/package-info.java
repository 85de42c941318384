/**
 * Hash banks and the upload check. Banks hold PDQ, MD5 and SHA-256 entries with their provenance;
 * an in-memory index per bank follows the {@code matching_change} log, so every replica answers
 * checks from memory within a second of a change. Each check is registered for later retroactive
 * scans. The {@link org.redress.server.matching.Matching} facade publishes audited changes and
 * {@link org.redress.server.matching.MatchFound}, which review will follow; it listens to intake's
 * {@code HashesSubmitted} and {@code ReportWithdrawn} to bank and unbank victims' hashes. Every
 * automated block is announced to the platform through enforcement's {@code upload.blocked} webhook,
 * and a released provisional entry restores the uploads it blocked ({@code content.restore}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Matching",
        allowedDependencies = {"shared", "storage", "web", "identity", "intake", "media", "enforcement"})
package org.redress.server.matching;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
