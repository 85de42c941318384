package org.redress.server.review;

import java.time.Instant;
import org.redress.server.shared.CaseRef;

/**
 * What the appellant is told on filing.
 *
 * @param appealRef the appeal's reference
 * @param receivedAt when it was received
 * @param deadline the target time for its decision
 */
public record AppealReceipt(CaseRef appealRef, Instant receivedAt, Instant deadline) {}
