package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.redress.server.ChildService;
import org.redress.server.TestDatabase;

/**
 * Stream ingestion across a real crash (ADR 0030): the packaged {@code redress.jar} consumes the
 * uploads topic and is killed with SIGKILL while records still arrive; a new process in the same
 * consumer group takes over from the offsets committed. Every record gets a verdict and every
 * content id is registered exactly once, however many of the records the dead process had answered
 * without committing their offsets.
 */
class KafkaConsumerKilledIntegrationTests {

    private static final Path JAR = Path.of(System.getProperty("redress.jar", "target/redress.jar"));
    private static final int RECORDS = 400;

    @Test
    void answersEveryRecordAndRegistersEachOnceWhenTheConsumerIsKilledMidStream() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        assertThat(JAR).as("the executable jar, built by ./mvnw package").isRegularFile();
        var broker = KafkaBroker.shared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String uploads = "killed-uploads-" + run;
        String verdicts = "killed-verdicts-" + run;
        broker.createTopics(4, uploads, verdicts);
        List<String> answered = new CopyOnWriteArrayList<>();
        try (var db = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL)) {
            Path data = Files.createDirectories(db.dataDirectory().resolve("consumer"));
            Process first = serve(db, data, broker, uploads, verdicts, run, "first");
            try {
                Thread reader = Thread.ofPlatform().daemon().start(() -> readVerdicts(broker, verdicts, answered));
                try (var producer = new KafkaProducer<String, String>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers),
                        new StringSerializer(),
                        new StringSerializer())) {
                    for (int i = 0; i < RECORDS; i++) {
                        String id = "killed-" + i + "-" + run;
                        String pdq = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
                        producer.send(new ProducerRecord<>(
                                        uploads,
                                        id,
                                        "{\"contentId\":\"" + id + "\",\"uploaderId\":\"u\",\"pdq\":\"" + pdq + "\"}"))
                                .get(30, TimeUnit.SECONDS);
                        if (i == RECORDS / 2) {
                            // Mid-stream: some records answered, more arriving. SIGKILL, as the kernel's
                            // out-of-memory killer or a lost machine would end it.
                            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= 20);
                            assertThat(ChildService.kill(first)).isEqualTo(137);
                        }
                    }
                }
                Process second = serve(db, data, broker, uploads, verdicts, run, "second");
                try {
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(120))
                            .until(() -> answered.stream().distinct().count() == RECORDS);
                    Map<String, Long> registered = registrations(db, "killed-%-" + run);
                    assertThat(registered).hasSize(RECORDS);
                    assertThat(registered.values()).containsOnly(1L);
                } finally {
                    second.destroy();
                    second.waitFor(30, TimeUnit.SECONDS);
                    reader.interrupt();
                }
            } finally {
                // A failure before the kill must not leave the first process running.
                first.destroyForcibly();
            }
        }
    }

    /** Appends each verdict's key (the content id) as it arrives, until interrupted. */
    private static void readVerdicts(KafkaBroker broker, String topic, List<String> answered) {
        try (var consumer = new KafkaConsumer<String, String>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> answered.add(record.key()));
            }
        } catch (org.apache.kafka.common.errors.InterruptException stopped) {
            // The test is over.
        }
    }

    private static Map<String, Long> registrations(TestDatabase db, String like) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (var connection = DriverManager.getConnection(db.jdbcUrl());
                var query = connection.prepareStatement("SELECT content_id, COUNT(*) FROM matching_content"
                        + " WHERE content_id LIKE ? GROUP BY content_id")) {
            query.setString(1, like);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** {@code java -jar redress.jar serve} consuming the uploads topic, ready once its health answers. */
    private static Process serve(
            TestDatabase db, Path data, KafkaBroker broker, String uploads, String verdicts, String group, String name)
            throws IOException {
        int port = ChildService.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dredress.public-url=http://localhost",
                "-Dredress.kafka.bootstrap-servers=" + broker.bootstrapServers,
                "-Dredress.kafka.uploads-topic=" + uploads,
                "-Dredress.kafka.verdicts-topic=" + verdicts,
                "-Dredress.kafka.group-id=killed-" + group,
                "-Dredress.kafka.max-poll-records=20",
                // The dead member leaves the group after this, not the default 45 s.
                "-Dredress.kafka.client.session.timeout.ms=10000",
                "-Dlogging.level.root=WARN",
                "-jar",
                JAR.toString(),
                "serve",
                "--port",
                String.valueOf(port),
                "--data",
                data.toString(),
                "--db",
                db.jdbcUrl()));
        Path log = data.resolve("consumer-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildService.awaitHealthy(process, port, log, "redress " + name);
        return process;
    }
}
