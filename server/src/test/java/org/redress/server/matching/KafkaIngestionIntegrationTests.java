package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.matching.stream.KafkaIngestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Stream ingestion against a real Kafka broker (KRaft, in a child JVM; {@link KafkaBroker}) and the
 * whole service: a check record is answered on the verdicts topic as {@code POST /api/v1/checks}
 * answers it, and registered as it registers; a record that is no check is answered with the same
 * problem document and the partition moves on; records delivered again after a consumer stopped
 * before committing are registered once; replicas in one group share the partitions.
 */
class KafkaIngestionIntegrationTests {

    private static final String BANKED = "f".repeat(32) + "0".repeat(32);
    /** Two bits from {@link #BANKED}. */
    private static final String NEAR = "f".repeat(31) + "c" + "0".repeat(32);

    private final ObjectMapper json = new ObjectMapper();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String randomPdq() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /** The topics and group of one test, and the service's arguments that name them. */
    private record Stream(KafkaBroker broker, String uploads, String verdicts, String group) {
        static Stream create(int partitions) throws Exception {
            var broker = KafkaBroker.shared();
            String run = unique();
            var stream = new Stream(broker, "uploads-" + run, "verdicts-" + run, "redress-" + run);
            broker.createTopics(partitions, stream.uploads, stream.verdicts);
            return stream;
        }

        String[] arguments() {
            return new String[] {
                "--redress.kafka.bootstrap-servers=" + broker.bootstrapServers,
                "--redress.kafka.uploads-topic=" + uploads,
                "--redress.kafka.verdicts-topic=" + verdicts,
                "--redress.kafka.group-id=" + group
            };
        }

        void send(List<Map.Entry<String, String>> records) throws Exception {
            try (var producer = new KafkaProducer<String, byte[]>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers),
                    new StringSerializer(),
                    new ByteArraySerializer())) {
                for (var record : records) {
                    producer.send(new ProducerRecord<>(uploads, record.getKey(), bytes(record.getValue())))
                            .get(30, TimeUnit.SECONDS);
                }
            }
        }

        /** Reads the verdicts topic from its start until {@code count} records are there. */
        List<ConsumerRecord<String, String>> verdicts(int count) {
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, String>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.bootstrapServers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "reader-" + unique(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(verdicts));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (read.size() < count && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                }
            }
            assertThat(read).as("verdict records").hasSize(count);
            return read;
        }

        /** The group's committed offsets, by partition. */
        Map<Integer, Long> committed() throws Exception {
            try (Admin admin = broker.admin()) {
                return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().partition(), e -> e.getValue().offset()));
            }
        }
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }

    private long bankBlocking(RunningService service) throws Exception {
        String bank = "kafka-" + unique();
        var created = service.send(
                "POST",
                "/api/v1/banks",
                service.admin,
                "application/json",
                bytes("{\"name\":\"" + bank + "\",\"action\":\"BLOCK\"}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var added = service.send(
                "POST",
                "/api/v1/banks/" + bank + "/hashes",
                service.admin,
                "application/json",
                bytes("{\"pdq\":\"" + BANKED + "\"}"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return tree(added.body()).get("entryId").asLong();
    }

    private static Map<String, Long> registrations(RunningService service, String like) {
        return JdbcClient.create(service.context.getBean(DataSource.class))
                .sql("SELECT content_id, COUNT(*) FROM matching_content"
                        + " WHERE content_id LIKE :like GROUP BY content_id")
                .param("like", like)
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        var copy = problem.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("instance");
        return copy;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersEachRecordOnTheVerdictsTopicAsTheSingleRouteAnswersItAndMovesOnPastBadOnes(TestDatabase.Vendor vendor)
            throws Exception {
        var stream = Stream.create(1);
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "kafka-admin", stream.arguments())) {
            long entryId = bankBlocking(service);
            String run = unique();
            String badPdq =
                    "{\"contentId\":\"bad-" + run + "\",\"uploaderId\":\"u\",\"pdq\":\"" + "a".repeat(63) + "\"}";
            String noHash = "{\"contentId\":\"nohash-" + run + "\",\"uploaderId\":\"u\"}";
            stream.send(List.of(
                    Map.entry(
                            "near-" + run,
                            "{\"contentId\":\"near-" + run + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + NEAR + "\"}"),
                    Map.entry("bad-" + run, badPdq),
                    Map.entry("garbled-" + run, "{not json"),
                    Map.entry("nohash-" + run, noHash),
                    Map.entry(
                            "clean-" + run,
                            "{\"contentId\":\"clean-" + run + "\",\"uploaderId\":\"u-2\",\"pdq\":\"" + randomPdq()
                                    + "\"}")));

            List<ConsumerRecord<String, String>> verdicts = stream.verdicts(5);
            assertThat(verdicts)
                    .extracting(ConsumerRecord::key)
                    .containsExactly("near-" + run, "bad-" + run, "garbled-" + run, "nohash-" + run, "clean-" + run);
            JsonNode near = tree(verdicts.get(0).value());
            assertThat(near.get("contentId").asString()).isEqualTo("near-" + run);
            assertThat(near.get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(near.get("matches").get(0).get("entryId").asLong()).isEqualTo(entryId);
            assertThat(near.get("matches").get(0).get("distance").asInt()).isEqualTo(2);
            assertThat(near.has("statementOfReasons")).isTrue();
            JsonNode clean = tree(verdicts.get(4).value());
            assertThat(clean.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(clean.get("matches").size()).isZero();

            // A bad record carries the very problem the single route answers the same check with.
            for (var bad : List.of(Map.entry(1, badPdq), Map.entry(3, noHash))) {
                JsonNode answer = tree(verdicts.get(bad.getKey()).value());
                assertThat(answer.propertyNames()).containsExactlyInAnyOrder("contentId", "problem");
                var single = service.send(
                        "POST", "/api/v1/checks", service.platform, "application/json", bytes(bad.getValue()));
                assertThat(single.status()).as(single.body()).isEqualTo(400);
                assertThat(withoutInstance(answer.get("problem"))).isEqualTo(withoutInstance(tree(single.body())));
            }
            JsonNode garbled = tree(verdicts.get(2).value());
            assertThat(garbled.get("contentId").asString()).isEqualTo("garbled-" + run);
            assertThat(garbled.get("problem").get("status").asInt()).isEqualTo(400);
            assertThat(garbled.get("problem").get("type").asString()).endsWith("/problems/invalid-request");

            assertThat(registrations(service, "%-" + run)).isEqualTo(Map.of("near-" + run, 1L, "clean-" + run, 1L));
            // The same audit as an HTTP check: the BLOCK is in the chain, by the stream's actor.
            long audited = JdbcClient.create(service.context.getBean(DataSource.class))
                    .sql("SELECT COUNT(*) FROM audit_entry WHERE actor_kind = 'OPERATOR' AND actor_id = 'kafka'")
                    .query(Long.class)
                    .single();
            assertThat(audited).isPositive();
            awaitCommitted(stream, Map.of(0, 5L));
        }
    }

    private static void awaitCommitted(Stream stream, Map<Integer, Long> expected) throws Exception {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stream.committed()).isEqualTo(expected));
    }

    @Test
    void registersOnceTheRecordsDeliveredAgainAfterTheConsumerStoppedBeforeCommitting() throws Exception {
        var stream = Stream.create(4);
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new RunningService(database, "kafka-admin", stream.arguments())) {
            bankBlocking(service);
            String run = unique();
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "again-" + i + "-" + run;
                records.add(Map.entry(
                        id,
                        "{\"contentId\":\"" + id + "\",\"uploaderId\":\"u\",\"pdq\":\""
                                + (i % 4 == 0 ? NEAR : randomPdq()) + "\"}"));
            }
            stream.send(records);
            Map<String, String> first = verdictsByKey(stream.verdicts(20));

            // As after a crash between publishing the verdicts and committing the offsets: the group's
            // offsets go back to the start, and a new consumer reads every record again.
            var ingestion = service.context.getBean(KafkaIngestion.class);
            ingestion.stop();
            try (Admin admin = stream.broker().admin()) {
                Map<TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
                for (int p = 0; p < 4; p++) {
                    start.put(new TopicPartition(stream.uploads(), p), new OffsetAndMetadata(0));
                }
                admin.alterConsumerGroupOffsets(stream.group(), start).all().get(30, TimeUnit.SECONDS);
            }
            ingestion.start();
            List<ConsumerRecord<String, String>> all = stream.verdicts(40);
            Map<String, String> again = verdictsByKey(all.subList(0, 40));

            assertThat(again).isEqualTo(first);
            assertThat(first.values()).contains("BLOCK", "ALLOW");
            Map<String, Long> registered = registrations(service, "again-%-" + run);
            assertThat(registered).hasSize(20);
            assertThat(registered.values()).containsOnly(1L);
            long deliveriesRecorded = JdbcClient.create(service.context.getBean(DataSource.class))
                    .sql("SELECT COUNT(*) FROM matching_delivery WHERE content_id LIKE :like")
                    .param("like", "again-%-" + run)
                    .query(Long.class)
                    .single();
            assertThat(deliveriesRecorded).isEqualTo(20);
        }
    }

    private Map<String, String> verdictsByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, String> verdicts = new java.util.HashMap<>();
        for (var record : records) {
            verdicts.put(record.key(), tree(record.value()).get("verdict").asString());
        }
        return verdicts;
    }

    @Test
    void replicasInOneGroupShareThePartitionsAndRegisterEachRecordOnce() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        var stream = Stream.create(4);
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = new RunningService(database, "kafka-a-admin", stream.arguments());
                var b = new RunningService(database, "kafka-b-admin", stream.arguments())) {
            var first = a.context.getBean(KafkaIngestion.class);
            var second = b.context.getBean(KafkaIngestion.class);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> !first.assignment().isEmpty()
                            && !second.assignment().isEmpty()
                            && first.assignment().size() + second.assignment().size() == 4);
            assertThat(first.assignment()).isNotEmpty().doesNotContainAnyElementsOf(second.assignment());
            assertThat(first.assignment().size() + second.assignment().size()).isEqualTo(4);

            String run = unique();
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "shared-" + i + "-" + run;
                records.add(Map.entry(
                        id, "{\"contentId\":\"" + id + "\",\"uploaderId\":\"u\",\"pdq\":\"" + randomPdq() + "\"}"));
            }
            stream.send(records);
            assertThat(verdictsByKey(stream.verdicts(40))).hasSize(40);
            Map<String, Long> registered = registrations(a, "shared-%-" + run);
            assertThat(registered).hasSize(40);
            assertThat(registered.values()).containsOnly(1L);
        }
    }

    @Test
    void pausesEveryPartitionWhileMaxInFlightRecordsAreBeingChecked() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        var stream = Stream.create(4);
        String[] arguments = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(stream.arguments()),
                        java.util.stream.Stream.of(
                                "--redress.kafka.max-in-flight=1",
                                "--redress.kafka.max-poll-records=1",
                                "--redress.kafka.workers=4"))
                .toArray(String[]::new);
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var service = new RunningService(database, "kafka-pressure-admin", arguments)) {
            var ingestion = service.context.getBean(KafkaIngestion.class);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> ingestion.assignment().size() == 4);
            String run = unique();
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String id = "pressure-" + i + "-" + run;
                records.add(Map.entry(
                        id, "{\"contentId\":\"" + id + "\",\"uploaderId\":\"u\",\"pdq\":\"" + randomPdq() + "\"}"));
            }
            // Registrations wait while the test holds the registry's table: each check handed on stays
            // in flight, so only back-pressure keeps the other partitions' records from being handed on
            // too (without it, each of the four workers would take one).
            try (var holder = service.context.getBean(DataSource.class).getConnection()) {
                holder.setAutoCommit(false);
                try (var lock = holder.createStatement()) {
                    lock.execute("LOCK TABLE matching_content IN EXCLUSIVE MODE");
                }
                stream.send(records);
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(20))
                        .until(() -> ingestion.recordsInFlight() >= 1);
                org.awaitility.Awaitility.await()
                        .during(java.time.Duration.ofSeconds(3))
                        .atMost(java.time.Duration.ofSeconds(5))
                        .until(() -> ingestion.recordsInFlight() <= 1);
                holder.commit();
            }
            assertThat(verdictsByKey(stream.verdicts(24))).hasSize(24);
            Map<String, Long> registered = registrations(service, "pressure-%-" + run);
            assertThat(registered).hasSize(24);
            assertThat(registered.values()).containsOnly(1L);
        }
    }

    @Test
    void passesTheOperatorsClientSettingsToTheConsumer() throws Exception {
        var stream = Stream.create(1);
        String instance = "redress-static-" + unique();
        String[] arguments = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(stream.arguments()),
                        java.util.stream.Stream.of("--redress.kafka.client.group.instance.id=" + instance))
                .toArray(String[]::new);
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new RunningService(database, "kafka-client-admin", arguments);
                Admin admin = stream.broker().admin()) {
            var ingestion = service.context.getBean(KafkaIngestion.class);
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> ingestion.assignment().size() == 1);
            // A setting the service does not set itself reaches the consumer as given: the broker
            // knows the group's member by the static instance id the operator chose.
            var members = admin.describeConsumerGroups(List.of(stream.group()))
                    .describedGroups()
                    .get(stream.group())
                    .get(30, TimeUnit.SECONDS)
                    .members();
            assertThat(members).singleElement().satisfies(member -> {
                assertThat(member.groupInstanceId()).contains(instance);
                assertThat(member.clientId()).isEqualTo("redress-uploads");
            });
        }
    }

    @Test
    void isOffWithoutBootstrapServers() throws Exception {
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new RunningService(database, "no-kafka-admin")) {
            assertThat(service.context.getBeansOfType(KafkaIngestion.class)).isEmpty();
            assertThat(Thread.getAllStackTraces().keySet())
                    .extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("matching-kafka") || name.contains("redress-verdicts"));
        }
    }
}
