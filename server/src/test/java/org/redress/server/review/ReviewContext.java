package org.redress.server.review;

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
 * Every module but the web layer on a {@link TestDatabase}, with a {@link MutableClock} every bean
 * reads, webhooks going to a {@link Platform}, schedules set to an hour (tests drive the sweep and
 * the dispatcher) and every published event recorded.
 */
final class ReviewContext implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {
                "org.redress.server.storage",
                "org.redress.server.audit",
                "org.redress.server.identity",
                "org.redress.server.intake",
                "org.redress.server.matching",
                "org.redress.server.media",
                "org.redress.server.enforcement",
                "org.redress.server.review"
            },
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Tests|Context).*")
            })
    static class Beans {}

    private final ConfigurableApplicationContext context;
    private final MutableClock clock;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    ReviewContext(TestDatabase database, MutableClock clock, Platform platform, String... extraArguments) {
        this.clock = clock;
        String[] defaults = {
            "--redress.webhook.url=" + platform.url(),
            "--redress.webhook.secret=" + Platform.SECRET,
            "--redress.webhook.interval=PT1H",
            "--redress.webhook.dispatch-after-commit=false",
            "--redress.review.sweep-interval=PT1H",
            "--redress.review.follow-up-interval=PT1H",
            "--redress.intake.mail-interval=PT1H"
        };
        String[] arguments = new String[defaults.length + extraArguments.length];
        System.arraycopy(defaults, 0, arguments, 0, defaults.length);
        System.arraycopy(extraArguments, 0, arguments, defaults.length, extraArguments.length);
        this.context = ModuleContext.open(Beans.class, database, clock, events, arguments);
    }

    Review review() {
        return context.getBean(Review.class);
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
