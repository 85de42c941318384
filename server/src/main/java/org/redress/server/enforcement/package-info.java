/**
 * Tells the platform to act: removals, reinstatements, hides and account suspensions go out as
 * signed webhooks (the contract is in {@code interface.md}, "Webhooks to the platform"). Each
 * request is a row of the {@code enforcement_delivery} outbox written in the caller's transaction,
 * so a decision and its webhook commit together; {@code WebhookDispatcher} sends it afterwards and
 * retries until the platform acknowledges or the retry window ends. The
 * {@link org.redress.server.enforcement.Enforcement} facade is the module's entry point; it
 * publishes {@link org.redress.server.enforcement.DeliveryAcknowledged} and
 * {@link org.redress.server.enforcement.DeliveryGivenUp}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Enforcement",
        allowedDependencies = {"shared", "storage", "identity"})
package org.redress.server.enforcement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
