package org.redress.server.cli;

import java.util.ArrayList;
import java.util.List;
import org.redress.commandline.Arguments;
import org.redress.commandline.UsageException;
import org.redress.server.audit.AuditTrail;
import org.redress.server.identity.Identity;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * A small Spring context for the {@code admin} and {@code audit} commands: storage, identity and
 * audit without the web server, opened on the same database as a running service (and migrating
 * it if needed). Logs go to stderr so stdout carries only results.
 */
final class CommandContext implements AutoCloseable {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.redress.server.storage", "org.redress.server.identity", "org.redress.server.audit"},
            excludeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.REGEX,
                            pattern = "org\\.redress\\.server\\.[a-z]+\\.web\\..*"))
    static class Beans {}

    private final ConfigurableApplicationContext context;

    private CommandContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Opens storage from {@code --data} / {@code --db}, else {@code REDRESS_DATA} / {@code REDRESS_DB_URL}, else the
     * defaults.
     */
    static CommandContext open(Arguments flags) throws UsageException {
        if (flags.value("--data").isPresent() && flags.value("--db").isPresent()) {
            throw new UsageException("give --data or --db, not both");
        }
        List<String> args = new ArrayList<>();
        flags.value("--data").ifPresent(data -> args.add("--redress.data=" + data));
        flags.value("--db").ifPresent(db -> args.add("--redress.db-url=" + db));
        var context = new SpringApplicationBuilder(Beans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .main(CommandContext.class)
                .registerShutdownHook(false)
                .properties(
                        "redress.log-target=System.err",
                        "logging.level.root=WARN",
                        "logging.level.org.redress.server.storage=ERROR")
                .run(args.toArray(String[]::new));
        return new CommandContext(context);
    }

    Identity identity() {
        return context.getBean(Identity.class);
    }

    AuditTrail auditTrail() {
        return context.getBean(AuditTrail.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
