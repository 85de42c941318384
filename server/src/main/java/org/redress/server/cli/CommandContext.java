package org.redress.server.cli;

import java.util.ArrayList;
import java.util.List;
import org.redress.commandline.Arguments;
import org.redress.commandline.UsageException;
import org.redress.server.audit.AuditTrail;
import org.redress.server.identity.Identity;
import org.redress.server.transparency.DsaStatements;
import org.redress.server.transparency.InformationPack;
import org.redress.server.transparency.Transparency;
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

    private static final String FIGURE_BEANS = "org\\.redress\\.server\\."
            + "(intake\\.IntakeStatistics|review\\.ReviewStatistics|enforcement\\.EnforcementStatistics"
            + "|transparency\\.Transparency|review\\.ReviewCaseFacts|enforcement\\.EnforcementRestrictions"
            + "|transparency\\.DsaStatements|intake\\.IntakeJurisdictions|intake\\.(TrustedFlaggers|FlaggerRecords)"
            + "|transparency\\.dsa\\.(StatementSource|CaseJurisdictions|DsaConfiguration))";

    /** Beside the figures, what the information-notice pack reads: the registers, policies and requests. */
    private static final String PACK_BEANS = "org\\.redress\\.server\\."
            + "(review\\.RemovalRequestLog|transparency\\.InformationPack"
            + "|transparency\\.registers\\.(Registers|RegisterRecords)"
            + "|transparency\\.policies\\.(Policies|PolicyRecords|RemovalRequests))";

    /**
     * The transparency figures and the read-only statistics they come from, without the rest of
     * their modules (no schedules, listeners or outboxes start). Named by pattern, so the command
     * line depends on the transparency module alone.
     */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {
                "org.redress.server.intake",
                "org.redress.server.review",
                "org.redress.server.enforcement",
                "org.redress.server.transparency"
            },
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = FIGURE_BEANS))
    static class FigureBeans {}

    /** The information-notice pack and what it reads beyond the figures; web controllers are not scanned. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.redress.server.review", "org.redress.server.transparency"},
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = PACK_BEANS))
    static class PackBeans {}

    private final ConfigurableApplicationContext context;

    private CommandContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Opens storage from {@code --data} / {@code --db}, else {@code REDRESS_DATA} / {@code REDRESS_DB_URL}, else the
     * defaults.
     */
    static CommandContext open(Arguments flags) throws UsageException {
        return open(flags, Beans.class);
    }

    /** As {@link #open(Arguments)}, with the transparency figures. */
    static CommandContext openWithFigures(Arguments flags) throws UsageException {
        return open(flags, Beans.class, FigureBeans.class);
    }

    /** As {@link #openWithFigures(Arguments)}, with the information-notice pack. */
    static CommandContext openWithPack(Arguments flags) throws UsageException {
        return open(flags, Beans.class, FigureBeans.class, PackBeans.class);
    }

    private static CommandContext open(Arguments flags, Class<?>... sources) throws UsageException {
        if (flags.value("--data").isPresent() && flags.value("--db").isPresent()) {
            throw new UsageException("give --data or --db, not both");
        }
        List<String> args = new ArrayList<>();
        flags.value("--data").ifPresent(data -> args.add("--redress.data=" + data));
        flags.value("--db").ifPresent(db -> args.add("--redress.db-url=" + db));
        var context = new SpringApplicationBuilder(sources)
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

    Transparency transparency() {
        return context.getBean(Transparency.class);
    }

    InformationPack informationPack() {
        return context.getBean(InformationPack.class);
    }

    DsaStatements statements() {
        return context.getBean(DsaStatements.class);
    }

    AuditTrail auditTrail() {
        return context.getBean(AuditTrail.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
