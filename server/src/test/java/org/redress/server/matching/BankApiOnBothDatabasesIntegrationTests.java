package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.TestDatabase;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The bank API end to end on each database: the whole service on a {@link TestDatabase} (SQLite,
 * and PostgreSQL when {@code REDRESS_TEST_POSTGRES_URL} is set) on a random port, driven by a real
 * HTTP client with real API keys: create a bank, add a hash, import a list with a malformed line,
 * export it, disable an entry and check uploads against it.
 */
class BankApiOnBothDatabasesIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    private final ObjectMapper json = new ObjectMapper();

    private record Answer(int status, String body) {}

    /** The running service and a client holding an admin's and a platform's key. */
    private final class Service implements AutoCloseable {
        private final RunningService running;
        private final String platform;

        Service(TestDatabase database) {
            this.running = new RunningService(database, "bank-admin");
            this.platform = running.platform;
        }

        Answer send(String method, String path, String key, String contentType, String body) throws Exception {
            var answer = running.send(method, path, key, contentType, body.getBytes(StandardCharsets.UTF_8));
            return new Answer(answer.status(), answer.body());
        }

        Answer asAdmin(String method, String path, String contentType, String body) throws Exception {
            return send(method, path, running.admin, contentType, body);
        }

        JsonNode check(PdqHash pdq, String md5) throws Exception {
            String body = "{\"contentId\":\"c-" + UUID.randomUUID() + "\",\"uploaderId\":\"u-1\",\"pdq\":\""
                    + pdq.toHex() + "\"" + (md5.isEmpty() ? "" : ",\"md5\":\"" + md5 + "\"") + "}";
            Answer answer = send("POST", "/api/v1/checks", platform, "application/json", body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return json.readTree(answer.body());
        }

        @Override
        public void close() {
            running.close();
        }
    }

    private static PdqHash pdqOf(java.awt.image.BufferedImage image) {
        return UploadHashing.hash(TestImages.png(image)).hashes().pdq().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void createsAddsImportsExportsAndChecksAgainstABank(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            Answer created = service.asAdmin(
                    "POST",
                    "/api/v1/banks",
                    "application/json",
                    "{\"name\":\"partners\",\"action\":\"BLOCK\",\"maxDistance\":31}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(json.readTree(created.body()).get("enabled").asBoolean()).isTrue();
            assertThat(service.asAdmin(
                                    "POST",
                                    "/api/v1/banks",
                                    "application/json",
                                    "{\"name\":\"partners\",\"action\":\"LOG\"}")
                            .status())
                    .isEqualTo(409);

            var original = TestImages.picture(71);
            PdqHash added = pdqOf(original);
            Answer add = service.asAdmin(
                    "POST",
                    "/api/v1/banks/partners/hashes",
                    "application/json",
                    "{\"pdq\":\"" + added.toHex() + "\",\"note\":\"reported twice\"}");
            assertThat(add.status()).as(add.body()).isEqualTo(201);
            long addedId = json.readTree(add.body()).get("entryId").asLong();
            assertThat(service.asAdmin(
                                    "POST", "/api/v1/banks/partners/hashes", "application/json", "{\"pdq\":\"12ab\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(service.asAdmin(
                                    "POST",
                                    "/api/v1/banks/no-such-bank/hashes",
                                    "application/json",
                                    "{\"pdq\":\"" + added.toHex() + "\"}")
                            .status())
                    .isEqualTo(404);

            PdqHash imported = pdqOf(TestImages.picture(72));
            PdqHash disabled = pdqOf(TestImages.picture(73));
            String md5 = "00112233445566778899aabbccddeeff";
            Answer importAnswer = service.asAdmin(
                    "POST",
                    "/api/v1/banks/partners/import?format=csv",
                    "text/csv",
                    "pdq,md5,sha256\n" + imported.toHex() + ",,\nnot,a,hash\n," + md5 + ",\n" + disabled.toHex()
                            + ",,\n");
            assertThat(importAnswer.status()).as(importAnswer.body()).isEqualTo(200);
            JsonNode result = json.readTree(importAnswer.body());
            assertThat(result.get("imported").asInt()).isEqualTo(3);
            assertThat(result.get("rejected").asInt()).isEqualTo(1);
            assertThat(result.get("rejectedLines").get(0).asInt()).isEqualTo(3);

            JsonNode check = service.check(disabled, "");
            assertThat(check.get("verdict").asString()).isEqualTo("BLOCK");
            long disabledId = check.get("matches").get(0).get("entryId").asLong();
            Answer disable =
                    service.asAdmin("POST", "/api/v1/banks/partners/hashes/" + disabledId + "/disable", "", "");
            assertThat(disable.status()).as(disable.body()).isEqualTo(200);
            assertThat(json.readTree(disable.body()).get("enabled").asBoolean()).isFalse();

            Answer export = service.asAdmin("GET", "/api/v1/banks/partners/export?format=text", "", "");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body().lines().toList())
                    .containsExactlyInAnyOrder("pdq " + added.toHex(), "pdq " + imported.toHex(), "md5 " + md5);

            JsonNode nearDuplicate = service.check(pdqOf(TestImages.nearDuplicate(original)), "");
            assertThat(nearDuplicate.get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(nearDuplicate.get("matches").get(0).get("entryId").asLong())
                    .isEqualTo(addedId);
            assertThat(nearDuplicate.get("matches").get(0).get("distance").asInt())
                    .isBetween(0, 31);
            assertThat(service.check(imported, "").get("verdict").asString()).isEqualTo("BLOCK");
            PdqHash unrelated = pdqOf(TestImages.picture(74));
            assertThat(service.check(unrelated, md5).get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(service.check(disabled, "").get("verdict").asString()).isEqualTo("ALLOW");
            JsonNode allowed = service.check(unrelated, "");
            assertThat(allowed.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(allowed.get("matches")).isEmpty();

            Answer banks = service.asAdmin("GET", "/api/v1/banks", "", "");
            assertThat(List.of(json.readTree(banks.body()).get(0).get("name").asString()))
                    .containsExactly("partners");
        }
    }
}
