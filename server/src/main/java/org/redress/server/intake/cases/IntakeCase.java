package org.redress.server.intake.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.intake.CaseRefs;
import org.redress.server.intake.CaseState;
import org.redress.server.intake.Channel;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.Route;
import org.redress.server.shared.CaseRef;

/**
 * A case as intake keeps it: what the reports about one content add up to. The earliest removal
 * deadline and the most urgent channel win; one report about a child routes the whole case to
 * child protection.
 *
 * @param caseRef the reference
 * @param kind {@code REPORT} or {@code HASHES}
 * @param state open or withdrawn
 * @param route where the case goes
 * @param priority the most urgent channel among its reports
 * @param receivedAt when its first report arrived
 * @param removalDeadline the earliest deadline among its reports (reports only)
 * @param version for optimistic locking
 */
public record IntakeCase(
        CaseRef caseRef,
        String kind,
        CaseState state,
        Route route,
        Channel priority,
        Instant receivedAt,
        Optional<Instant> removalDeadline,
        long version) {

    public IntakeCase {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(removalDeadline, "removalDeadline");
    }

    public static IntakeCase openedBy(NewReport report, Channel channel, Instant at) {
        return new IntakeCase(
                CaseRefs.next(CaseRefs.REPORTS),
                "REPORT",
                CaseState.OPEN,
                report.subjectWasUnder18() ? Route.CHILD_PROTECTION : Route.INTIMATE_IMAGE,
                channel,
                at,
                Optional.of(channel.removalDeadline(at)),
                0);
    }

    public static IntakeCase protecting(Instant at, boolean subjectWasUnder18) {
        return new IntakeCase(
                CaseRefs.next(CaseRefs.REPORTS),
                "HASHES",
                CaseState.OPEN,
                subjectWasUnder18 ? Route.CHILD_PROTECTION : Route.PROTECTION,
                Channel.PUBLIC,
                at,
                Optional.empty(),
                0);
    }

    /** The case after another report about the same content joined it. */
    public IntakeCase joinedBy(NewReport report, Channel channel, Instant at) {
        Instant deadline = channel.removalDeadline(at);
        Instant earliest = removalDeadline.filter(d -> d.isBefore(deadline)).orElse(deadline);
        Route joined = report.subjectWasUnder18() ? Route.CHILD_PROTECTION : route;
        return new IntakeCase(
                caseRef, kind, state, joined, priority.max(channel), receivedAt, Optional.of(earliest), version);
    }

    public IntakeCase withdrawn() {
        return new IntakeCase(
                caseRef, kind, CaseState.WITHDRAWN, route, priority, receivedAt, removalDeadline, version);
    }
}
