package org.redress.server.transparency;

import java.io.Writer;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON (the record's fields, in order) and as CSV: one line per figure,
 * {@code figure,group,key,value}, so that a spreadsheet can filter any breakdown. The API and
 * {@code redress report transparency} both write through here, so they agree byte for byte.
 */
public final class ReportFormats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportFormats() {}

    public static String json(TransparencyReport report) {
        return JSON.writeValueAsString(report);
    }

    public static void csv(TransparencyReport r, Writer out) {
        var csv = new Csv(out);
        csv.line("figure", "group", "key", "value");
        csv.line("period", "", "from", r.from());
        csv.line("period", "", "to", r.to());
        total(csv, "reportsReceived", r.reportsReceived());
        counts(csv, "reportsReceived", "channel", r.reportsByChannel());
        counts(csv, "reportsReceived", "reporterRole", r.reportsByReporterRole());
        r.reportsByChannelAndRole()
                .forEach(c -> csv.line(
                        "reportsReceived", "channel/reporterRole", c.channel() + "/" + c.reporterRole(), c.reports()));
        total(csv, "hashSubmissionsReceived", r.hashSubmissionsReceived());
        r.casesOpened()
                .forEach(c -> csv.line("casesOpened", "origin/source", c.origin() + "/" + c.source(), c.cases()));
        durations(csv, "timeToFirstAction", "", "", r.timeToFirstAction());
        r.timeToFirstActionBySource().forEach((k, d) -> durations(csv, "timeToFirstAction", "source", k + "/", d));
        total(csv, "contentRemoved", r.contentRemoved());
        total(csv, "removedWithinDeadline", r.removedWithinDeadline());
        total(csv, "removedWithin48Hours", r.removedWithin48Hours());
        csv.line("shareRemovedWithin48Hours", "", "", blankIfNull(r.shareRemovedWithin48Hours()));
        durations(csv, "timeToRemoval", "", "", r.timeToRemoval());
        removals(csv, "source", r.removalsBySource());
        removals(csv, "bank", r.removalsByBank());
        total(csv, "deadlineBreaches", r.deadlineBreaches());
        counts(csv, "deadlineBreaches", "reason", r.breachesByReason());
        for (var b : r.breaches()) {
            csv.line("deadlineBreach", b.caseRef(), "reason", b.reason());
            csv.line("deadlineBreach", b.caseRef(), "source", b.source());
            csv.line("deadlineBreach", b.caseRef(), "deadline", b.deadline());
            csv.line("deadlineBreach", b.caseRef(), "breachedAt", b.breachedAt());
            csv.line("deadlineBreach", b.caseRef(), "removedAt", blankIfNull(b.removedAt()));
        }
        total(csv, "retroactiveCopies", r.retroactiveCopies());
        r.matchesByBank().forEach(b -> {
            csv.line("matches", "bank", b.bank() + "/atUpload", b.atUpload());
            csv.line("matches", "bank", b.bank() + "/retroactive", b.retroactive());
        });
        decisionsAndAppeals(csv, r);
    }

    private static void decisionsAndAppeals(Csv csv, TransparencyReport r) {
        total(csv, "humanDecisions", r.humanDecisions());
        total(csv, "automatedDecisions", r.automatedDecisions());
        counts(csv, "humanDecisions", "outcome", r.decisionsByOutcome());
        r.decisionsByOriginAndOutcome()
                .forEach(d ->
                        csv.line("humanDecisions", "origin/outcome", d.origin() + "/" + d.outcome(), d.decisions()));
        total(csv, "appealsReceived", r.appealsReceived());
        total(csv, "appealsDecided", r.appealsDecided());
        total(csv, "appealsUpheld", r.appealsUpheld());
        total(csv, "appealsReversed", r.appealsReversed());
        durations(csv, "timeToAppealDecision", "", "", r.timeToAppealDecision());
        durations(csv, "timeToReversal", "", "", r.timeToReversal());
        total(csv, "complaintsReceived", r.complaintsReceived());
        counts(csv, "complaints", "typeAndOutcome", r.complaintsByTypeAndOutcome());
        total(csv, "uploadsBlocked", r.uploadsBlocked());
        total(csv, "blockedUploadsReleased", r.blockedUploadsReleased());
        for (var f : r.trustedFlaggers()) {
            csv.line("trustedFlagger", f.flaggerId(), "organisation", f.organisation());
            csv.line("trustedFlagger", f.flaggerId(), "awardedBy", f.awardedBy());
            csv.line("trustedFlagger", f.flaggerId(), "noticesReceived", f.noticesReceived());
            csv.line("trustedFlagger", f.flaggerId(), "actedOn", f.actedOn());
            csv.line("trustedFlagger", f.flaggerId(), "notActedOn", f.notActedOn());
            csv.line("trustedFlagger", f.flaggerId(), "pending", f.pending());
            durations(csv, "trustedFlagger", f.flaggerId(), "timeToDecision/", f.timeToDecision());
        }
    }

    private static void total(Csv csv, String figure, long value) {
        csv.line(figure, "", "", value);
    }

    private static void counts(Csv csv, String figure, String group, Map<String, Long> counts) {
        counts.forEach((key, value) -> csv.line(figure, group, key, value));
    }

    private static void removals(Csv csv, String group, Map<String, TransparencyReport.RemovalFigures> figures) {
        figures.forEach((key, f) -> {
            csv.line("contentRemoved", group, key, f.contentRemoved());
            csv.line("removedWithinDeadline", group, key, f.removedWithinDeadline());
            csv.line("removedWithin48Hours", group, key, f.removedWithin48Hours());
            durations(csv, "timeToRemoval", group, key + "/", f.timeToRemoval());
        });
    }

    private static void durations(Csv csv, String figure, String group, String prefix, DurationSummary d) {
        csv.line(figure, group, prefix + "count", d.count());
        csv.line(figure, group, prefix + "medianSeconds", blankIfNull(d.medianSeconds()));
        csv.line(figure, group, prefix + "p90Seconds", blankIfNull(d.p90Seconds()));
        csv.line(figure, group, prefix + "maxSeconds", blankIfNull(d.maxSeconds()));
    }

    private static Object blankIfNull(@Nullable Object value) {
        return value == null ? "" : value;
    }
}
