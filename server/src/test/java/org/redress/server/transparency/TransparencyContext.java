package org.redress.server.transparency;

import org.redress.server.ModuleContext;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Every module but the web layer on a {@link TestDatabase}, with a {@link MutableClock} every bean
 * reads; webhooks wait in the outbox (no platform URL), and schedules are set to an hour so the
 * test drives the deadline sweep itself.
 */
final class TransparencyContext implements AutoCloseable {

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
                "org.redress.server.review",
                "org.redress.server.transparency"
            },
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Tests|Context).*")
            })
    static class Beans {}

    private final ConfigurableApplicationContext context;

    TransparencyContext(TestDatabase database, MutableClock clock, String... more) {
        var arguments = new java.util.ArrayList<>(java.util.List.of(
                "--redress.webhook.interval=PT1H",
                "--redress.webhook.dispatch-after-commit=false",
                "--redress.review.sweep-interval=PT1H",
                "--redress.intake.mail-interval=PT1H",
                "--redress.transparency.dsa.interval=PT1H"));
        arguments.addAll(java.util.List.of(more));
        this.context = ModuleContext.open(Beans.class, database, clock, null, arguments.toArray(String[]::new));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
