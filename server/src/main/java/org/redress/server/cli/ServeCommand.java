package org.redress.server.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.server.RedressApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code redress serve [--port 8080] [--data DIR] [--db JDBC_URL]}: runs the service until it is
 * stopped. Options win over {@code REDRESS_PORT}, {@code REDRESS_DATA} and {@code REDRESS_DB_URL}.
 */
final class ServeCommand implements Command {

    private static final ArgumentRules RULES = ArgumentRules.none().valued("--port", "--data", "--db");

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the service: serve [--port 8080] [--data DIR] [--db JDBC_URL]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments flags = RULES.parse(args);
        int port = flags.has("--port") ? flags.integer("--port", 0, 65_535, 8080) : environmentPort();
        List<String> properties = new ArrayList<>();
        properties.add("--server.port=" + port);
        flags.value("--data").ifPresent(data -> properties.add("--redress.data=" + data));
        flags.value("--db").ifPresent(db -> properties.add("--redress.db-url=" + db));

        var stopped = new CountDownLatch(1);
        var application = new SpringApplication(RedressApplication.class);
        application.setMainApplicationClass(RedressApplication.class);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        try {
            application.run(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("redress serve: the service did not start; see the messages above.");
            return SOME_INPUT_BAD;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /** {@code REDRESS_PORT} when set, else 8080. */
    private static int environmentPort() throws UsageException {
        String value = System.getenv("REDRESS_PORT");
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("REDRESS_PORT must be an integer from 0 to 65535, not '" + value + "'");
    }
}
