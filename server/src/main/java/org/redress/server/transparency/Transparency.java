package org.redress.server.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redress.server.enforcement.EnforcementStatistics;
import org.redress.server.intake.IntakeStatistics;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.review.Outcome;
import org.redress.server.review.ReviewStatistics;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.TransparencyReport.BankMatches;
import org.redress.server.transparency.TransparencyReport.BreachLine;
import org.redress.server.transparency.TransparencyReport.CaseCount;
import org.redress.server.transparency.TransparencyReport.DecisionCount;
import org.redress.server.transparency.TransparencyReport.RemovalFigures;
import org.redress.server.transparency.TransparencyReport.ReportCount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the transparency figures of a period from the record, and exports its decisions one row
 * at a time. Rows that can be many (removals, first actions, appeals, decisions) are read through a
 * cursor {@value #FETCH_SIZE} at a time and never held: figures keep one {@code long} per measured
 * time, exports write each row as it is read.
 */
@Service
public class Transparency {

    /** Rows read per round trip from the database. */
    static final int FETCH_SIZE = 1_000;

    /** The group of removals no bank matched; bank names cannot hold parentheses. */
    public static final String NO_BANK = "(none)";

    private final IntakeStatistics intake;
    private final ReviewStatistics review;
    private final EnforcementStatistics enforcement;
    private final FlaggerAccuracy flaggers;
    private final SqlDialect dialect;
    private final TransactionTemplate readOnly;

    Transparency(
            IntakeStatistics intake,
            ReviewStatistics review,
            EnforcementStatistics enforcement,
            TrustedFlaggers flaggers,
            SqlDialect dialect,
            PlatformTransactionManager transactions) {
        this.intake = intake;
        this.review = review;
        this.enforcement = enforcement;
        this.flaggers = new FlaggerAccuracy(intake, review, flaggers);
        this.dialect = dialect;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // On PostgreSQL every statement of one report then sees the same snapshot, so the figures
        // agree with each other even while cases move on.
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The figures of the period, read now. */
    public TransparencyReport report(Period period) {
        return inCursor(() -> assemble(period));
    }

    private TransparencyReport assemble(Period period) {
        var from = period.start();
        var until = period.end();
        List<ReportCount> reports = intake.reportsReceived(from, until).stream()
                .map(r -> new ReportCount(r.channel().name(), r.reporterRole().name(), r.reports()))
                .toList();
        var removals = new Removals();
        review.eachRemoval(from, until, FETCH_SIZE, removals::add);
        var firstActions = new Durations();
        Map<String, Durations> firstActionsBySource = new TreeMap<>();
        review.eachFirstAction(from, until, FETCH_SIZE, a -> {
            firstActions.add(a.receivedAt(), a.firstDecidedAt());
            firstActionsBySource
                    .computeIfAbsent(a.source().name(), s -> new Durations())
                    .add(a.receivedAt(), a.firstDecidedAt());
        });
        var appeals = new Appeals();
        review.eachAppealDecided(from, until, FETCH_SIZE, appeals::add);
        List<BreachLine> breaches = breaches(period);
        List<DecisionCount> decisions = review.decisions(from, until).stream()
                .map(d -> new DecisionCount(d.origin().name(), d.outcome().name(), d.decisions()))
                .toList();
        var blocks = enforcement.blocks(from, until);
        return new TransparencyReport(
                period.from().toString(),
                period.to().toString(),
                reports.stream().mapToLong(ReportCount::reports).sum(),
                sum(reports, ReportCount::channel, ReportCount::reports),
                sum(reports, ReportCount::reporterRole, ReportCount::reports),
                reports,
                intake.hashSubmissionsReceived(from, until),
                review.casesOpened(from, until).stream()
                        .map(c -> new CaseCount(c.origin().name(), c.source().name(), c.cases()))
                        .toList(),
                firstActions.summary(),
                summaries(firstActionsBySource),
                removals.all.removed(),
                removals.all.withinDeadline(),
                removals.all.within48Hours(),
                removals.all.removed() == 0 ? null : (double) removals.all.within48Hours() / removals.all.removed(),
                removals.all.times(),
                figures(removals.bySource),
                figures(removals.byBank),
                breaches.size(),
                sum(breaches, b -> b.reason().name(), b -> 1L),
                breaches,
                review.retroactiveCopies(from, until),
                review.matchesByBank(from, until).stream()
                        .map(b -> new BankMatches(b.bank(), b.atUpload(), b.retroactive()))
                        .toList(),
                decisions.stream().mapToLong(DecisionCount::decisions).sum(),
                blocks.blocks(),
                sum(decisions, DecisionCount::outcome, DecisionCount::decisions),
                decisions,
                review.appealsReceived(from, until),
                appeals.decided,
                appeals.upheld,
                appeals.reversed,
                appeals.all.summary(),
                appeals.reversals.summary(),
                intake.complaintsReceived(from, until),
                review.complaints(from, until).stream()
                        .collect(Collectors.toMap(
                                c -> c.type() + ":" + c.outcome(),
                                ReviewStatistics.ComplaintCount::complaints,
                                Long::sum,
                                TreeMap::new)),
                blocks.uploads(),
                blocks.released(),
                flaggers.of(period));
    }

    private List<BreachLine> breaches(Period period) {
        List<BreachLine> lines = new ArrayList<>();
        for (var b : review.breaches(period.start(), period.end())) {
            BreachReason reason = BreachReason.of(b.deadline(), b.decidedAt(), b.escalatedAt(), b.deliveryGivenUp());
            lines.add(new BreachLine(
                    b.caseRef(),
                    b.origin().name(),
                    b.source().name(),
                    b.receivedAt().toString(),
                    b.deadline().toString(),
                    b.breachedAt().toString(),
                    b.removedAt().map(Object::toString).orElse(null),
                    reason,
                    reason.description()));
        }
        return lines;
    }

    /**
     * Writes every decision of the period as CSV, moderators' decisions first and then automated
     * blocks, each part oldest first, one row as it is read: no cap on rows, and memory bounded by
     * the fetch size whatever the period holds.
     */
    public void exportDecisions(Period period, Writer out) throws IOException {
        var csv = new DecisionCsv(out);
        csv.header();
        try {
            inCursor(() -> {
                review.eachDecision(period.start(), period.end(), FETCH_SIZE, csv::human);
                enforcement.eachBlock(period.start(), period.end(), FETCH_SIZE, csv::automated);
                return Boolean.TRUE;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /**
     * Runs reads that stream rows. PostgreSQL keeps a cursor (and honours the fetch size) only inside
     * a transaction, so they get a read-only one there; SQLite streams rows from its statement
     * anyway, and a transaction there would take the single write lock (transactions begin
     * IMMEDIATE) and hold back every writer for as long as an export runs.
     */
    private <T> T inCursor(java.util.function.Supplier<T> reads) {
        if (dialect instanceof SqlDialect.Postgresql) {
            return java.util.Objects.requireNonNull(readOnly.execute(status -> reads.get()));
        }
        return reads.get();
    }

    private static <T> Map<String, Long> sum(List<T> rows, Function<T, String> key, Function<T, Long> value) {
        Map<String, Long> sums = new TreeMap<>();
        rows.forEach(row -> sums.merge(key.apply(row), value.apply(row), Long::sum));
        return sums;
    }

    private static Map<String, DurationSummary> summaries(Map<String, Durations> groups) {
        Map<String, DurationSummary> summaries = new TreeMap<>();
        groups.forEach((key, durations) -> summaries.put(key, durations.summary()));
        return summaries;
    }

    private static Map<String, RemovalFigures> figures(Map<String, RemovalTally> groups) {
        Map<String, RemovalFigures> figures = new TreeMap<>();
        groups.forEach((key, tally) -> figures.put(key, tally.figures()));
        return figures;
    }

    /** Removals in total, per source and per bank. */
    private static final class Removals {
        final RemovalTally all = new RemovalTally();
        final Map<String, RemovalTally> bySource = new TreeMap<>();
        final Map<String, RemovalTally> byBank = new TreeMap<>();

        void add(ReviewStatistics.Removal removal) {
            all.add(removal);
            bySource.computeIfAbsent(removal.source().name(), s -> new RemovalTally())
                    .add(removal);
            byBank.computeIfAbsent(removal.bank().orElse(NO_BANK), b -> new RemovalTally())
                    .add(removal);
        }
    }

    /** Appeal outcomes and times. */
    private static final class Appeals {
        long decided;
        long upheld;
        long reversed;
        final Durations all = new Durations();
        final Durations reversals = new Durations();

        void add(ReviewStatistics.AppealDecided appeal) {
            decided++;
            all.add(appeal.receivedAt(), appeal.decidedAt());
            if (appeal.outcome() == Outcome.REVERSE) {
                reversed++;
                reversals.add(appeal.receivedAt(), appeal.decidedAt());
            } else if (appeal.outcome() == Outcome.UPHOLD) {
                upheld++;
            }
        }
    }
}
