package org.redress.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One content item a case covers.
 *
 * @param contentId the platform's content id, or the locator as reported
 * @param uploaderId who uploaded it, when matching registered it
 * @param removalDelivery the webhook delivery asking the platform to remove it
 * @param removalRequestedAt when removal was asked for
 * @param removedAt when the platform confirmed removal
 */
public record CaseContent(
        String contentId,
        Optional<String> uploaderId,
        Optional<String> removalDelivery,
        Optional<Instant> removalRequestedAt,
        Optional<Instant> removedAt) {}
