package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.BlockStatement;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.shared.Actor;
import org.redress.server.shared.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform that sets {@code redress.jurisdiction.default}: a check that declares no jurisdiction
 * is blocked on the default's law, in the block statement and in the block's DSA statement alike;
 * a check that declares one keeps its own.
 */
class DefaultJurisdictionIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final Actor PLATFORM = new Actor.ApiKey("platform");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void citesTheConfiguredDefaultWhereACheckDeclaresNoJurisdiction(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock, "--redress.jurisdiction.default=US")) {
            var matching = context.bean(Matching.class);
            BankName bank = new BankName("known-images");
            matching.createBank(new Actor.Operator("admin"), bank, BankAction.BLOCK, 31, 50);
            PdqHash banned = PdqHash.fromHex(
                    UUID.randomUUID().toString().replace("-", "").repeat(2));
            matching.addEntry(
                    new Actor.Operator("admin"),
                    bank,
                    EntryHashes.ofPdq(banned),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.MANUAL, "test"));

            BlockStatement undeclared = blocked(matching, "undeclared", banned, Optional.empty());
            BlockStatement scottish = blocked(matching, "scottish", banned, Optional.of("GB-SCT"));

            assertThat(undeclared.ground()).isEqualTo(Jurisdiction.UNITED_STATES);
            assertThat(legalGround(undeclared).get("provisions")).asString().contains("TAKE IT DOWN Act");
            assertThat(legalGround(undeclared)).containsEntry("jurisdictionCode", "US");
            assertThat(scottish.ground()).isEqualTo(Jurisdiction.SCOTLAND);
            assertThat(legalGround(scottish)).containsEntry("jurisdictionCode", "GB-SCT");

            Map<String, JsonNode> statements = blockStatementsByContent(context);
            assertThat(statements
                            .get("undeclared")
                            .path("incompatible_content_explanation")
                            .asString())
                    .contains("TAKE IT DOWN Act")
                    .doesNotContain("66B");
            assertThat(statements
                            .get("scottish")
                            .path("incompatible_content_explanation")
                            .asString())
                    .contains("(Scotland) Act 2016 s.2");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> legalGround(BlockStatement statement) {
        return (Map<String, Object>) statement.toMap().get("legalGround");
    }

    private static BlockStatement blocked(Matching matching, String contentId, PdqHash hash, Optional<String> where) {
        var upload = new Upload(contentId, "uploader-" + contentId, EntryHashes.ofPdq(hash), List.of());
        CheckResult result = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> matching.check(PLATFORM, upload, where), r -> r.verdict() == Verdict.BLOCK);
        return result.statement().orElseThrow();
    }

    /** Each block's DSA statement, matched to its upload by the test's own SQL over the puid. */
    private static Map<String, JsonNode> blockStatementsByContent(TransparencyContext context) throws Exception {
        var out = new StringWriter();
        var day = LocalDate.parse("2026-11-02");
        context.bean(DsaStatements.class).exportJsonLines(new Period(day, day), out);
        Map<String, String> contentOfPuid = context
                .bean(JdbcClient.class)
                .sql("SELECT id, content_id FROM enforcement_delivery WHERE type = 'upload.blocked'")
                .query((row, n) -> Map.entry("redress-" + row.getString("id"), row.getString("content_id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        return out.toString()
                .lines()
                .map(JSON::readTree)
                .filter(s -> contentOfPuid.containsKey(s.path("puid").asString()))
                .collect(Collectors.toMap(s -> contentOfPuid.get(s.path("puid").asString()), s -> s, (a, b) -> a));
    }
}
