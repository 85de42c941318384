package org.redress.server.transparency.web.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.server.transparency.DurationSummary;
import org.redress.server.transparency.TransparencyReport;

/** The charts of the transparency page, drawn from the same report as its tables. */
public final class FigureCharts {

    private FigureCharts() {}

    public static List<BarChart> of(TransparencyReport r) {
        Map<String, Long> removals = new LinkedHashMap<>();
        removals.put("Within 48 hours", r.removedWithin48Hours());
        removals.put("After 48 hours", r.contentRemoved() - r.removedWithin48Hours());
        Map<String, Long> decisions = new LinkedHashMap<>(r.decisionsByOutcome());
        decisions.put("BLOCK (automated)", r.automatedDecisions());
        Map<String, Long> medians = new LinkedHashMap<>();
        median(medians, "To first action", r.timeToFirstAction());
        median(medians, "To confirmed removal", r.timeToRemoval());
        median(medians, "To an appeal decision", r.timeToAppealDecision());
        Map<String, Long> appeals = new LinkedHashMap<>();
        appeals.put("Received", r.appealsReceived());
        appeals.put("Upheld", r.appealsUpheld());
        appeals.put("Reversed", r.appealsReversed());
        return List.of(
                BarChart.counts("chart-reports", "Reports by channel", r.reportsByChannel()),
                BarChart.counts("chart-removals", "Content removed, by time from the report", removals),
                BarChart.seconds("chart-times", "Median times (hours:minutes:seconds)", medians),
                BarChart.counts("chart-breaches", "Deadline breaches by reason", r.breachesByReason()),
                BarChart.counts("chart-decisions", "Decisions by outcome", decisions),
                BarChart.counts("chart-appeals", "Appeals", appeals));
    }

    private static void median(Map<String, Long> medians, String label, DurationSummary summary) {
        if (summary.medianSeconds() != null) {
            medians.put(label, summary.medianSeconds());
        }
    }
}
