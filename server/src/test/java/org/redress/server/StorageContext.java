package org.redress.server;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Storage, identity and audit beans on a {@link TestDatabase}, without a web server: the real
 * facades and repositories against a real database, started in about a second.
 */
public final class StorageContext {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.redress.server.storage", "org.redress.server.identity", "org.redress.server.audit"},
            excludeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"))
    static class Beans {}

    private StorageContext() {}

    public static ConfigurableApplicationContext open(TestDatabase database) {
        return ModuleContext.open(Beans.class, database, null, null);
    }
}
