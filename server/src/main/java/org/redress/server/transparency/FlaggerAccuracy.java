package org.redress.server.transparency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.server.intake.IntakeStatistics;
import org.redress.server.intake.IntakeStatistics.FlaggerNoticeReceived;
import org.redress.server.intake.TrustedFlagger;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.review.ReviewStatistics;
import org.redress.server.review.ReviewStatistics.Settled;
import org.redress.server.transparency.TransparencyReport.FlaggerFigures;

/**
 * How accurate each trusted flagger's notices of a period were (EU DSA Art. 22(3)): a notice is
 * acted on when the first decision on its case's content at or after its receipt removed the
 * content, not acted on when that decision found no violation, and pending while there is none
 * yet; the time to decision runs from the notice's receipt to that decision. Outcomes are read as
 * they stand when the figures are made. Every entry whose status overlapped the period is listed,
 * with or without notices.
 */
final class FlaggerAccuracy {

    private final IntakeStatistics intake;
    private final ReviewStatistics review;
    private final TrustedFlaggers flaggers;

    FlaggerAccuracy(IntakeStatistics intake, ReviewStatistics review, TrustedFlaggers flaggers) {
        this.intake = intake;
        this.review = review;
        this.flaggers = flaggers;
    }

    List<FlaggerFigures> of(Period period) {
        List<FlaggerNoticeReceived> notices = intake.flaggerNotices(period.start(), period.end());
        Map<String, List<Settled>> decisions = new HashMap<>();
        review.settlingDecisions(notices.stream().map(n -> n.caseRef().value()).toList())
                .forEach(d -> decisions
                        .computeIfAbsent(d.caseRef(), ref -> new ArrayList<>())
                        .add(d));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, TrustedFlagger> byId = new HashMap<>();
        for (TrustedFlagger entry : flaggers.register()) {
            byId.put(entry.id(), entry);
            if (overlaps(entry, period.from(), period.to())) {
                tallies.put(entry.id(), new Tally(entry.id(), entry));
            }
        }
        for (FlaggerNoticeReceived notice : notices) {
            Tally tally = tallies.computeIfAbsent(notice.flaggerId(), id -> new Tally(id, byId.get(id)));
            tally.add(notice, decisions.getOrDefault(notice.caseRef().value(), List.of()));
        }
        return tallies.values().stream().map(Tally::figures).toList();
    }

    private static boolean overlaps(TrustedFlagger entry, LocalDate from, LocalDate to) {
        return !entry.since().isAfter(to)
                && entry.until().filter(end -> end.isBefore(from)).isEmpty();
    }

    /** One flagger's notices. */
    private static final class Tally {
        private final String id;
        private final String organisation;
        private final String awardedBy;
        private long received;
        private long actedOn;
        private long notActedOn;
        private long pending;
        private final Durations toDecision = new Durations();

        Tally(String id, @org.jspecify.annotations.Nullable TrustedFlagger entry) {
            this.id = id;
            this.organisation = entry == null ? "" : entry.organisation();
            this.awardedBy = entry == null ? "" : entry.awardedBy();
        }

        void add(FlaggerNoticeReceived notice, List<Settled> caseDecisions) {
            received++;
            Optional<Settled> first = caseDecisions.stream()
                    .filter(d -> !d.decidedAt().isBefore(notice.receivedAt()))
                    .findFirst();
            if (first.isEmpty()) {
                pending++;
                return;
            }
            if (first.get().removed()) {
                actedOn++;
            } else {
                notActedOn++;
            }
            toDecision.add(notice.receivedAt(), first.get().decidedAt());
        }

        FlaggerFigures figures() {
            return new FlaggerFigures(
                    id, organisation, awardedBy, received, actedOn, notActedOn, pending, toDecision.summary());
        }
    }
}
