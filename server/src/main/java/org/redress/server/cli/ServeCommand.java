package org.redress.server.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.redress.server.RedressApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code redress serve [--port 8080] [--data DIR] [--db JDBC_URL]}: runs the service until it is
 * stopped. Options win over {@code REDRESS_PORT}, {@code REDRESS_DATA} and {@code REDRESS_DB_URL}.
 */
final class ServeCommand implements Command {

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
        Flags flags = Flags.parse(args, Set.of("--port", "--data", "--db"), Set.of());
        String port = flags.value("--port").orElse(env("REDRESS_PORT", "8080"));
        try {
            int number = Integer.parseInt(port);
            if (number < 0 || number > 65_535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number from 0 to 65535");
        }
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
