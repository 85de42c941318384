package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewState;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a database for the evidence tests, over real HTTP: a platform endpoint that
 * acknowledges every webhook, images kept for one second only (so a sweep can be shown at once),
 * and an API key for every role.
 */
public final class EvidenceService implements AutoCloseable {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Answer(int status, byte[] body, HttpResponse<byte[]> response) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpServer platform;
    private final ConfigurableApplicationContext context;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<Role, String> keys = new LinkedHashMap<>();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    public EvidenceService(TestDatabase database) throws Exception {
        this(database, database.dataDirectory());
    }

    /**
     * On the database, with the data key and media in {@code data}: the directory a command given
     * {@code --db} alone reads ({@code data} under the working directory) when it is to read them.
     */
    public EvidenceService(TestDatabase database, java.nio.file.Path data) throws Exception {
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        platform.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        platform.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        platform.start();
        context = new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(
                        "--server.port=0",
                        "--redress.data=" + data,
                        "--redress.db-url=" + database.jdbcUrl(),
                        "--redress.public-url=http://evidence.example",
                        "--redress.media.retention=PT1S",
                        "--redress.webhook.url=http://127.0.0.1:"
                                + platform.getAddress().getPort() + "/hook",
                        "--redress.webhook.secret=the platform's shared secret, 32 bytes or more");
        base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        var identity = context.getBean(Identity.class);
        keys.put(
                Role.PLATFORM,
                identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret());
        keys.put(
                Role.FLAGGER,
                identity.issueApiKey(TESTER, "flagger", Role.FLAGGER).secret());
        for (Role role : Role.staffRoles()) {
            String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-user";
            keys.put(
                    role,
                    identity.createUser(TESTER, Username.of(name), role, true)
                            .apiKey()
                            .orElseThrow()
                            .secret());
        }
        context.getBean(MatchIndex.class).refresh();
    }

    /** The running service's context. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Answer send(String method, String path, Role role, String json) throws Exception {
        return sendWithKey(method, path, role == null ? null : keys.get(role), json);
    }

    /** Sends as the holder of this API key, or as nobody when it is null. */
    public Answer sendWithKey(String method, String path, String key, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (!json.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body(), response);
    }

    public void checkImage(String contentId, String uploader, byte[] image) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"contentId", contentId}, {"uploaderId", uploader}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\";"
                        + " filename=\"upload.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/checks"))
                        .header("Authorization", "Bearer " + keys.get(Role.PLATFORM))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    public String report(String contentId) throws Exception {
        Answer filed = send("POST", "/api/v1/reports", null, """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Example","contentLocators":["%s"],"subjectWasUnder18":false,
                 "contact":{"email":"sam@example.org"},"description":"My ex posted this"}""".formatted(contentId));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        tokens.put(
                filed.json().get("caseRef").asString(),
                filed.json().get("statusToken").asString());
        return filed.json().get("caseRef").asString();
    }

    /** The reporter of the case asks, with their status token, for it to be shared with the police. */
    public void askPoliceShare(String caseRef, String crimeReference) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + caseRef + "/police-share"))
                        .header("X-Case-Token", tokens.get(caseRef))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"crimeReference\":\"" + crimeReference + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    public void remove(String caseRef) throws Exception {
        assertThat(send("POST", "/api/v1/cases/" + caseRef + "/claim", Role.MODERATOR, "")
                        .status())
                .isEqualTo(200);
        Answer decided = send(
                "POST",
                "/api/v1/cases/" + caseRef + "/decision",
                Role.MODERATOR,
                "{\"outcome\":\"REMOVE\",\"basis\":\"ILLEGAL_CONTENT\"}");
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> bean(Review.class).find(new CaseRef(caseRef)).state() == ReviewState.REMOVED);
    }

    /** A no-violation decision: review lifts its own hold on the case's images. */
    public void dismiss(String caseRef) throws Exception {
        assertThat(send("POST", "/api/v1/cases/" + caseRef + "/claim", Role.MODERATOR, "")
                        .status())
                .isEqualTo(200);
        Answer decided = send(
                "POST",
                "/api/v1/cases/" + caseRef + "/decision",
                Role.MODERATOR,
                "{\"outcome\":\"NO_VIOLATION\",\"reasonCode\":\"NOT_INTIMATE_IMAGE_CONTENT\"}");
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
    }

    /** The base URL of the running service ({@code http://localhost:PORT}). */
    public String base() {
        return base;
    }

    /** Another staff member with this role: their API key. */
    public String staffKey(String username, Role role) {
        return bean(Identity.class)
                .createUser(TESTER, Username.of(username), role, true)
                .apiKey()
                .orElseThrow()
                .secret();
    }

    @Override
    public void close() {
        client.close();
        context.close();
        platform.stop(0);
    }
}
