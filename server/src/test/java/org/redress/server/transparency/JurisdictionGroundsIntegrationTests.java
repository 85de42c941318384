package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReporterRole;
import org.redress.server.review.Decision;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports declaring where the content's user is: the uploader's statement of reasons and the DSA
 * statement cite that jurisdiction's law; a report declaring none keeps the UK and US pair; an EU
 * state whose provision the platform configured gets an illegal-content ground in the Database.
 */
class JurisdictionGroundsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final String GERMAN_GROUND = "StGB s.201a (violation of intimate privacy by taking photographs)";

    @Test
    void citesTheLawOfTheDeclaredJurisdictionInEveryStatement() throws Exception {
        var clock = new MutableClock(START);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var context = new TransparencyContext(
                        db, clock, "--redress.transparency.dsa.legal-grounds.DE=" + GERMAN_GROUND)) {
            CaseRef scotland = reportAndRemove(context, "in-scotland", Optional.of("GB-SCT"));
            CaseRef northernIreland = reportAndRemove(context, "in-belfast", Optional.of("gb-nir"));
            CaseRef undeclared = reportAndRemove(context, "anywhere", Optional.empty());
            CaseRef germany = reportAndRemove(context, "in-berlin", Optional.of("DE"));

            assertThat(removalGround(context, scotland))
                    .contains("Abusive Behaviour and Sexual Harm (Scotland) Act 2016 s.2")
                    .doesNotContain("66B");
            assertThat(removalGround(context, northernIreland)).contains("Justice Act (Northern Ireland) 2016 s.51");
            assertThat(removalGround(context, undeclared))
                    .contains("Sexual Offences Act 2003 s.66B (England and Wales)")
                    .contains("TAKE IT DOWN Act");

            Map<String, JsonNode> statements = statementsByCase(context);
            assertThat(statements.get(scotland.value()).path("decision_ground").asString())
                    .isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
            assertThat(statements
                            .get(scotland.value())
                            .path("incompatible_content_explanation")
                            .asString())
                    .contains("(Scotland) Act 2016 s.2");
            assertThat(statements
                            .get(scotland.value())
                            .path("incompatible_content_illegal")
                            .asString())
                    .isEqualTo("Yes");
            assertThat(statements.get(germany.value()).path("decision_ground").asString())
                    .isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
            assertThat(statements
                            .get(germany.value())
                            .path("illegal_content_legal_ground")
                            .asString())
                    .isEqualTo(GERMAN_GROUND);
        }
    }

    private static CaseRef reportAndRemove(TransparencyContext context, String locator, Optional<String> where) {
        var report = new NewReport(
                ReporterRole.SUBJECT,
                new Declarations(true, true, true),
                "Alex Example",
                List.of(ContentLocator.of(locator)),
                Optional.empty(),
                false,
                Optional.empty(),
                ReportReason.SHARED_WITHOUT_CONSENT,
                where);
        CaseRef ref = context.bean(Intake.class)
                .report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty())
                .caseRef();
        var review = context.bean(Review.class);
        review.claim(ALICE, ref);
        review.decide(
                ALICE,
                ref,
                DecisionRequest.of(
                        new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())));
        return ref;
    }

    /** The provisions of the statement of reasons the removal webhook carries to the uploader. */
    private static String removalGround(TransparencyContext context, CaseRef ref) {
        String body = context.bean(JdbcClient.class)
                .sql("SELECT body FROM enforcement_delivery WHERE type = 'content.remove' AND case_ref = :ref")
                .param("ref", ref.value())
                .query(String.class)
                .single();
        return JSON.readTree(body)
                .path("statementOfReasons")
                .path("legalGround")
                .path("provisions")
                .asString();
    }

    /** Each case's DSA removal statement, matched to its case by the test's own SQL over the puid. */
    private static Map<String, JsonNode> statementsByCase(TransparencyContext context) throws Exception {
        var out = new StringWriter();
        var day = LocalDate.parse("2026-11-02");
        context.bean(DsaStatements.class).exportJsonLines(new Period(day, day), out);
        Map<String, String> caseOfPuid = context
                .bean(JdbcClient.class)
                .sql("SELECT id, case_ref FROM enforcement_delivery WHERE type = 'content.remove'")
                .query((row, n) -> Map.entry("redress-" + row.getString("id"), row.getString("case_ref")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return out.toString()
                .lines()
                .map(JSON::readTree)
                .filter(s -> caseOfPuid.containsKey(s.path("puid").asString()))
                .collect(Collectors.toMap(s -> caseOfPuid.get(s.path("puid").asString()), s -> s));
    }
}
