package org.redress.server.matching;

import org.redress.server.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Storage, identity, audit and matching on a {@link TestDatabase}, without a web server. */
final class MatchingContext {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = { "org.redress.server.storage", "org.redress.server.identity",
            "org.redress.server.audit", "org.redress.server.media", "org.redress.server.matching" }, excludeFilters = {
                    @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                    @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests.*") })
    static class Beans {
    }

    private MatchingContext() {
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
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(args);
    }
}
