package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DSA statements of a seeded month: one per restriction the platform was asked for (counted by
 * the test's own SQL), each valid against the repository's schema of the Database's fields, none
 * carrying a content id, an uploader id or a case reference.
 */
class DsaStatementsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void exportsOneValidStatementPerRestrictionOfThePeriod(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            var seeded = new SeededPeriod(context, clock);
            seeded.seed();
            var out = new StringWriter();

            context.bean(DsaStatements.class).exportJsonLines(SeededPeriod.NOVEMBER, out);

            List<String> lines = out.toString().lines().toList();
            var schema = SchemaChecker.ofResource("transparency/dsa-statement.schema.json");
            for (String line : lines) {
                assertThat(schema.problems(line)).as(line).isEmpty();
                // The puid is "redress-" and a random UUID, whose hex may end as an id does ("...c1"):
                // it is checked for its form, and the rest of the line for every id.
                assertThat(line).containsPattern("\"puid\":\"redress-[0-9a-f-]{36}\"");
                String rest = line.replaceAll("\"puid\":\"redress-[0-9a-f-]{36}\"", "");
                for (String personal :
                        List.of("c1", "c2", "c3", "uploader-", seeded.removedInTime.value(), "alice", "sam")) {
                    assertThat(rest).doesNotContain("\"" + personal).doesNotContain(personal + "\"");
                }
            }
            List<JsonNode> statements = lines.stream().map(JSON::readTree).toList();
            Map<String, Long> byKind = statements.stream()
                    .collect(Collectors.groupingBy(
                            DsaStatementsIntegrationTests::kind, TreeMap::new, Collectors.counting()));
            assertThat(byKind).isEqualTo(restrictionsBySql(context));
            assertThat(byKind)
                    .containsKeys(
                            "DECISION_VISIBILITY_CONTENT_REMOVED/NOT_AUTOMATED",
                            "DECISION_VISIBILITY_CONTENT_REMOVED/FULLY");
            assertThat(new HashSet<>(statements.stream()
                            .map(s -> s.path("puid").asString())
                            .toList()))
                    .hasSize(lines.size());
            assertThat(statements)
                    .filteredOn(s -> s.path("source_type").asString().equals("SOURCE_TRUSTED_FLAGGER"))
                    .isNotEmpty();
            assertThat(statements)
                    .filteredOn(s -> kind(s).equals("DECISION_VISIBILITY_CONTENT_REMOVED/FULLY"))
                    .allSatisfy(s -> {
                        assertThat(s.path("automated_detection").asString()).isEqualTo("Yes");
                        assertThat(s.path("source_type").asString()).isEqualTo("SOURCE_VOLUNTARY");
                    });
        }
    }

    /** The restriction and how it was decided, as the statement says it. */
    private static String kind(JsonNode statement) {
        String restriction = statement.has("decision_account")
                ? statement.path("decision_account").asString()
                : statement.path("decision_visibility").get(0).asString();
        return restriction + "/"
                + statement.path("automated_decision").asString().replace("AUTOMATED_DECISION_", "");
    }

    /** The same grouping from the webhook outbox, in the test's own SQL. */
    private static Map<String, Long> restrictionsBySql(TransparencyContext context) {
        var dialect = context.bean(SqlDialect.class);
        Map<String, Long> kinds = new TreeMap<>();
        context.bean(JdbcClient.class)
                .sql("""
                        SELECT CASE type
                                 WHEN 'content.remove' THEN 'DECISION_VISIBILITY_CONTENT_REMOVED/NOT_AUTOMATED'
                                 WHEN 'upload.blocked' THEN 'DECISION_VISIBILITY_CONTENT_REMOVED/FULLY'
                                 WHEN 'content.hide' THEN 'DECISION_VISIBILITY_CONTENT_DISABLED/FULLY'
                                 ELSE 'DECISION_ACCOUNT_SUSPENDED/PARTIALLY' END AS k,
                               COUNT(*) AS n
                          FROM enforcement_delivery
                         WHERE type IN ('content.remove', 'content.hide', 'upload.blocked', 'account.suspend')
                           AND created_at >= :from AND created_at < :until
                         GROUP BY 1
                        """)
                .param("from", dialect.bind(SeededPeriod.NOVEMBER.start()))
                .param("until", dialect.bind(SeededPeriod.NOVEMBER.end()))
                .query(row -> {
                    kinds.put(row.getString("k"), row.getLong("n"));
                });
        return kinds;
    }
}
