/**
 * Where reports and matches become action: review cases ordered by their legal deadline, claims
 * with a lease, decisions from a closed set with a statement of reasons, removal through the
 * platform's webhooks (the clock stops at the platform's acknowledgement), banking of removed
 * content, deadline warnings and breaches, uploaders' appeals (decided by a different senior
 * moderator; a reversal restores the content), and the repeat-uploader policy (a warning, then a
 * suspension for a stated period). Follows intake's
 * {@code ReportReceived} and {@code ReportWithdrawn}, matching's {@code MatchFound} and
 * enforcement's acknowledgements; tells intake about each step so that reporters hear of it.
 */
@NullMarked
@ApplicationModule(
        displayName = "Review",
        allowedDependencies = {"shared", "storage", "web", "identity", "intake", "matching", "media", "enforcement"})
package org.redress.server.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
