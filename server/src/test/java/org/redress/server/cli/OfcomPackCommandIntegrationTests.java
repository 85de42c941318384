package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.ModuleContext;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.RegisteredFlagger;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.shared.Actor;
import org.redress.server.storage.StorageLocation;
import org.redress.server.transparency.policies.Policies;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.registers.AccountableIndividual;
import org.redress.server.transparency.registers.Registers;
import org.redress.server.transparency.registers.RiskAssessment;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code redress report ofcom} on a seeded database, on both databases: the dated folder holds the
 * figures, the removal requests, the registers with their history, the policies in force and the
 * audit check, and its manifest lists every other file with the SHA-256 the file has.
 */
class OfcomPackCommandIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-11-10T10:00:00Z");
    private static final Actor COMPLIANCE = new Actor.Staff("compliance-lead");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {
                "org.redress.server.storage",
                "org.redress.server.audit",
                "org.redress.server.identity",
                "org.redress.server.intake",
                "org.redress.server.matching",
                "org.redress.server.media",
                "org.redress.server.enforcement",
                "org.redress.server.review",
                "org.redress.server.transparency"
            },
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Tests|Context).*")
            })
    static class Beans {}

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

    /**
     * Three reports and a trusted flagger's notice, two versions of the risk assessment, the
     * accountable individual and a published notice.
     */
    private static void seed(TestDatabase db) {
        try (var context = ModuleContext.open(
                Beans.class,
                db,
                new MutableClock(NOW),
                null,
                "--redress.webhook.interval=PT1H",
                "--redress.webhook.dispatch-after-commit=false",
                "--redress.review.sweep-interval=PT1H",
                "--redress.intake.mail-interval=PT1H",
                // The data key (which keys the audit chain) of the data directory the command uses
                // when given --db alone, so that the command can check the chain the seeding wrote.
                "--redress.data=" + StorageLocation.DEFAULT_DATA_DIRECTORY)) {
            var intake = context.getBean(Intake.class);
            for (String locator : List.of("pack-1", "pack-2", "pack-3")) {
                intake.report(
                        new Actor.Public(),
                        Channel.PUBLIC,
                        new NewReport(
                                ReporterRole.SUBJECT,
                                new Declarations(true, true, true),
                                "Alex Example",
                                List.of(ContentLocator.of(locator)),
                                Optional.empty(),
                                false,
                                Optional.empty()),
                        Optional.empty());
            }
            var helpline = RegisteredFlagger.register(
                    context.getBean(Identity.class),
                    context.getBean(TrustedFlaggers.class),
                    "Helpline",
                    LocalDate.parse("2026-01-01"),
                    null);
            intake.report(
                    helpline.actor(),
                    Channel.FLAGGER,
                    new NewReport(
                            ReporterRole.ON_BEHALF,
                            new Declarations(true, true, true),
                            "Helpline Staff",
                            List.of(ContentLocator.of("pack-flagged")),
                            Optional.empty(),
                            false,
                            Optional.empty()),
                    Optional.empty());
            var registers = context.getBean(Registers.class);
            for (String level : List.of("MEDIUM", "HIGH")) {
                registers.record(
                        COMPLIANCE,
                        new RiskAssessment(
                                level,
                                List.of("file sharing", "anonymous accounts"),
                                "2026-11-01",
                                "2026-11-30",
                                null,
                                "2026-11-10",
                                "2027-11-09",
                                "Jo Board",
                                "Chair",
                                true));
            }
            registers.record(
                    COMPLIANCE,
                    new AccountableIndividual("Sam Lead", "Head of Trust", "The board", "2026-01-01", null));
            context.getBean(Policies.class)
                    .publish(COMPLIANCE, PolicyKind.TAKE_IT_DOWN, "Removal requests", "## How\n\nUse the form.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void writesADatedFolderWhoseManifestHashesEveryFileItHolds(TestDatabase.Vendor vendor, @TempDir Path out)
            throws Exception {
        try (var db = TestDatabase.create(vendor)) {
            seed(db);

            var pack = run(
                    "report",
                    "ofcom",
                    "--from",
                    "2026-11-01",
                    "--to",
                    "2026-11-30",
                    "--out",
                    out.toString(),
                    "--db",
                    db.jdbcUrl());

            assertThat(pack.status()).as(pack.err()).isZero();
            Path folder = Path.of(pack.out().strip());
            assertThat(folder.getFileName().toString()).startsWith("ofcom-2026-11-01-to-2026-11-30-made-");
            JsonNode manifest = JSON.readTree(Files.readString(folder.resolve("manifest.json")));
            var listed = new TreeSet<String>();
            for (JsonNode file : manifest.get("files")) {
                Path path = folder.resolve(file.get("path").asString());
                listed.add(file.get("path").asString());
                assertThat(sha256(path))
                        .as(path.toString())
                        .isEqualTo(file.get("sha256").asString());
                assertThat(Files.size(path)).isEqualTo(file.get("bytes").asLong());
            }
            assertThat(listed).isEqualTo(everyFileBut(folder, "manifest.json"));
            assertThat(listed)
                    .contains(
                            "figures/transparency.json",
                            "figures/transparency.csv",
                            "figures/removal-requests.csv",
                            "registers/risk-assessment.json",
                            "registers/measures.json",
                            "registers/accountable-individual.json",
                            "registers/trusted-flaggers.json",
                            "policies/take-it-down.json",
                            "policies/intimate-images.json",
                            "audit-verification.json");

            JsonNode figures = JSON.readTree(Files.readString(folder.resolve("figures/transparency.json")));
            assertThat(figures.get("reportsReceived").asLong())
                    .isEqualTo(count(db, "intake_report"))
                    .isEqualTo(4);
            JsonNode flagger = figures.get("trustedFlaggers").get(0);
            assertThat(flagger.get("organisation").asString()).isEqualTo("Helpline");
            assertThat(flagger.get("noticesReceived").asLong())
                    .isEqualTo(count(db, "intake_report_flagger WHERE standing = 'CURRENT'"))
                    .isEqualTo(1);
            assertThat(flagger.get("pending").asLong()).isEqualTo(1);
            assertThat(Files.readString(folder.resolve("figures/transparency.csv")))
                    .contains("trustedFlagger," + flagger.get("flaggerId").asString() + ",noticesReceived,1");
            JsonNode flaggers = JSON.readTree(Files.readString(folder.resolve("registers/trusted-flaggers.json")));
            assertThat(flaggers.get("entries")).hasSize(1);
            assertThat(flaggers.get("entries")
                            .get(0)
                            .get("history")
                            .get(0)
                            .get("awardedBy")
                            .asString())
                    .startsWith("Coimisiún na Meán");
            List<String> requests = Files.readAllLines(folder.resolve("figures/removal-requests.csv"));
            assertThat(requests.getFirst()).startsWith("case_ref,source,received_at,deadline,");
            assertThat(requests).hasSize(1 + (int) count(db, "review_case WHERE origin = 'REPORT'"));
            JsonNode risk = JSON.readTree(Files.readString(folder.resolve("registers/risk-assessment.json")));
            assertThat(risk.get("current").get("version").asInt()).isEqualTo(2);
            assertThat(risk.get("current").get("content").get("level").asString())
                    .isEqualTo("HIGH");
            assertThat(risk.get("history")).hasSize(2);
            assertThat(risk.get("current").get("figures").get("reportsReceived").asLong())
                    .isEqualTo(4);
            JsonNode notice = JSON.readTree(Files.readString(folder.resolve("policies/take-it-down.json")));
            assertThat(notice.get("inForce").get("version").asInt()).isEqualTo(1);
            JsonNode measures = JSON.readTree(Files.readString(folder.resolve("registers/measures.json")));
            assertThat(measures.get("current").isNull()).isTrue();
            JsonNode audit = JSON.readTree(Files.readString(folder.resolve("audit-verification.json")));
            assertThat(audit.get("intact").asBoolean()).isTrue();
            assertThat(audit.get("entries").asLong()).isEqualTo(count(db, "audit_entry"));

            var again = run(
                    "report",
                    "ofcom",
                    "--from",
                    "2026-11-01",
                    "--to",
                    "2026-11-30",
                    "--out",
                    out.toString(),
                    "--db",
                    db.jdbcUrl());
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).contains("never overwritten");
        }
    }

    private static long count(TestDatabase db, String from) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static TreeSet<String> everyFileBut(Path folder, String manifest) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            var names = new TreeSet<String>();
            files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(manifest))
                    .forEach(names::add);
            return names;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
