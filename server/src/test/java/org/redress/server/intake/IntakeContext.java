package org.redress.server.intake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.redress.server.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Storage, audit and intake beans on a {@link TestDatabase}, with every published event recorded. */
final class IntakeContext implements AutoCloseable {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = { "org.redress.server.storage", "org.redress.server.audit", "org.redress.server.intake" },
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"))
    static class Beans {
    }

    private final ConfigurableApplicationContext context;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    IntakeContext(TestDatabase database) {
        this.context = new SpringApplicationBuilder(Beans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .listeners(event -> {
                    if (event instanceof PayloadApplicationEvent<?> payload) {
                        events.add(payload.getPayload());
                    }
                })
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run("--redress.data=" + database.dataDirectory(), "--redress.db-url=" + database.jdbcUrl());
    }

    Intake intake() {
        return context.getBean(Intake.class);
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
