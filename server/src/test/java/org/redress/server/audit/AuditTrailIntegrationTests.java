package org.redress.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.IllegalTransactionStateException;

class AuditTrailIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    private static void issueKeys(ConfigurableApplicationContext context, int count) {
        var identity = context.getBean(Identity.class);
        for (int i = 0; i < count; i++) {
            identity.issueApiKey(TESTER, "key " + i, Role.PLATFORM);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void recordsOneLinkedEntryPerChange(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 3);
            var trail = context.getBean(AuditTrail.class);
            assertThat(trail.verify()).isEqualTo(new ChainVerification.Intact(3));
            var entries = context.getBean(AuditEntries.class).after(0, 10);
            assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
            assertThat(entries.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).entryHash());
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.actorKind()).isEqualTo("OPERATOR");
                assertThat(entry.action()).isEqualTo("api-key.issued:platform");
                assertThat(entry.objectType()).isEqualTo("identity_api_key");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void failsAtAnEntryEditedInSql(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 4);
            db.dropAuditTriggers();
            db.update("UPDATE audit_entry SET actor_id = 'someone-else' WHERE seq = 3");
            assertThat(context.getBean(AuditTrail.class).verify())
                    .isEqualTo(new ChainVerification.Broken(2, 3, "does not match its hash"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void failsAtAnEntryDeletedInSql(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 4);
            db.dropAuditTriggers();
            db.update("DELETE FROM audit_entry WHERE seq = 2");
            var verification = context.getBean(AuditTrail.class).verify();
            assertThat(verification).isInstanceOf(ChainVerification.Broken.class);
            assertThat(((ChainVerification.Broken) verification).seq()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void failsWhereEntriesWereReorderedInSql(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            issueKeys(context, 4);
            db.dropAuditTriggers();
            db.update("UPDATE audit_entry SET seq = 100 WHERE seq = 2");
            db.update("UPDATE audit_entry SET seq = 2 WHERE seq = 3");
            db.update("UPDATE audit_entry SET seq = 3 WHERE seq = 100");
            var verification = context.getBean(AuditTrail.class).verify();
            assertThat(verification).isInstanceOf(ChainVerification.Broken.class);
            assertThat(((ChainVerification.Broken) verification).seq()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsTheChainIntactUnderConcurrentChanges(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                work.add(() -> identity.issueApiKey(TESTER, "concurrent " + n, Role.FLAGGER));
            }
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (Future<Object> done : pool.invokeAll(work)) {
                    done.get();
                }
            }
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(40));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesToRecordOutsideATransaction(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            AuditedChange change = new AuditedChange() {
                public Actor actor() {
                    return TESTER;
                }

                public String action() {
                    return "test";
                }

                public AuditSubject subject() {
                    return new AuditSubject("audit_test", "1");
                }
            };
            assertThatThrownBy(() -> context.getBean(AuditTrail.class).record(change))
                    .isInstanceOf(IllegalTransactionStateException.class);
        }
    }
}
