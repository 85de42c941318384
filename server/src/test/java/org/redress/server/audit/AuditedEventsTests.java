package org.redress.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.server.enforcement.DeliveryAcknowledged;
import org.redress.server.enforcement.DeliveryGivenUp;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.DeliveryType;
import org.redress.server.evidence.CustodyStep;
import org.redress.server.evidence.EvidenceChanged;
import org.redress.server.evidence.RetentionKind;
import org.redress.server.identity.ApiKeyId;
import org.redress.server.identity.ApiKeyIssued;
import org.redress.server.identity.ApiKeyRevoked;
import org.redress.server.identity.PasswordChanged;
import org.redress.server.identity.PasswordReset;
import org.redress.server.identity.Role;
import org.redress.server.identity.UserAccessChanged;
import org.redress.server.identity.UserCreated;
import org.redress.server.identity.UserId;
import org.redress.server.intake.CaseChanged;
import org.redress.server.intake.FlaggerRecorded;
import org.redress.server.matching.BankChanged;
import org.redress.server.matching.BankName;
import org.redress.server.matching.ContentChecked;
import org.redress.server.matching.EntriesImported;
import org.redress.server.matching.EntryChanged;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Verdict;
import org.redress.server.media.MediaChanged;
import org.redress.server.referral.ReferralChanged;
import org.redress.server.review.ComplaintChanged;
import org.redress.server.review.ReviewChanged;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.policies.PolicyPublished;
import org.redress.server.transparency.registers.RegisterKind;
import org.redress.server.transparency.registers.RegisterRecorded;

/**
 * Every audited event is recorded under the action, object type and object id that earlier
 * releases wrote: the strings are part of stored entries and their hashes, so a changed string
 * would split one object's history in two. The expected strings below are written out by hand.
 */
class AuditedEventsTests {

    private static final Path SOURCES = Path.of("src/main/java/org/redress/server");
    /** A top-level record declaration (not a Javadoc example) that implements AuditedChange. */
    private static final Pattern AUDITED_RECORD =
            Pattern.compile("(?m)^(public )?record \\w+\\([^{]*\\bimplements\\s[^{]*\\bAuditedChange\\b");

    private static final Actor STAFF = new Actor.Staff("alice");
    private static final UUID USER = UUID.fromString("0b5f4a52-9a4e-4c1e-9d52-3c2f0f1b7a10");
    private static final UUID KEY = UUID.fromString("6f1d2c3b-4a59-4e86-b7a0-d1c2e3f40516");
    private static final String DELIVERY = "d3b07384-d9a0-4c1b-8e3f-a1b2c3d4e5f6";
    private static final CaseRef CASE = new CaseRef("RDR-7K2Q-9XPM");
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private record Expected(AuditedChange change, String action, String objectType, String objectId) {}

    private static List<Expected> everyEvent() {
        var id = new DeliveryId(DELIVERY);
        return List.of(
                new Expected(
                        new UserCreated(STAFF, new UserId(USER), Role.SENIOR_MODERATOR),
                        "user.created:senior_moderator",
                        "identity_user",
                        USER.toString()),
                new Expected(
                        new PasswordChanged(STAFF, new UserId(USER)),
                        "user.password-changed",
                        "identity_user",
                        USER.toString()),
                new Expected(
                        new PasswordReset(STAFF, new UserId(USER)),
                        "user.password-reset",
                        "identity_user",
                        USER.toString()),
                new Expected(
                        new UserAccessChanged(STAFF, new UserId(USER), true),
                        "user.enabled",
                        "identity_user",
                        USER.toString()),
                new Expected(
                        new UserAccessChanged(STAFF, new UserId(USER), false),
                        "user.disabled",
                        "identity_user",
                        USER.toString()),
                new Expected(
                        new ApiKeyIssued(STAFF, new ApiKeyId(KEY), Role.PLATFORM),
                        "api-key.issued:platform",
                        "identity_api_key",
                        KEY.toString()),
                new Expected(
                        new ApiKeyRevoked(STAFF, new ApiKeyId(KEY)),
                        "api-key.revoked",
                        "identity_api_key",
                        KEY.toString()),
                new Expected(
                        deliveryQueued(STAFF, "delivery.queued", id),
                        "delivery.queued",
                        "enforcement_delivery",
                        DELIVERY),
                new Expected(
                        deliveryQueued(STAFF, "delivery.retried", id),
                        "delivery.retried",
                        "enforcement_delivery",
                        DELIVERY),
                new Expected(
                        new DeliveryGivenUp(id, DeliveryType.CONTENT_REMOVE, Optional.of(CASE), AT),
                        "delivery.given-up",
                        "enforcement_delivery",
                        DELIVERY),
                new Expected(
                        new DeliveryAcknowledged(
                                id,
                                DeliveryType.CONTENT_REMOVE,
                                Optional.of(CASE),
                                Optional.of(new ContentId("c-1")),
                                Optional.empty(),
                                AT),
                        "delivery.acknowledged",
                        "enforcement_delivery",
                        DELIVERY),
                new Expected(
                        new ContentChecked(STAFF, "post/42", Verdict.BLOCK, 2),
                        "content.checked:block",
                        "matching_content",
                        "post/42"),
                new Expected(
                        new EntryChanged(STAFF, 17, "added", Provenance.Source.SUBMISSION),
                        "bank-entry.added:submission",
                        "matching_entry",
                        "17"),
                new Expected(
                        new EntriesImported(STAFF, "bank-1", "batch-9", 1000),
                        "bank-entries.imported",
                        "matching_bank",
                        "bank-1/batch-9"),
                new Expected(new BankChanged(STAFF, "bank-1", "updated"), "bank.updated", "matching_bank", "bank-1"),
                new Expected(
                        new MatchFound(
                                STAFF,
                                new ContentId("post/42"),
                                new BankName("ncii"),
                                17,
                                12,
                                Verdict.REVIEW,
                                Optional.of(CASE),
                                false,
                                AT,
                                Optional.empty()),
                        "match.found:review",
                        "matching_entry",
                        "17/post/42"),
                new Expected(
                        new MatchFound(
                                STAFF,
                                new ContentId("post/42"),
                                new BankName("ncii"),
                                17,
                                0,
                                Verdict.BLOCK,
                                Optional.empty(),
                                true,
                                AT,
                                Optional.empty()),
                        "match.found:block:retroactive",
                        "matching_entry",
                        "17/post/42"),
                new Expected(
                        new MatchFound(
                                STAFF,
                                new ContentId("post/42"),
                                new BankName("ncii"),
                                17,
                                3,
                                Verdict.BLOCK,
                                Optional.of(CASE),
                                true,
                                AT,
                                Optional.empty(),
                                Optional.of(new CaseRef("RP-ENTRY-17")),
                                false,
                                Optional.of("ROTATE_90")),
                        "match.found:block:retroactive:provisional:unpublished",
                        "matching_entry",
                        "17/post/42"),
                new Expected(
                        new EntryHeld(
                                STAFF,
                                new BankName("victims"),
                                17,
                                Optional.of(CASE),
                                new CaseRef("RP-ENTRY-17"),
                                500,
                                AT),
                        "bank-entry.flood-held",
                        "matching_entry",
                        "17"),
                new Expected(
                        new ReviewChanged(STAFF, "case.decided:remove", CASE),
                        "case.decided:remove",
                        "review_case",
                        CASE.value()),
                new Expected(
                        new ComplaintChanged(STAFF, "complaint.answered:NOT_UPHELD", "c-42"),
                        "complaint.answered:NOT_UPHELD",
                        "review_complaint",
                        "c-42"),
                new Expected(new MediaChanged(STAFF, "post/42", "held"), "media.held", "media_content", "post/42"),
                new Expected(
                        new CaseChanged(new Actor.Public(), "report.received", CASE),
                        "report.received",
                        "intake_case",
                        CASE.value()),
                new Expected(new ChainKeyed(41), "audit.chain-keyed", "audit_chain", "41"),
                new Expected(
                        EvidenceChanged.exported(STAFF, "ab".repeat(32)),
                        "evidence.exported",
                        "evidence_export",
                        "sha256:" + "ab".repeat(32)),
                new Expected(
                        EvidenceChanged.held(STAFF, CASE.value()),
                        "evidence.case-held",
                        "evidence_case_hold",
                        CASE.value()),
                new Expected(
                        EvidenceChanged.contentHeld(STAFF, "post/42"),
                        "evidence.content-held",
                        "evidence_content_hold",
                        "post/42"),
                new Expected(
                        EvidenceChanged.requestStep(STAFF, "LE-2026-ABCDEFGH", CustodyStep.Kind.APPROVED),
                        "evidence.request-approved",
                        "evidence_request",
                        "LE-2026-ABCDEFGH"),
                new Expected(
                        EvidenceChanged.deleted(STAFF, RetentionKind.EVIDENCE_EXPORT, "ab".repeat(32)),
                        "evidence.retention-deleted",
                        "evidence_deletion",
                        "evidence-export:" + "ab".repeat(32)),
                new Expected(
                        new RegisterRecorded(STAFF, RegisterKind.RISK_ASSESSMENT, 3),
                        "transparency.register-recorded",
                        "transparency_register",
                        "risk-assessment:3"),
                new Expected(
                        new FlaggerRecorded(STAFF, "0b5f4a52-9a4e-4c1e-9d52-3c2f0f1b7a10", 2),
                        "intake.flagger-recorded",
                        "intake_flagger",
                        "0b5f4a52-9a4e-4c1e-9d52-3c2f0f1b7a10:2"),
                new Expected(
                        new PolicyPublished(STAFF, PolicyKind.TAKE_IT_DOWN, 2),
                        "transparency.policy-published",
                        "transparency_policy",
                        "take-it-down:2"),
                new Expected(
                        new ReferralChanged(STAFF, "referral.report-exported", DELIVERY),
                        "referral.report-exported",
                        "referral_referral",
                        DELIVERY),
                new Expected(
                        new ReferralChanged(STAFF, "referral.withdrawn", DELIVERY),
                        "referral.withdrawn",
                        "referral_referral",
                        DELIVERY),
                new Expected(
                        new ReferralChanged(STAFF, "referral.retracted", DELIVERY),
                        "referral.retracted",
                        "referral_referral",
                        DELIVERY));
    }

    /** DeliveryQueued is enforcement's own event (the dispatcher's cue), so it is built reflectively. */
    private static AuditedChange deliveryQueued(Actor actor, String action, DeliveryId id) {
        try {
            Class<?> type = Class.forName("org.redress.server.enforcement.DeliveryQueued");
            Constructor<?> constructor = type.getDeclaredConstructor(Actor.class, String.class, DeliveryId.class);
            constructor.setAccessible(true);
            return (AuditedChange) constructor.newInstance(actor, action, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("DeliveryQueued(Actor, String, DeliveryId) is expected", e);
        }
    }

    @Test
    void recordsEveryEventUnderTheActionTypeAndIdEarlierReleasesWrote() {
        var trail = new AuditTrail(
                new ListedEntries(),
                Clock.fixed(AT, ZoneOffset.UTC),
                new org.redress.server.storage.DerivedKeys(new byte[32]));
        for (Expected expected : everyEvent()) {
            AuditEntry entry = trail.record(expected.change());
            assertThat(List.of(entry.action(), entry.objectType(), entry.objectId()))
                    .as(expected.change().getClass().getSimpleName())
                    .containsExactly(expected.action(), expected.objectType(), expected.objectId());
        }
    }

    @Test
    void coversEveryAuditedEventInTheService() throws IOException {
        Set<String> implementing;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            implementing = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> AUDITED_RECORD.matcher(read(p)).find())
                    .map(p -> p.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> covered = everyEvent().stream()
                .map(e -> e.change().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(implementing).hasSize(25);
        assertThat(covered).isEqualTo(implementing);
    }

    @Test
    void namesEachObjectTypeAfterTheModuleThatPublishesIt() {
        for (Expected expected : everyEvent()) {
            String packageName = expected.change().getClass().getPackageName();
            String module =
                    packageName.substring("org.redress.server.".length()).split("\\.")[0];
            assertThat(expected.change().subject().type()).startsWith(module + "_");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The chain in a list: enough for {@link AuditTrail#record} outside a database. */
    private static final class ListedEntries implements AuditEntries {

        private final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void lockForAppend() {}

        @Override
        public Optional<AuditEntry> last() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        }

        @Override
        public void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> after(long afterSeq, int limit) {
            return entries.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
        }

        @Override
        public List<AuditEntry> about(java.util.Collection<String> objectIds) {
            return entries.stream()
                    .filter(e -> objectIds.contains(e.objectId()))
                    .toList();
        }
    }
}
