package org.redress.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * What the hosted appeal page shows the holder of an appeal link.
 *
 * @param contentId the content restricted
 * @param decidedAt when the decision was taken
 * @param appealUntil when the appeal window closes
 * @param windowOpen whether an appeal is still accepted
 * @param filed the receipt of the appeal already filed, if any
 */
public record AppealPage(
        String contentId, Instant decidedAt, Instant appealUntil, boolean windowOpen, Optional<AppealReceipt> filed) {}
