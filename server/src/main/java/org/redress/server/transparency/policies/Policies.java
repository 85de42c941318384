package org.redress.server.transparency.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.registers.FieldCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published policies' facade: the version in force (the newest published, or the text Redress
 * ships until there is one), the history, and publishing a new version, audited in the same
 * transaction. A published version is never changed.
 */
@Service
public class Policies {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 40_000;

    private final PolicyRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate writes;

    Policies(
            PolicyRecords records,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
    }

    /** The version in force now. */
    @Transactional(readOnly = true)
    public PolicyVersion inForce(PolicyKind kind) {
        int latest = records.latestNumber(kind);
        return latest == 0 ? shipped(kind) : records.version(kind, latest).orElseGet(() -> shipped(kind));
    }

    /** Every published version, newest first (the shipped text is not among them). */
    @Transactional(readOnly = true)
    public List<PolicyVersion> history(PolicyKind kind) {
        return records.history(kind);
    }

    /** @throws PolicyVersionNotFoundException when no such version was published */
    @Transactional(readOnly = true)
    public PolicyVersion version(PolicyKind kind, int version) {
        return records.version(kind, version).orElseThrow(PolicyVersionNotFoundException::new);
    }

    /**
     * Publishes the next version, in force from now.
     *
     * @throws org.redress.server.web.InvalidFieldsException when the title or the text is missing or too long
     */
    public PolicyVersion publish(Actor actor, PolicyKind kind, @Nullable String title, @Nullable String text) {
        var check = new FieldCheck();
        String checkedTitle = check.text("#/title", title, MAX_TITLE);
        String checkedText = check.text("#/text", text, MAX_TEXT);
        check.throwIfAny();
        return Objects.requireNonNull(writes.execute(status -> {
            records.serialize();
            var version = new PolicyVersion(
                    kind.slug(),
                    records.latestNumber(kind) + 1,
                    checkedTitle,
                    checkedText.replace("\r\n", "\n"),
                    actor.id(),
                    SqlDialect.truncate(clock.instant()));
            records.insert(version);
            events.publishEvent(new PolicyPublished(actor, kind, version.version()));
            return version;
        }));
    }

    /** The text Redress ships for the policy, shown until the platform publishes its own. */
    public static PolicyVersion shipped(PolicyKind kind) {
        String title = switch (kind) {
            case INTIMATE_IMAGES -> "Intimate images: our rules and how to report";
            case TAKE_IT_DOWN -> "How to ask us to remove an intimate image of you";
        };
        return new PolicyVersion(kind.slug(), 0, title, resource(kind.slug() + ".txt"), null, null);
    }

    private static String resource(String name) {
        try (InputStream in = Policies.class.getResourceAsStream("/transparency/policies/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped policy text " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
