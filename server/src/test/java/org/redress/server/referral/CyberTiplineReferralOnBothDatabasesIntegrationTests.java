package org.redress.server.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReporterRole;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.Outcome;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A referred case goes to a local fake of the CyberTipline Reporting API, on each database: the
 * report it receives validates against the schema, and across a restart between the answer to
 * {@code /submit} and a successful {@code /finish} it is submitted exactly once and finished.
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
        var report = new NewReport(
                ReporterRole.BYSTANDER,
                new Declarations(true, true, true),
                "A Bystander",
                List.of(ContentLocator.of(CONTENT_URL)),
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

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void submitsTheReportExactlyOnceAcrossARestartBetweenSubmitAndFinish(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeCyberTipline()) {
            fake.failFinishing(true);
            CaseRef ref;
            String reportId;
            try (var first = start(database, endpoint(fake))) {
                ref = referredCase(first);
                first.getBean(Referrals.class).sendDue();

                Referral submitted = only(first.getBean(Referrals.class).forCase(ref));
                assertThat(submitted.state()).isEqualTo(ReferralState.SUBMITTED);
                assertThat(submitted.reportId()).as("the returned id is kept").isPresent();
                reportId = submitted.reportId().get();
                assertThat(fake.submitted()).hasSize(1);
                assertThat(fake.finishAttempts()).containsExactly(reportId);
                assertThat(fake.finished()).isEmpty();
            }
            fake.failFinishing(false);
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

                assertThat(fake.submitted()).as("submitted exactly once").hasSize(1);
                assertThat(fake.finished()).containsExactly(reportId);
                assertThat(sent.reportId()).contains(reportId);
                assertThat(sent.steps())
                        .extracting(Referral.Step::step)
                        .containsExactly("QUEUED", "BUILT", "SUBMITTED", "FAILED", "FINISHED");
                assertThat(referrals.sendDue()).as("nothing is left to send").isZero();
            }
            String received = fake.submitted().getFirst();
            CyberTiplineSchema.check(received);
            assertThat(received).contains("<url>" + CONTENT_URL + "</url>").contains(ref.value());
        }
    }

    static Referral only(List<Referral> referrals) {
        assertThat(referrals).hasSize(1);
        return referrals.getFirst();
    }
}
