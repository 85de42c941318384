package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;

/** The {@code admin} and {@code audit} commands of {@code interface.md}, on both databases. */
class AdminAndAuditCommandIntegrationTests {

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = RedressCommandLine.standard()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(TestDatabase db, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db.jdbcUrl());
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void createsAccountsAndKeysThenVerifiesAndBreaksTheAuditChain(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var user = run(with(db, "admin", "create-user", "--username", "Mod", "--role", "MODERATOR", "--api-key"));
            assertThat(user.status()).as(user.err()).isZero();
            assertThat(user.out())
                    .contains("username: mod", "role: MODERATOR")
                    .containsPattern("one-time password: \\S{20}\n")
                    .containsPattern("(?m)^api-key: rdk_\\S{43}$");

            var key = run(with(db, "admin", "create-api-key", "--name", "Acme uploads", "--role", "platform"));
            assertThat(key.status()).as(key.err()).isZero();
            assertThat(key.out()).containsPattern("(?m)^api-key: rdk_\\S{43}$").contains("role: PLATFORM");

            var verified = run(with(db, "audit", "verify"));
            assertThat(verified.status()).isZero();
            assertThat(verified.out()).isEqualTo("entries=3 ok\n");
            assertThat(verified.err()).containsPattern("last entry 3 has hash k1:[0-9a-f]{64}");

            db.dropAuditTriggers();
            db.update("UPDATE audit_entry SET action = 'api-key.revoked' WHERE seq = 2");
            var broken = run(with(db, "audit", "verify"));
            assertThat(broken.status()).isEqualTo(1);
            assertThat(broken.out()).contains("entry 2");
            assertThat(broken.err()).contains("entry 2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void reportsATakenUsernameAsBadInput(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            assertThat(run(with(db, "admin", "create-user", "--username", "ann", "--role", "auditor"))
                            .status())
                    .isZero();
            var again = run(with(db, "admin", "create-user", "--username", "ANN", "--role", "admin"));
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).contains("exists already");
            assertThat(again.out()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Vendor.class, names = "SQLITE")
    void rejectsMalformedCommandsWithUsageStatus(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            assertThat(run(with(db, "admin", "create-api-key", "--name", "x", "--role", "admin"))
                            .status())
                    .isEqualTo(2);
            assertThat(run(with(db, "admin", "create-user", "--username", "x1", "--role", "platform"))
                            .status())
                    .isEqualTo(2);
            assertThat(run(with(db, "admin", "create-user", "--username", "x1", "--role", "boss"))
                            .status())
                    .isEqualTo(2);
            assertThat(run(with(db, "admin", "create-user", "--role", "admin")).status())
                    .isEqualTo(2);
            assertThat(run("audit", "verify", "--data", "a", "--db", "jdbc:sqlite:b")
                            .status())
                    .isEqualTo(2);
            assertThat(run("audit", "check").status()).isEqualTo(2);
            assertThat(run("serve", "--port", "eighty").status()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Vendor.class, names = "SQLITE")
    void opensTheDataDirectoryGivenWithData(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            String data = db.dataDirectory().toString();
            assertThat(run("admin", "create-api-key", "--name", "n", "--role", "FLAGGER", "--data", data)
                            .status())
                    .isZero();
            assertThat(run("audit", "verify", "--data", data).out()).isEqualTo("entries=1 ok\n");
            assertThat(db.dataDirectory().resolve("redress.db")).exists();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void anchorsTheChainAndDetectsATruncatedLogAgainstTheAnchor(TestDatabase.Vendor vendor, @TempDir Path temp)
            throws Exception {
        try (var db = TestDatabase.create(vendor)) {
            for (int i = 0; i < 3; i++) {
                assertThat(run(with(db, "admin", "create-api-key", "--name", "k" + i, "--role", "platform"))
                                .status())
                        .isZero();
            }
            var anchored = run(with(db, "audit", "anchor"));
            assertThat(anchored.status()).as(anchored.err()).isZero();
            assertThat(anchored.out()).startsWith("redress-audit-anchor-v1 seq=3 hash=k1:");
            Path anchor = Files.writeString(temp.resolve("anchor.txt"), anchored.out());

            assertThat(run(with(db, "audit", "verify", "--anchor", anchor.toString()))
                            .out())
                    .isEqualTo("entries=3 ok\n");
            db.dropAuditTriggers();
            db.update("DELETE FROM audit_entry WHERE seq = 3");

            var truncated = run(with(db, "audit", "verify", "--anchor", anchor.toString()));
            assertThat(truncated.status()).isEqualTo(1);
            assertThat(truncated.out()).contains("truncated");
            assertThat(run(with(
                                    db,
                                    "audit",
                                    "verify",
                                    "--anchor",
                                    temp.resolve("missing").toString()))
                            .status())
                    .isEqualTo(2);
        }
    }
}
