package org.redress.server.matching;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker for the tests: one KRaft node (broker and controller) from the Maven artifacts
 * on the test class path, in a child JVM, started once per test JVM and stopped when it exits. No
 * container: {@code kafka.tools.StorageTool} formats a temporary log folder, {@code kafka.Kafka} runs.
 */
final class KafkaBroker {

    private static KafkaBroker running;

    final String bootstrapServers;
    private final Process process;

    private KafkaBroker(String bootstrapServers, Process process) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
    }

    /** The broker of this test JVM, started on first use. */
    static synchronized KafkaBroker shared() throws Exception {
        if (running == null || !running.process.isAlive()) {
            running = start(Files.createTempDirectory("redress-kafka"));
            KafkaBroker started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started.process::destroyForcibly));
        }
        return running;
    }

    private static KafkaBroker start(Path folder) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        var settings = new Properties();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", folder.resolve("logs").toString());
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "4");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("auto.create.topics.enable", "false");
        settings.put("num.partitions", "4");
        Path file = folder.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            settings.store(out, "a test broker");
        }
        Path log = folder.resolve("broker.log");
        int formatted = java(
                        List.of(
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                Uuid.randomUuid().toString(),
                                "-c",
                                file.toString()),
                        log)
                .waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: " + Files.readString(log));
        }
        Process broker = java(List.of("kafka.Kafka", file.toString()), log);
        var started = new KafkaBroker("127.0.0.1:" + port, broker);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker stopped: " + Files.readString(log));
            }
            try (Admin admin = started.admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return started;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    broker.destroyForcibly();
                    throw new IllegalStateException("the broker did not start in time: " + Files.readString(log));
                }
                Thread.sleep(500);
            }
        }
    }

    private static Process java(List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) Duration.ofSeconds(30).toMillis()));
    }

    /** Creates topics with this many partitions each. */
    void createTopics(int partitions, String... names) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(names).stream()
                            .map(name -> new NewTopic(name, partitions, (short) 1))
                            .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }
}
