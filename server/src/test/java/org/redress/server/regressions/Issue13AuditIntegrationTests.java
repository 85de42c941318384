package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditAnchor;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Security review, defect 7: the audit log can no longer be rewritten or emptied unnoticed. The
 * database refuses updates and deletes; a chain recomputed without the key fails; an anchor kept
 * elsewhere detects truncation, emptying and rewriting. On both databases; the command line
 * ({@code audit anchor}, {@code audit verify --anchor}) in {@code AdminAndAuditCommandIntegrationTests}.
 */
class Issue13AuditIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    private static void issueKeys(ConfigurableApplicationContext context, int count) {
        var identity = context.getBean(Identity.class);
        for (int i = 0; i < count; i++) {
            identity.issueApiKey(TESTER, "key " + i, Role.PLATFORM);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesUpdatesAndDeletesOfAuditRowsInTheDatabase(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 2);

            assertThatThrownBy(() -> db.update("UPDATE audit_entry SET actor_id = 'x' WHERE seq = 1"))
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.update("DELETE FROM audit_entry"))
                    .rootCause()
                    .hasMessageContaining("append-only");
            if (vendor == TestDatabase.Vendor.POSTGRESQL) {
                assertThatThrownBy(() -> db.update("TRUNCATE audit_entry"))
                        .rootCause()
                        .hasMessageContaining("append-only");
            }
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void detectsAChainRecomputedWithoutTheKey(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 3);
            var trail = context.getBean(AuditTrail.class);
            List<AuditEntry> entries = trail.entries(0, 10);
            db.dropAuditTriggers();

            // The attacker changes an actor and recomputes every hash the way an unkeyed chain would.
            String prev = "0".repeat(64);
            for (AuditEntry e : entries) {
                String actor = e.seq() == 2 ? "someone-else" : e.actorId();
                String hash = unkeyedHash(
                        e.seq(), e.occurredAt(), e.actorKind(), actor, e.action(), e.objectType(), e.objectId(), prev);
                db.update("UPDATE audit_entry SET actor_id = '" + actor + "', prev_hash = '" + prev
                        + "', entry_hash = '" + hash + "' WHERE seq = " + e.seq());
                prev = hash;
            }

            assertThat(trail.verify()).isInstanceOf(ChainVerification.Broken.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void detectsTruncationAndEmptyingAgainstAnAnchor(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 5);
            var trail = context.getBean(AuditTrail.class);
            AuditAnchor anchor = AuditAnchor.parse(trail.anchor().line());
            assertThat(trail.verify(anchor)).isEqualTo(new ChainVerification.Intact(5));
            issueKeys(context, 1);
            assertThat(trail.verify(anchor)).isEqualTo(new ChainVerification.Intact(6));
            db.dropAuditTriggers();

            db.update("DELETE FROM audit_entry WHERE seq >= 4");
            assertThat(trail.verify()).isEqualTo(new ChainVerification.Intact(3));
            assertThat(trail.verify(anchor))
                    .isInstanceOfSatisfying(
                            ChainVerification.Broken.class,
                            broken -> assertThat(broken.reason()).contains("truncated"));

            db.update("DELETE FROM audit_entry");
            assertThat(trail.verify()).isEqualTo(new ChainVerification.Intact(0));
            assertThat(trail.verify(anchor)).isInstanceOf(ChainVerification.Broken.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesAnAnchorThatThisInstallationDidNotMake(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 1);
            var trail = context.getBean(AuditTrail.class);
            AuditAnchor real = trail.anchor();
            var forged = new AuditAnchor(real.seq(), real.entryHash(), real.takenAt(), "0".repeat(64));

            assertThatThrownBy(() -> trail.verify(forged)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** What an attacker without the key can compute: the earlier release's unkeyed entry hash. */
    private static String unkeyedHash(
            long seq, Instant at, String kind, String actor, String action, String type, String id, String prev)
            throws Exception {
        var text = new StringBuilder();
        for (String field :
                new String[] {"redress-audit-v1", Long.toString(seq), at.toString(), kind, actor, action, type, id, prev
                }) {
            text.append(field.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(field)
                    .append('\n');
        }
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
