package org.redress.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts some of the service's modules without a web server on a {@link TestDatabase}: the real
 * facades and repositories against a real database, in about a second. The clock, when given, is
 * registered by initializer (never as a {@code @Bean} of a scanned class, which service tests that
 * scan the same packages would pick up), and every published event can be recorded.
 */
public final class ModuleContext {

    private ModuleContext() {}

    /**
     * @param beans a configuration class whose {@code @ComponentScan} names the modules
     * @param clock the clock every bean reads, or {@code null} for the system clock
     * @param events where published events go, or {@code null} to drop them
     * @param arguments {@code --name=value} arguments; of a name given twice the later wins (Spring
     *     would join the two with a comma)
     */
    public static ConfigurableApplicationContext open(
            Class<?> beans,
            TestDatabase database,
            @Nullable Clock clock,
            @Nullable List<Object> events,
            String... arguments) {
        return open(new Class<?>[] {beans}, database, clock, events, arguments);
    }

    /** As {@link #open(Class, TestDatabase, Clock, List, String...)}, from several configuration classes. */
    public static ConfigurableApplicationContext open(
            Class<?>[] sources,
            TestDatabase database,
            @Nullable Clock clock,
            @Nullable List<Object> events,
            String... arguments) {
        Map<String, String> named = new LinkedHashMap<>();
        List<String> given = new ArrayList<>(List.of(
                "--redress.data=" + database.dataDirectory(),
                "--redress.db-url=" + database.jdbcUrl(),
                // Links sent out are absolute; outside the embedded database the URL is required.
                "--redress.public-url=https://redress.example"));
        given.addAll(List.of(arguments));
        for (String argument : given) {
            named.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        var builder = new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR");
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("testClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        if (events != null) {
            builder.listeners(event -> {
                if (event instanceof PayloadApplicationEvent<?> payload) {
                    events.add(payload.getPayload());
                }
            });
        }
        return builder.run(named.values().toArray(String[]::new));
    }
}
