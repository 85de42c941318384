package org.redress.server.matching;

import org.redress.server.ModuleContext;
import org.redress.server.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Storage, identity, audit, media, enforcement (automated blocks' webhooks) and matching on a
 * {@link TestDatabase}, without a web server.
 */
final class MatchingContext {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {
                "org.redress.server.storage",
                "org.redress.server.identity",
                "org.redress.server.audit",
                "org.redress.server.media",
                "org.redress.server.enforcement",
                "org.redress.server.matching"
            },
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests.*")
            })
    static class Beans {}

    private MatchingContext() {}

    static ConfigurableApplicationContext open(TestDatabase database, String... properties) {
        String[] arguments = new String[properties.length];
        for (int i = 0; i < properties.length; i++) {
            arguments[i] = "--" + properties[i];
        }
        return ModuleContext.open(Beans.class, database, null, null, arguments);
    }
}
