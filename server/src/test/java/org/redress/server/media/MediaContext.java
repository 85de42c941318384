package org.redress.server.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.redress.server.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.support.GenericApplicationContext;

/** Storage, audit and media on a {@link TestDatabase}, with a clock the test moves. */
final class MediaContext {

    /** A clock that stands still until the test advances it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(basePackages = { "org.redress.server.storage", "org.redress.server.audit", "org.redress.server.media" },
            excludeFilters = {
                    @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                    @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests.*") })
    static class Beans {
    }

    private MediaContext() {
    }

    static ConfigurableApplicationContext open(TestDatabase database, String... properties) {
        String[] args = new String[properties.length + 2];
        args[0] = "--redress.data=" + database.dataDirectory();
        args[1] = "--redress.db-url=" + database.jdbcUrl();
        for (int i = 0; i < properties.length; i++) {
            args[i + 2] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(Beans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                // Registered here rather than as a @Bean of Beans: other test contexts (and the
                // service tests) scan this package, and must not pick up a clock that stands still.
                .initializers(c -> ((GenericApplicationContext) c).registerBean("movableClock", MovableClock.class,
                        () -> new MovableClock(Instant.parse("2026-12-01T00:00:00Z")), definition -> definition.setPrimary(true)))
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(args);
    }
}
