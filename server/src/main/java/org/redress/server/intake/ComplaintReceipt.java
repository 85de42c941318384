package org.redress.server.intake;

import java.time.Instant;

/**
 * The answer to a complaint: its id and time, and the complainant's view of the case after it.
 *
 * @param complaintId the stored complaint
 * @param receivedAt when it arrived
 * @param status the holder's case view, with the complaint in its history
 */
public record ComplaintReceipt(String complaintId, Instant receivedAt, CaseStatus status) {}
