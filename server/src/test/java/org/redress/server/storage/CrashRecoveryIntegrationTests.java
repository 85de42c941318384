package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.Identity;

/**
 * Kills a writing process with SIGKILL and checks that every change it reported as committed is
 * still there, that the audit chain is intact, and that the database opens (and migrates) again.
 */
class CrashRecoveryIntegrationTests {

    private static final int COMMITS_BEFORE_KILL = 60;

    @Test
    void losesNoCommittedChangeWhenKilledDuringWrites() throws Exception {
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE)) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var process = new ProcessBuilder(
                            java,
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashWriter.class.getName(),
                            db.dataDirectory().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> committed = new ArrayList<>();
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (committed.size() < COMMITS_BEFORE_KILL && (line = lines.readLine()) != null) {
                    committed.add(line.strip());
                }
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(committed).hasSize(COMMITS_BEFORE_KILL);

            try (var context = StorageContext.open(db)) {
                var stored = context.getBean(Identity.class).apiKeys().stream()
                        .map(ApiKey::id)
                        .map(Object::toString)
                        .toList();
                assertThat(stored).containsAll(committed);
                var verification = context.getBean(AuditTrail.class).verify();
                assertThat(verification).isInstanceOf(ChainVerification.Intact.class);
                assertThat(verification.entries()).isEqualTo(stored.size());
            }
        }
    }
}
