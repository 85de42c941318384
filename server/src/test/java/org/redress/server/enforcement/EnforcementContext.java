package org.redress.server.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.redress.server.ModuleContext;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Storage, audit and enforcement beans on a {@link TestDatabase}, with a {@link MutableClock} that
 * every bean reads and every published event recorded. The schedule is an hour and sending after
 * commit is off, so tests drive the dispatcher themselves.
 */
final class EnforcementContext implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final String SECRET = "a webhook secret of more than 32 bytes";

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.redress.server.storage", "org.redress.server.audit", "org.redress.server.enforcement"},
            excludeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"))
    static class Beans {}

    private final ConfigurableApplicationContext context;
    private final MutableClock clock;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    /** With {@code --name=value} arguments after the defaults (later ones win). */
    EnforcementContext(TestDatabase database, MutableClock clock, String... extraArguments) {
        this.clock = clock;
        String[] defaults = {
            "--redress.webhook.interval=PT1H",
            "--redress.webhook.dispatch-after-commit=false",
            "--redress.webhook.timeout=PT0.5S",
            "--redress.webhook.lease=PT1M"
        };
        String[] arguments = new String[defaults.length + extraArguments.length];
        System.arraycopy(defaults, 0, arguments, 0, defaults.length);
        System.arraycopy(extraArguments, 0, arguments, defaults.length, extraArguments.length);
        this.context = ModuleContext.open(Beans.class, database, clock, events, arguments);
    }

    /** Sending to {@code url} with {@link #SECRET}. */
    static EnforcementContext sendingTo(
            TestDatabase database, MutableClock clock, WebhookReceiver receiver, String... extraArguments) {
        String[] arguments = new String[extraArguments.length + 2];
        arguments[0] = "--redress.webhook.url=" + receiver.url();
        arguments[1] = "--redress.webhook.secret=" + SECRET;
        System.arraycopy(extraArguments, 0, arguments, 2, extraArguments.length);
        return new EnforcementContext(database, clock, arguments);
    }

    Enforcement enforcement() {
        return context.getBean(Enforcement.class);
    }

    MutableClock clock() {
        return clock;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
