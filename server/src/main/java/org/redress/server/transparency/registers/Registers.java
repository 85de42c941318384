package org.redress.server.transparency.registers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.Period;
import org.redress.server.transparency.ReportFormats;
import org.redress.server.transparency.Transparency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The registers' facade: records a new version of a register (checked, numbered one past the
 * newest, audited in the same transaction) and reads the current version and the history. A
 * version is never changed: the table refuses it, and nothing here tries.
 */
@Service
public class Registers {

    private final RegisterRecords records;
    private final Transparency transparency;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate writes;

    Registers(
            RegisterRecords records,
            Transparency transparency,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.transparency = transparency;
        this.events = events;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
    }

    /**
     * Records the content as the register's next version. A risk assessment keeps the figures of
     * its evidence period, computed now and before the write, so a long period does not hold the
     * write lock.
     *
     * @throws org.redress.server.web.InvalidFieldsException naming every wrong field
     */
    public RegisterVersion record(Actor actor, RegisterContent content) {
        RegisterContent checked = content.checked();
        @Nullable JsonNode figures = checked instanceof RiskAssessment assessment ? figures(assessment) : null;
        RegisterKind kind = checked.kind();
        return Objects.requireNonNull(writes.execute(status -> {
            records.serialize();
            var version = new RegisterVersion(
                    kind.slug(),
                    records.latestNumber(kind) + 1,
                    actor.id(),
                    SqlDialect.truncate(clock.instant()),
                    checked,
                    figures);
            records.insert(version);
            events.publishEvent(new RegisterRecorded(actor, kind, version.version()));
            return version;
        }));
    }

    private JsonNode figures(RiskAssessment assessment) {
        var period = new Period(
                LocalDate.parse(Objects.requireNonNull(assessment.evidenceFrom())),
                LocalDate.parse(Objects.requireNonNull(assessment.evidenceTo())));
        return RegisterRecords.JSON.readTree(ReportFormats.json(transparency.report(period)));
    }

    /** The register's newest version, if any was recorded. */
    @Transactional(readOnly = true)
    public Optional<RegisterVersion> current(RegisterKind kind) {
        return records.latest(kind);
    }

    /** Every version of the register, newest first. */
    @Transactional(readOnly = true)
    public List<RegisterVersion> history(RegisterKind kind) {
        return records.history(kind);
    }

    /** @throws RegisterVersionNotFoundException when the register has no such version */
    @Transactional(readOnly = true)
    public RegisterVersion version(RegisterKind kind, int version) {
        return records.version(kind, version).orElseThrow(RegisterVersionNotFoundException::new);
    }
}
