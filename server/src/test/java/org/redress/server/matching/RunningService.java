package org.redress.server.matching;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service on a {@link TestDatabase} on a random port, with a real HTTP client holding an
 * administrator's personal key and a platform's key: what the API suites that run on both
 * databases share.
 */
final class RunningService implements AutoCloseable {

    private static final Actor TESTER = new Actor.Operator("test");

    /** An answer's status and body. */
    record Answer(int status, String body) {}

    final ConfigurableApplicationContext context;
    final String admin;
    final String platform;
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    /** Starts the service; {@code adminName} is the administrator whose personal key {@link #admin} is. */
    RunningService(TestDatabase database, String adminName, String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--redress.data=" + database.dataDirectory(),
                "--redress.db-url=" + database.jdbcUrl(),
                "--redress.public-url=http://localhost"));
        arguments.addAll(List.of(moreArguments));
        this.context = new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(arguments.toArray(String[]::new));
        this.base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        var identity = context.getBean(Identity.class);
        this.admin = identity.createUser(TESTER, Username.of(adminName), Role.ADMIN, true)
                .apiKey()
                .orElseThrow()
                .secret();
        this.platform = identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
        // The index loads on a schedule after start; load it now so that the first check is answered.
        context.getBean(MatchIndex.class).refresh();
    }

    /** Sends a request; an empty key sends none, an empty type no {@code Content-Type}, an empty body none. */
    Answer send(String method, String path, String key, String contentType, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!key.isEmpty()) {
            request.header("Authorization", "Bearer " + key);
        }
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        client.close();
        context.close();
    }
}
