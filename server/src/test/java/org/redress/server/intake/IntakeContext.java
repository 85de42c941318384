package org.redress.server.intake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.redress.server.ModuleContext;
import org.redress.server.TestDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Storage, audit and intake beans on a {@link TestDatabase}, with every published event recorded. */
final class IntakeContext implements AutoCloseable {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {
                "org.redress.server.storage",
                "org.redress.server.audit",
                "org.redress.server.identity",
                "org.redress.server.intake"
            },
            excludeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"))
    static class Beans {}

    private final ConfigurableApplicationContext context;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    IntakeContext(TestDatabase database) {
        this(database, new Class<?>[0]);
    }

    /** With extra configuration classes and {@code --name=value} arguments. */
    IntakeContext(TestDatabase database, Class<?>[] extraSources, String... extraArguments) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = Beans.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        String[] arguments = new String[extraArguments.length + 1];
        arguments[0] = "--redress.intake.mail-interval=PT1H";
        System.arraycopy(extraArguments, 0, arguments, 1, extraArguments.length);
        this.context = ModuleContext.open(sources, database, null, events, arguments);
    }

    Intake intake() {
        return context.getBean(Intake.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> ObjectProvider<T> provider(Class<T> type) {
        return context.getBeanProvider(type);
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
