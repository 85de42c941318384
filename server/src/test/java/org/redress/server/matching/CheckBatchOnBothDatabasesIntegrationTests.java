package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/checks/batch} over real HTTP on each database: every check is answered in its
 * place, as the single route answers it (its verdict, or the same problem document), and every valid
 * one is registered with its verdict; a request that is no batch is refused as a whole.
 */
class CheckBatchOnBothDatabasesIntegrationTests {

    private static final String BANKED = "f".repeat(32) + "0".repeat(32);
    /** Two bits from {@link #BANKED}: within any bank's distance. */
    private static final String NEAR = "f".repeat(31) + "c" + "0".repeat(32);

    private final ObjectMapper json = new ObjectMapper();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String randomPdq() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private RunningService.Answer batch(RunningService service, String key, String checks) throws Exception {
        return service.send(
                "POST", "/api/v1/checks/batch", key, "application/json", bytes("{\"checks\":" + checks + "}"));
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersEveryCheckInItsPlaceAsTheSingleRouteDoesAndRegistersEachValidOne(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "batch-admin")) {
            String bank = "batch-" + unique();
            assertThat(service.send(
                                    "POST",
                                    "/api/v1/banks",
                                    service.admin,
                                    "application/json",
                                    bytes("{\"name\":\"" + bank + "\",\"action\":\"BLOCK\"}"))
                            .status())
                    .isEqualTo(201);
            var added = service.send(
                    "POST",
                    "/api/v1/banks/" + bank + "/hashes",
                    service.admin,
                    "application/json",
                    bytes("{\"pdq\":\"" + BANKED + "\"}"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            long entryId = tree(added.body()).get("entryId").asLong();

            String run = unique();
            List<String> bad = List.of(
                    "{\"uploaderId\":\"u\",\"pdq\":\"" + randomPdq() + "\"}",
                    "{\"contentId\":\"c\",\"uploaderId\":\"u\",\"pdq\":\"" + "a".repeat(63) + "\"}",
                    "{\"contentId\":\"c\",\"uploaderId\":\"u\",\"pdq\":\"" + randomPdq() + "\",\"dihedral\":[\""
                            + randomPdq() + "\",\"xyz\"]}",
                    "{\"contentId\":\"c\",\"uploaderId\":\"u\",\"pdq\":42,\"quality\":\"high\"}",
                    "[\"not\",\"a\",\"check\"]",
                    "{\"contentId\":\"c\",\"uploaderId\":\"u\"}");
            List<String> checks = new ArrayList<>(List.of(
                    "{\"contentId\":\"near-" + run + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + NEAR + "\"}",
                    bad.get(0),
                    "{\"contentId\":\"clean-" + run + "\",\"uploaderId\":\"u-2\",\"pdq\":\"" + randomPdq() + "\"}",
                    bad.get(1),
                    bad.get(2),
                    "{\"contentId\":\"exact-" + run + "\",\"uploaderId\":\"u-3\",\"pdq\":\"" + BANKED
                            + "\",\"jurisdiction\":\"GB\"}",
                    bad.get(3),
                    bad.get(4),
                    "{\"contentId\":\"digest-" + run + "\",\"uploaderId\":\"u-4\",\"md5\":\"" + "d".repeat(32) + "\"}",
                    bad.get(5)));
            var answer = batch(service, service.platform, "[" + String.join(",", checks) + "]");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode results = tree(answer.body()).get("results");
            assertThat(results.size()).isEqualTo(checks.size());

            assertThat(results.get(0).get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(results.get(0).get("matches").get(0).get("entryId").asLong())
                    .isEqualTo(entryId);
            assertThat(results.get(0).get("matches").get(0).get("distance").asInt())
                    .isEqualTo(2);
            assertThat(results.get(0).has("statementOfReasons")).isTrue();
            assertThat(results.get(2).get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(results.get(2).get("matches").size()).isZero();
            assertThat(results.get(5).get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(results.get(5).get("matches").get(0).get("distance").asInt())
                    .isZero();

            // Each bad check carries the very problem its single check is answered with.
            int[] badPlaces = {1, 3, 4, 6, 7, 9};
            for (int i = 0; i < bad.size(); i++) {
                JsonNode item = results.get(badPlaces[i]);
                assertThat(item.propertyNames()).containsExactly("problem");
                var single =
                        service.send("POST", "/api/v1/checks", service.platform, "application/json", bytes(bad.get(i)));
                assertThat(single.status()).as(single.body()).isEqualTo(400);
                assertThat(item.get("problem").get("status").asInt()).isEqualTo(400);
                assertThat(withoutInstance(item.get("problem")))
                        .as("check %d", badPlaces[i])
                        .isEqualTo(withoutInstance(tree(single.body())));
            }

            Map<String, String> registered = JdbcClient.create(service.context.getBean(DataSource.class))
                    .sql("SELECT content_id, verdict FROM matching_content WHERE content_id LIKE :run")
                    .param("run", "%-" + run)
                    .query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(registered)
                    .isEqualTo(Map.of(
                            "near-" + run,
                            "BLOCK",
                            "clean-" + run,
                            "ALLOW",
                            "exact-" + run,
                            "BLOCK",
                            "digest-" + run,
                            "ALLOW"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesAsAWholeABatchWithNoChecksTooManyOrTooLargeABodyAndOnlyTakesPlatformKeys(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "batch-refuser")) {
            String one = "{\"contentId\":\"c\",\"uploaderId\":\"u\",\"pdq\":\"" + randomPdq() + "\"}";
            for (String checks :
                    List.of("[]", "null", "[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]")) {
                var refused = batch(service, service.platform, checks);
                assertThat(refused.status()).as(checks.length() + " characters").isEqualTo(400);
                assertThat(tree(refused.body())
                                .get("errors")
                                .get(0)
                                .get("pointer")
                                .asString())
                        .isEqualTo("#/checks");
            }
            assertThat(service.send("POST", "/api/v1/checks/batch", service.platform, "application/json", bytes("{}"))
                            .status())
                    .isEqualTo(400);

            // A thousand checks with every member used fit the route's limit; a body past it does not.
            ObjectNode full = (ObjectNode) tree(one);
            full.put("contentId", "x".repeat(200)).put("uploaderId", "y".repeat(200));
            full.put("md5", "a".repeat(32))
                    .put("sha256", "b".repeat(64))
                    .put("quality", 90)
                    .put("jurisdiction", "GB");
            var dihedral = full.putArray("dihedral");
            for (int i = 0; i < 8; i++) {
                dihedral.add(randomPdq());
            }
            String thousand = "[" + String.join(",", java.util.Collections.nCopies(1000, full.toString())) + "]";
            var accepted = batch(service, service.platform, thousand);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(tree(accepted.body()).get("results").size()).isEqualTo(1000);
            ObjectNode padded = full.deepCopy().put("note", "z".repeat(1200));
            var tooLarge = batch(
                    service,
                    service.platform,
                    "[" + String.join(",", java.util.Collections.nCopies(1000, padded.toString())) + "]");
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tree(tooLarge.body()).get("type").asString()).isEqualTo("/problems/payload-too-large");

            assertThat(batch(service, "", "[" + one + "]").status()).isEqualTo(401);
            assertThat(batch(service, service.admin, "[" + one + "]").status()).isEqualTo(403);
        }
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        var copy = (ObjectNode) problem.deepCopy();
        copy.remove("instance");
        return copy;
    }
}
