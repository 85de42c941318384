package org.redress.server.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReporterRole;
import org.redress.server.media.Media;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.Outcome;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A referred case goes to a local fake of the CyberTipline Reporting API, on each database: the
 * report it receives validates against the schema; its images are uploaded as media kept them and
 * described, in the documented order; across a restart between an answered {@code /upload} and a
 * successful {@code /fileinfo} the report is submitted once, each file uploaded once, and it is
 * finished. A referral compliance withdraws after NCMEC opened the report is retracted, never finished.
 */
class CyberTiplineReferralOnBothDatabasesIntegrationTests {

    static final Moderator SENIOR = new Moderator("sam", true);
    static final String CONTENT_URL = "https://platform.example/p/under-18-1";

    static ConfigurableApplicationContext start(TestDatabase database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--redress.data=" + database.dataDirectory(),
                "--redress.db-url=" + database.jdbcUrl(),
                "--redress.public-url=http://localhost",
                "--redress.review.referral-agency=NCMEC",
                "--redress.referral.send-interval=PT1H",
                "--redress.referral.retry-after=PT0.2S",
                "--redress.referral.retry-at-most=PT0.2S"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(args.toArray(String[]::new));
    }

    static String[] endpoint(FakeCyberTipline fake) {
        return new String[] {
            "--redress.referral.ncmec.url=" + fake.url(),
            "--redress.referral.ncmec.username=" + FakeCyberTipline.USERNAME,
            "--redress.referral.ncmec.password=" + FakeCyberTipline.PASSWORD
        };
    }

    /** A report of content showing a child, referred by a senior moderator. */
    static CaseRef referredCase(ConfigurableApplicationContext context) {
        return referredCase(context, List.of(CONTENT_URL));
    }

    static CaseRef referredCase(ConfigurableApplicationContext context, List<String> contents) {
        var report = new NewReport(
                ReporterRole.BYSTANDER,
                new Declarations(true, true, true),
                "A Bystander",
                contents.stream().map(ContentLocator::of).toList(),
                Optional.empty(),
                true,
                Optional.of("This shows a child."),
                ReportReason.SHARED_WITHOUT_CONSENT);
        CaseRef ref = context.getBean(Intake.class)
                .report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty())
                .caseRef();
        Review review = context.getBean(Review.class);
        review.claim(SENIOR, ref);
        review.decide(
                SENIOR,
                ref,
                new DecisionRequest(
                        Outcome.REFER,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Child sexual abuse material."),
                        Optional.empty()));
        return ref;
    }

    /** Two images the platform sent for the two contents of the case, kept by media before the report. */
    static List<byte[]> keepImages(ConfigurableApplicationContext context, List<String> contents) throws Exception {
        var images = new ArrayList<byte[]>();
        for (int i = 0; i < contents.size(); i++) {
            byte[] image = png(40 + 17 * i);
            context.getBean(Media.class).keep(new ContentId(contents.get(i)), image, Instant.now());
            images.add(image);
        }
        return images;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void submitsTheReportAndUploadsEachFileExactlyOnceAcrossARestartBetweenUploadAndFileinfo(TestDatabase.Vendor vendor)
            throws Exception {
        List<String> contents = List.of(CONTENT_URL, "post-under-18-2");
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeCyberTipline()) {
            fake.failFileInfo(true);
            CaseRef ref;
            String reportId;
            List<byte[]> images;
            try (var first = start(database, endpoint(fake))) {
                images = keepImages(first, contents);
                ref = referredCase(first, contents);
                first.getBean(Referrals.class).sendDue();

                Referral submitted = only(first.getBean(Referrals.class).forCase(ref));
                assertThat(submitted.state()).isEqualTo(ReferralState.SUBMITTED);
                assertThat(submitted.reportId()).as("the returned id is kept").isPresent();
                reportId = submitted.reportId().get();
                assertThat(fake.submitted()).hasSize(1);
                assertThat(fake.uploads())
                        .as("the first file, then /fileinfo failed")
                        .hasSize(1);
                assertThat(fake.calls()).containsExactly("submit", "upload", "fileinfo:503");
                assertThat(fake.finished()).isEmpty();
            }
            fake.failFileInfo(false);
            try (var second = start(database, endpoint(fake))) {
                Referrals referrals = second.getBean(Referrals.class);
                Referral sent = Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(
                                () -> {
                                    referrals.sendDue();
                                    return only(referrals.forCase(ref));
                                },
                                r -> r.state() == ReferralState.SENT);

                assertThat(fake.refusals())
                        .as("NCMEC would have accepted every call")
                        .isEmpty();
                assertThat(fake.submitted()).as("submitted exactly once").hasSize(1);
                assertThat(fake.calls())
                        .as("the first file is described after the restart, not uploaded again")
                        .containsExactly(
                                "submit", "upload", "fileinfo:503", "fileinfo", "upload", "fileinfo", "finish");
                assertThat(fake.uploads())
                        .hasSize(2)
                        .allSatisfy(u -> assertThat(u.reportId()).isEqualTo(reportId));
                assertThat(fake.uploads().get(0).bytes())
                        .as("the original, decrypted")
                        .isEqualTo(images.get(0));
                assertThat(fake.uploads().get(1).bytes()).isEqualTo(images.get(1));
                assertThat(fake.uploads().get(0).fileName()).matches("redress-[0-9a-f]{16}\\.png");
                assertThat(fake.finished()).containsExactly(reportId);
                assertThat(sent.reportId()).contains(reportId);
                assertThat(sent.steps())
                        .extracting(Referral.Step::step)
                        .containsExactly(
                                "QUEUED",
                                "BUILT",
                                "SUBMITTED",
                                "FILE_UPLOADED",
                                "FAILED",
                                "FILE_DESCRIBED",
                                "FILE_UPLOADED",
                                "FILE_DESCRIBED",
                                "FINISHED");
                assertThat(referrals.sendDue()).as("nothing is left to send").isZero();
            }
            String received = fake.submitted().getFirst();
            CyberTiplineSchema.check(received);
            assertThat(received).contains("<url>" + CONTENT_URL + "</url>").contains(ref.value());
            String firstDetails = fake.fileDetails().getFirst();
            assertThat(firstDetails)
                    .contains("<reportId>" + reportId + "</reportId>")
                    .contains("<fileId>" + fake.uploads().get(0).fileId() + "</fileId>")
                    .contains("<locationOfFile>" + CONTENT_URL + "</locationOfFile>")
                    .contains("<originalFileHash hashType=\"MD5\">" + FakeCyberTipline.md5(images.get(0)))
                    .contains("<originalFileHash hashType=\"SHA256\">" + sha256(images.get(0)));
            assertThat(fake.fileDetails().get(1))
                    .as("a content id that is no URL is no location")
                    .doesNotContain("locationOfFile")
                    .contains("post-under-18-2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void retractsAReportNcmecOpenedWhenComplianceWithdrawsTheReferral(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeCyberTipline();
                var context = start(database, endpoint(fake))) {
            fake.failFinishing(true);
            CaseRef ref = referredCase(context);
            Referrals referrals = context.getBean(Referrals.class);
            referrals.sendDue();
            Referral submitted = only(referrals.forCase(ref));
            assertThat(submitted.state()).isEqualTo(ReferralState.SUBMITTED);
            fake.failFinishing(false);

            var http = new Http(context);
            String path = "/api/v1/referrals/" + submitted.id() + "/withdrawal";
            assertThat(http.post(path, Role.SENIOR_MODERATOR, "{\"reason\":\"wrong case\"}")
                            .statusCode())
                    .as("senior moderators see referrals but do not withdraw them")
                    .isEqualTo(403);
            var blank = http.post(path, Role.COMPLIANCE, "{\"reason\":\" \"}");
            assertThat(blank.statusCode()).isEqualTo(422);
            assertThat(blank.body()).contains("/problems/referral-withdrawal-invalid");
            var withdrawn = http.post(path, Role.COMPLIANCE, "{\"reason\":\"Referred the wrong case.\"}");
            assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
            assertThat(withdrawn.body()).contains("\"state\":\"WITHDRAWING\"");
            var again = http.post(path, Role.COMPLIANCE, "{\"reason\":\"Again.\"}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("/problems/referral-not-withdrawable");

            assertThat(referrals.sendDue()).isEqualTo(1);
            Referral done = only(referrals.forCase(ref));
            assertThat(done.state()).isEqualTo(ReferralState.WITHDRAWN);
            assertThat(fake.retracted()).containsExactly(submitted.reportId().orElseThrow());
            assertThat(fake.finished()).as("never finished").isEmpty();
            assertThat(fake.refusals()).isEmpty();
            assertThat(done.steps()).extracting(Referral.Step::step).endsWith("WITHDRAWN", "RETRACTED");
            assertThat(context.getBean(AuditTrail.class).about(Set.of(submitted.id())))
                    .extracting(AuditEntry::action)
                    .contains("referral.withdrawn", "referral.retracted");
            assertThat(referrals.sendDue()).as("nothing is left to send").isZero();
            var sent = http.post(path, Role.COMPLIANCE, "{\"reason\":\"Once more.\"}");
            assertThat(sent.statusCode()).isEqualTo(409);
        }
    }

    /** The service's API as staff with each role call it. */
    static final class Http {
        private final String base;
        private final java.util.Map<Role, String> keys = new java.util.EnumMap<>(Role.class);
        private final HttpClient client = HttpClient.newHttpClient();

        Http(ConfigurableApplicationContext context) {
            base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
            for (Role role : List.of(Role.COMPLIANCE, Role.SENIOR_MODERATOR)) {
                keys.put(
                        role,
                        context.getBean(Identity.class)
                                .createUser(
                                        new Actor.Operator("test"),
                                        Username.of(role.name()
                                                .toLowerCase(java.util.Locale.ROOT)
                                                .replace('_', '-')),
                                        role,
                                        true)
                                .apiKey()
                                .orElseThrow()
                                .secret());
            }
        }

        HttpResponse<String> post(String path, Role role, String json) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + keys.get(role))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static byte[] png(int seed) throws Exception {
        var image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(seed);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Referral only(List<Referral> referrals) {
        assertThat(referrals).hasSize(1);
        return referrals.getFirst();
    }
}
