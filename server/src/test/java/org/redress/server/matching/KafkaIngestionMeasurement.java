package org.redress.server.matching;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;
import org.redress.server.TestDatabase;
import org.redress.server.shared.Actor;

/**
 * Measures stream ingestion against a bank of a million entries, on SQLite, with a real broker
 * ({@link KafkaBroker}): sustained throughput (checks per second from the first record sent to the
 * last verdict read) and end-to-end lag per record (from its send to its verdict's arrival, p50 and
 * p99), cold (the service's first run) and warm (the same again), beside the same checks sent
 * over HTTP in batches of 100 to the same service in the same run. Not part of the suite (the name
 * matches neither test pattern); run it with {@code ./mvnw -pl server -am verify
 * -Dtest=KafkaIngestionMeasurement -Dit.test=NoSuch -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false} (docs/bench/README.md).
 */
class KafkaIngestionMeasurement {

    private static final Actor ADMIN = new Actor.Staff("bench-admin");
    private static final int BANK_SIZE = Integer.getInteger("redress.bench.bank", 1_000_000);
    private static final int RECORDS = Integer.getInteger("redress.bench.records", 20_000);

    private static String hex(SplittableRandom random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()).toHex();
    }

    private static String check(String id, SplittableRandom random) {
        return "{\"contentId\":\"" + id + "\",\"uploaderId\":\"u\",\"pdq\":\"" + hex(random) + "\"}";
    }

    @Test
    void measuresThroughputAndLagAgainstHttpBatches() throws Exception {
        var broker = KafkaBroker.shared();
        var random = new SplittableRandom(20261205);
        String uploads = "bench-uploads";
        String verdicts = "bench-verdicts";
        broker.createTopics(4, uploads, verdicts);
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new RunningService(
                        database,
                        "bench-admin",
                        "--redress.kafka.bootstrap-servers=" + broker.bootstrapServers,
                        "--redress.kafka.uploads-topic=" + uploads,
                        "--redress.kafka.verdicts-topic=" + verdicts)) {
            var matching = service.context.getBean(Matching.class);
            var bank = new BankName("bench");
            matching.createBank(ADMIN, bank, BankAction.BLOCK, 31, 50);
            matching.importEntries(
                    ADMIN,
                    bank,
                    HashListFormat.TEXT,
                    IntStream.range(0, BANK_SIZE).mapToObj(i -> "pdq " + hex(random)));
            service.context
                    .getBean(org.redress.server.matching.banks.MatchIndex.class)
                    .refresh();
            List<String> lines = new ArrayList<>();
            try (var reader = new KafkaConsumer<String, String>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers,
                            ConsumerConfig.GROUP_ID_CONFIG, "bench-reader",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                reader.subscribe(List.of(verdicts));
                while (reader.assignment().isEmpty()) {
                    reader.poll(Duration.ofMillis(100));
                }
                for (String run : List.of("cold", "warm")) {
                    lines.add(kafkaRun(run, broker, uploads, reader, random));
                    lines.add(httpRun(run, service, random));
                }
            }
            lines.forEach(
                    line -> System.out.println("MEASURED bank=" + BANK_SIZE + " records=" + RECORDS + " " + line));
        }
    }

    private static String kafkaRun(
            String run,
            KafkaBroker broker,
            String uploads,
            KafkaConsumer<String, String> reader,
            SplittableRandom random)
            throws Exception {
        Map<String, Long> sentAt = new HashMap<>(RECORDS * 2);
        List<Long> lags = new ArrayList<>(RECORDS);
        try (var producer = new KafkaProducer<String, String>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new StringSerializer())) {
            long started = System.nanoTime();
            long last = started;
            int sent = 0;
            while (lags.size() < RECORDS) {
                // Sends at most 2,000 records ahead of the verdicts read, so lag measures the service, not the queue.
                while (sent < RECORDS && sent - lags.size() < 2000) {
                    String id = run + "-" + sent++;
                    sentAt.put(id, System.nanoTime());
                    producer.send(new ProducerRecord<>(uploads, id, check(id, random)));
                }
                producer.flush();
                for (var record : reader.poll(Duration.ofMillis(50))) {
                    Long at = sentAt.remove(record.key());
                    if (at != null) {
                        last = System.nanoTime();
                        lags.add(last - at);
                    }
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("only " + lags.size() + " verdicts in 10 minutes");
                }
            }
            lags.sort(null);
            double seconds = (last - started) / 1e9;
            return String.format(
                    Locale.ROOT,
                    "kafka %s: %.0f checks/s, lag p50 %.1f ms p99 %.1f ms",
                    run,
                    RECORDS / seconds,
                    lags.get(lags.size() / 2) / 1e6,
                    lags.get((int) (lags.size() * 0.99)) / 1e6);
        }
    }

    private static String httpRun(String run, RunningService service, SplittableRandom random) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long started = System.nanoTime();
        for (int from = 0; from < RECORDS; from += 100) {
            int first = from;
            String checks = String.join(
                    ",",
                    Stream.iterate(first, i -> i + 1)
                            .limit(100)
                            .map(i -> check("http-" + run + "-" + i, random))
                            .toList());
            long one = System.nanoTime();
            var answer = service.send(
                    "POST",
                    "/api/v1/checks/batch",
                    service.platform,
                    "application/json",
                    ("{\"checks\":[" + checks + "]}").getBytes(StandardCharsets.UTF_8));
            latencies.add(System.nanoTime() - one);
            if (answer.status() != 200) {
                throw new IllegalStateException("batch answered " + answer.status());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        latencies.sort(null);
        return String.format(
                Locale.ROOT,
                "http batch of 100, one client %s: %.0f checks/s, request p50 %.1f ms p99 %.1f ms",
                run,
                RECORDS / seconds,
                latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }
}
