package org.redress.server.media;

import java.time.Instant;
import org.redress.server.ModuleContext;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Storage, audit and media on a {@link TestDatabase}, with a clock the test moves. */
final class MediaContext {

    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.redress.server.storage", "org.redress.server.audit", "org.redress.server.media"},
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests.*")
            })
    static class Beans {}

    private MediaContext() {}

    /** With a {@link MutableClock} standing at 2026-12-01T00:00:00Z until the test moves it. */
    static ConfigurableApplicationContext open(TestDatabase database, String... properties) {
        String[] arguments = new String[properties.length];
        for (int i = 0; i < properties.length; i++) {
            arguments[i] = "--" + properties[i];
        }
        return ModuleContext.open(
                Beans.class, database, new MutableClock(Instant.parse("2026-12-01T00:00:00Z")), null, arguments);
    }
}
