package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.TestDatabase;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The HMA-compatible routes driven the way an OpenMediaMatch 1.x client drives them (create a bank,
 * add a signal, look it up, raw lookup, disable the entry, look up again), over real HTTP on each
 * database. Each answer is compared with the shape OpenMediaMatch documents for that route (its API
 * tests and docstrings): the same members, the same types, distances as text.
 */
class HmaRoutesOnBothDatabasesIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final String BANK = "HMA_CLIENT_BANK";

    private final ObjectMapper json = new ObjectMapper();

    private record Answer(int status, String body) {}

    /** The running service, with what an HMA client sends it. */
    private static final class Service implements AutoCloseable {
        private final RunningService running;
        final ConfigurableApplicationContext context;
        final String admin;
        final String platform;

        Service(TestDatabase database) {
            this.running = new RunningService(database, "hma-curator");
            this.context = running.context;
            this.admin = running.admin;
            this.platform = running.platform;
        }

        Answer send(String method, String path, String key, String contentType, byte[] body) throws Exception {
            var answer = running.send(method, path, key, contentType, body);
            return new Answer(answer.status(), answer.body());
        }

        Answer curate(String method, String path, String body) throws Exception {
            return send(method, path, admin, body.isEmpty() ? "" : "application/json", bytes(body));
        }

        Answer match(String method, String path, String body) throws Exception {
            return send(method, path, platform, body.isEmpty() ? "" : "application/json", bytes(body));
        }

        /** A form with one file, as HMA clients upload photos. */
        Answer upload(String path, String key, String field, byte[] file) throws Exception {
            String boundary = "hma-test-boundary";
            var form = new ByteArrayOutputStream();
            form.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
                    + "\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n"));
            form.writeBytes(file);
            form.writeBytes(bytes("\r\n--" + boundary + "--\r\n"));
            return send("POST", path, key, "multipart/form-data; boundary=" + boundary, form.toByteArray());
        }

        @Override
        public void close() {
            running.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void anHmaClientCreatesABankAddsASignalLooksItUpDisablesItAndNoLongerMatches(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            // Bank names as HMA validates them; errors carry HMA's "message" beside the problem members.
            Answer digitFirst = service.curate("POST", "/hma/c/banks", "{\"name\":\"01_TEST_BANK\"}");
            assertThat(digitFirst.status()).isEqualTo(400);
            assertThat(tree(digitFirst.body()).get("message").asString()).contains("must not start with a digit");
            assertThat(service.curate("POST", "/hma/c/banks", "{\"name\":\"my_test_bank\"}")
                            .status())
                    .isEqualTo(400);
            Answer created = service.curate("POST", "/hma/c/banks", "{\"name\":\"" + BANK + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(tree(created.body()))
                    .isEqualTo(tree("{\"name\":\"" + BANK + "\",\"matching_enabled_ratio\":1.0}"));
            assertThat(ok(service.curate("GET", "/hma/c/banks", ""))).contains(tree(created.body()));
            assertThat(ok(service.curate("GET", "/hma/c/bank/" + BANK, ""))).isEqualTo(tree(created.body()));

            PdqHash banked = UploadHashing.hash(TestImages.png(TestImages.picture(5)))
                    .hashes()
                    .pdq()
                    .orElseThrow();
            JsonNode added = ok(
                    service.curate("POST", "/hma/c/bank/" + BANK + "/signal", "{\"pdq\":\"" + banked.toHex() + "\"}"));
            long id = added.get("id").asLong();
            assertThat(added).isEqualTo(tree("{\"id\":" + id + ",\"signals\":{\"pdq\":\"" + banked.toHex() + "\"}}"));

            JsonNode status = ok(service.match("GET", "/hma/m/index/status?signal_type=pdq", ""));
            assertThat(status.propertyNames()).containsExactly("pdq");
            assertThat(status.get("pdq").propertyNames()).containsExactlyInAnyOrder("built_to", "present", "size");
            assertThat(status.get("pdq").get("present").asBoolean()).isTrue();
            assertThat(status.get("pdq").get("size").asLong()).isEqualTo(1);
            assertThat(status.get("pdq").get("built_to").asLong()).isPositive();

            String lookup = "/hma/m/lookup?signal_type=pdq&signal=" + banked.toHex();
            assertThat(ok(service.match("GET", lookup, "")))
                    .isEqualTo(tree("{\"" + BANK + "\":[{\"bank_content_id\":" + id + ",\"distance\":\"0\"}]}"));
            assertThat(ok(service.match("GET", "/hma/m/lookup?signal_type=pdq&signal=" + "5".repeat(64), "")))
                    .isEqualTo(tree("{}"));
            assertThat(ok(service.match("GET", lookup + "&banks=OTHER_BANK", "")))
                    .isEqualTo(tree("{}"));
            String raw = "/hma/m/raw_lookup?signal_type=pdq&signal=" + banked.toHex();
            assertThat(ok(service.match("GET", raw, ""))).isEqualTo(tree("{\"matches\":[" + id + "]}"));
            assertThat(ok(service.match("GET", raw + "&include_distance=true", "")))
                    .isEqualTo(tree("{\"matches\":[{\"bank_content_id\":" + id + ",\"distance\":\"0\"}]}"));
            assertThat(ok(service.curate(
                            "GET", "/hma/c/bank/" + BANK + "/content/" + id + "?include_signals=true", "")))
                    .isEqualTo(tree("{\"id\":" + id + ",\"disable_until_ts\":1,\"original_media_uri\":null,"
                            + "\"bank\":{\"name\":\"" + BANK + "\",\"matching_enabled_ratio\":1.0},"
                            + "\"signals\":{\"pdq\":\"" + banked.toHex() + "\"}}"));

            JsonNode disabled =
                    ok(service.curate("PUT", "/hma/c/bank/" + BANK + "/content/" + id, "{\"disable_until_ts\":0}"));
            assertThat(disabled.get("disable_until_ts").asLong()).isZero();
            await().atMost(Duration.ofSeconds(2))
                    .untilAsserted(() ->
                            assertThat(ok(service.match("GET", lookup, ""))).isEqualTo(tree("{}")));
            assertThat(ok(service.match("GET", raw, "")))
                    .as("disabled entries never match, raw or not")
                    .isEqualTo(tree("{\"matches\":[]}"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void exchangesBanksAsHmaFiles(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            assertThat(service.curate("POST", "/hma/c/banks", "{\"name\":\"" + BANK + "\"}")
                            .status())
                    .isEqualTo(201);
            String typed = UploadHashing.hash(TestImages.png(TestImages.picture(21)))
                    .hashes()
                    .pdq()
                    .orElseThrow()
                    .toHex();
            String bare = UploadHashing.hash(TestImages.png(TestImages.picture(22)))
                    .hashes()
                    .pdq()
                    .orElseThrow()
                    .toHex();
            String md5 = "fedcba9876543210fedcba9876543210";
            String file = "pdq " + typed + "\n" + bare + "\nvideo_md5 " + md5 + "\nmd5 " + md5 + "\n";
            Answer imported = service.send(
                    "POST",
                    "/api/v1/banks/hma_client_bank/import?format=hma",
                    service.admin,
                    "text/plain",
                    bytes(file));
            JsonNode counts = ok(imported);
            assertThat(counts.get("imported").asInt()).isEqualTo(3);
            assertThat(counts.get("rejectedLines")).isEqualTo(tree("[4]"));

            Answer exported = service.send(
                    "GET", "/api/v1/banks/hma_client_bank/export?format=hma", service.admin, "", new byte[0]);
            assertThat(exported.status()).isEqualTo(200);
            assertThat(exported.body().lines())
                    .containsExactlyInAnyOrder("pdq " + typed, "pdq " + bare, "video_md5 " + md5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void hashesComparesAndLooksUpPhotosWithRolesAndRefusalsOfItsOwn(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            assertThat(service.curate("POST", "/hma/c/banks", "{\"name\":\"" + BANK + "\"}")
                            .status())
                    .isEqualTo(201);
            byte[] photo = TestImages.png(TestImages.picture(9));
            String hex = UploadHashing.hash(photo).hashes().pdq().orElseThrow().toHex();
            long id = hashesBanksAndLooksUpAPhoto(service, photo, hex);
            comparesAndMatchesDigests(service, hex);
            keepsRolesApart(service, hex);
            refusesWhatRedressDoesDifferently(service, id);
        }
    }

    private long hashesBanksAndLooksUpAPhoto(Service service, byte[] photo, String hex) throws Exception {
        Answer hashed = service.upload("/hma/h/hash", service.platform, "photo", photo);
        assertThat(ok(hashed)).isEqualTo(tree("{\"pdq\":\"" + hex + "\"}"));
        JsonNode added = ok(service.upload("/hma/c/bank/" + BANK + "/content", service.admin, "photo", photo));
        long id = added.get("id").asLong();
        assertThat(added).isEqualTo(tree("{\"id\":" + id + ",\"signals\":{\"pdq\":\"" + hex + "\"}}"));
        var nearCopy = TestImages.png(TestImages.nearDuplicate(TestImages.picture(9)));
        JsonNode byFile = ok(service.upload("/hma/m/lookup", service.platform, "photo", nearCopy));
        assertThat(byFile.propertyNames()).containsExactly("pdq");
        assertThat(byFile.get("pdq").get(BANK).get(0).get("bank_content_id").asLong())
                .isEqualTo(id);
        assertThat(byFile.get("pdq").get(BANK).get(0).get("distance").isString())
                .isTrue();
        return id;
    }

    private void comparesAndMatchesDigests(Service service, String hex) throws Exception {
        PdqHash other = PdqHash.fromHex(hex.substring(0, 60) + "0000");
        int distance = PdqHash.fromHex(hex).distanceTo(other);
        assertThat(ok(service.match("POST", "/hma/m/compare", "{\"pdq\":[\"" + hex + "\",\"" + other.toHex() + "\"]}")))
                .isEqualTo(tree("{\"pdq\":[true,{\"distance\":" + distance + "}]}"));
        assertThat(service.match("POST", "/hma/m/compare", "{\"pdq\":[\"" + hex + "\"]}")
                        .status())
                .isEqualTo(400);

        String md5 = "0123456789abcdef0123456789abcdef";
        long md5Id = ok(service.curate("POST", "/hma/c/bank/" + BANK + "/signal", "{\"video_md5\":\"" + md5 + "\"}"))
                .get("id")
                .asLong();
        assertThat(ok(service.match("GET", "/hma/m/lookup?signal_type=video_md5&signal=" + md5, "")))
                .isEqualTo(tree("{\"" + BANK + "\":[{\"bank_content_id\":" + md5Id + ",\"distance\":\"-\"}]}"));
    }

    private void keepsRolesApart(Service service, String hex) throws Exception {
        // Lookups change nothing: no content is registered for retroactive scans.
        assertThat(service.context.getBean(Matching.class).registered(new org.redress.server.shared.ContentId(hex)))
                .isEmpty();
        // Least privilege: platforms look up, administrators curate, nobody anonymously.
        assertThat(service.send("GET", "/hma/c/banks", service.platform, "", new byte[0])
                        .status())
                .isEqualTo(403);
        assertThat(service.send("GET", "/hma/m/lookup?signal_type=pdq&signal=" + hex, service.admin, "", new byte[0])
                        .status())
                .isEqualTo(403);
        assertThat(service.send("GET", "/hma/m/index/status", "", "", new byte[0])
                        .status())
                .isEqualTo(401);
    }

    private void refusesWhatRedressDoesDifferently(Service service, long id) throws Exception {
        // Where Redress differs from HMA on purpose, it says so.
        Answer byUrl = service.match("GET", "/hma/m/lookup?url=http://example.org/a.jpg", "");
        assertThat(byUrl.status()).isEqualTo(400);
        assertThat(tree(byUrl.body()).get("message").asString()).contains("does not fetch");
        Answer deleteBank = service.curate("DELETE", "/hma/c/bank/" + BANK, "");
        assertThat(deleteBank.status()).isEqualTo(409);
        assertThat(tree(deleteBank.body()).get("message").asString()).contains("\"enabled\": false");
        assertThat(ok(service.curate("DELETE", "/hma/c/bank/NO_SUCH_BANK", "")))
                .isEqualTo(tree("{\"message\":\"Done\"}"));
        assertThat(service.curate("PUT", "/hma/c/bank/" + BANK, "{\"enabled_ratio\":0.5}")
                        .status())
                .isEqualTo(400);
        assertThat(ok(service.curate("PUT", "/hma/c/bank/" + BANK, "{\"enabled\":false}")))
                .isEqualTo(tree("{\"name\":\"" + BANK + "\",\"matching_enabled_ratio\":0.0}"));
        assertThat(ok(service.curate("DELETE", "/hma/c/bank/" + BANK + "/content/" + id, "")))
                .isEqualTo(tree("{\"deleted\":1}"));
        assertThat(ok(service.curate("DELETE", "/hma/c/bank/" + BANK + "/content/" + id, "")))
                .isEqualTo(tree("{\"deleted\":0}"));
    }
}
