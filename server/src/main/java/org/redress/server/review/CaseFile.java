package org.redress.server.review;

import java.util.List;
import org.redress.server.enforcement.Delivery;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ReportSummary;

/**
 * Everything a moderator sees of a case, media aside.
 *
 * @param reviewCase the case
 * @param contents the content it covers
 * @param reports the reports that make it (without contact details)
 * @param complaints the reporters' complaints, with their text
 * @param matches the matches that opened or joined it
 * @param decisions its decisions, oldest first
 * @param deliveries its webhook deliveries to the platform
 * @param history its dated history, oldest first
 */
public record CaseFile(
        ReviewCase reviewCase,
        List<CaseContent> contents,
        List<ReportSummary> reports,
        List<Complaint> complaints,
        List<CaseMatch> matches,
        List<RecordedDecision> decisions,
        List<Delivery> deliveries,
        List<HistoryEntry> history) {}
