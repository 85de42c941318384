package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON check may carry an exact digest alone, as a platform checks a video or any file that has
 * no PDQ hash: the verdict comes from exact matches, the content is registered like any other, and
 * a check with no hash at all is a {@code 400} naming what is missing. On each database, since the
 * registry then keeps a row without a PDQ hash.
 */
class DigestOnlyChecksOnBothDatabasesIntegrationTests {

    private static final String MD5 = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String SHA256 = "ab".repeat(32);

    private final ObjectMapper json = new ObjectMapper();

    private static RunningService.Answer send(RunningService service, String path, String key, String body)
            throws Exception {
        return service.send("POST", path, key, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static RunningService.Answer check(RunningService service, String hashes) throws Exception {
        return send(
                service,
                "/api/v1/checks",
                service.platform,
                "{\"contentId\":\"video-" + UUID.randomUUID() + "\",\"uploaderId\":\"u-1\"," + hashes + "}");
    }

    private JsonNode verdictOf(RunningService.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void blocksTheExactCopyOfABankedDigestWithNoPdqHash(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "digest-admin")) {
            assertThat(send(service, "/api/v1/banks", service.admin, "{\"name\":\"videos\",\"action\":\"BLOCK\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(send(service, "/api/v1/banks/videos/hashes", service.admin, "{\"md5\":\"" + MD5 + "\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(send(service, "/api/v1/banks/videos/hashes", service.admin, "{\"sha256\":\"" + SHA256 + "\"}")
                            .status())
                    .isEqualTo(201);

            JsonNode byMd5 = verdictOf(check(service, "\"md5\":\"" + MD5.toUpperCase(Locale.ROOT) + "\""));
            assertThat(byMd5.get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(byMd5.get("matches").get(0).get("bank").asString()).isEqualTo("videos");
            assertThat(byMd5.get("matches").get(0).get("distance").asInt()).isZero();

            JsonNode bySha = verdictOf(check(service, "\"sha256\":\"" + SHA256 + "\""));
            assertThat(bySha.get("verdict").asString()).isEqualTo("BLOCK");

            JsonNode other = verdictOf(check(service, "\"md5\":\"" + "1".repeat(32) + "\""));
            assertThat(other.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(other.get("matches")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesACheckWithNoHashOrWithVariantsButNoPdqHash(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "digest-admin")) {
            RunningService.Answer none = check(service, "\"quality\":90");
            assertThat(none.status()).as(none.body()).isEqualTo(400);
            assertThat(json.readTree(none.body())
                            .get("errors")
                            .get(0)
                            .get("pointer")
                            .asString())
                    .isEqualTo("#/pdq");

            RunningService.Answer variantsAlone =
                    check(service, "\"md5\":\"" + MD5 + "\",\"dihedral\":[\"" + "0".repeat(64) + "\"]");
            assertThat(variantsAlone.status()).as(variantsAlone.body()).isEqualTo(400);
            assertThat(json.readTree(variantsAlone.body())
                            .get("errors")
                            .get(0)
                            .get("pointer")
                            .asString())
                    .isEqualTo("#/dihedral");
        }
    }
}
