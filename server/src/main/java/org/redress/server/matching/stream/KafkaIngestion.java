package org.redress.server.matching.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.redress.server.matching.check.Deliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the uploads topic and answers each record on the verdicts topic (docs/adr/0030). One thread
 * polls; each partition's records go to a worker as one batch, and the partition is paused until the
 * batch's checks are recorded and its verdicts acknowledged by every in-sync replica; only then is its
 * offset committed (at least once). While more than {@code maxInFlight} records are being checked,
 * every partition is paused, so a saturated check path holds the stream back instead of queueing it
 * in memory. Replicas in one consumer group share the partitions.
 */
public class KafkaIngestion implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaIngestion.class);

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);

    /** A partition's batch, done: the offset to commit next, or none when it was given up. */
    private record Done(TopicPartition partition, Optional<Long> nextOffset, int records) {}

    /** A partition's batch being checked, and whether it is still wanted (its partition still ours). */
    private record Busy(Future<?> work, AtomicBoolean wanted) {}

    private final KafkaSettings settings;
    private final UploadChecks checks;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, Busy> busy = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private @Nullable Thread poller;
    private @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable ExecutorService workers;
    private volatile Set<TopicPartition> assigned = Set.of();
    private Instant nextForget = Instant.EPOCH;

    KafkaIngestion(KafkaSettings settings, UploadChecks checks, Deliveries deliveries, Clock clock) {
        this.settings = settings;
        this.checks = checks;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Records handed to the check path and not yet finished: with back-pressure, at most
     * {@code max-in-flight} minus one plus one poll's records.
     */
    public int recordsInFlight() {
        return inFlight.get();
    }

    /** The partitions of the uploads topic this replica reads now. */
    public Set<TopicPartition> assignment() {
        return assigned;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            // What a previous run left unfinished was given up; its records are read again.
            done.clear();
            busy.clear();
            inFlight.set(0);
            var reading = new KafkaConsumer<String, byte[]>(
                    consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
            var publishing = new KafkaProducer<String, String>(
                    producerProperties(), new StringSerializer(), new StringSerializer());
            consumer = reading;
            workers = Executors.newFixedThreadPool(
                    settings.workers(),
                    Thread.ofPlatform()
                            .name("matching-kafka-check-", 0)
                            .daemon()
                            .factory());
            running = true;
            poller = Thread.ofPlatform().name("matching-kafka-poll").daemon().start(() -> run(reading, publishing));
        }
    }

    /** Stops polling; batches being checked are finished and committed first, for up to 30 s. */
    @Override
    public void stop() {
        @Nullable Thread stopping;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            stopping = poller;
            poller = null;
        }
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (stopping != null) {
                stopping.join(DRAIN.plusSeconds(10).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after, and stops before, the check recorder (phase 0), so every batch can still commit. */
    @Override
    public int getPhase() {
        return 100;
    }

    private void run(KafkaConsumer<String, byte[]> reading, KafkaProducer<String, String> publishing) {
        try {
            reading.subscribe(List.of(settings.uploadsTopic()), new Rebalance(reading));
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = reading.poll(POLL);
                } catch (WakeupException e) {
                    break;
                }
                for (TopicPartition partition : records.partitions()) {
                    hand(partition, records.records(partition), publishing);
                    reading.pause(List.of(partition));
                }
                commitDone(reading, Duration.ZERO);
                throttle(reading);
                forgetOldDeliveries();
            }
            // Finish what is being checked, and commit it, before leaving the group.
            drain(reading, busy.keySet(), DRAIN);
        } catch (RuntimeException e) {
            log.error("Stream ingestion stopped ({})", e.getClass().getName(), e);
            running = false;
        } finally {
            busy.values().forEach(b -> b.wanted().set(false));
            close(reading, publishing);
        }
    }

    /** Gives one partition's records to a worker. */
    private void hand(
            TopicPartition partition,
            List<ConsumerRecord<String, byte[]>> records,
            KafkaProducer<String, String> publishing) {
        var wanted = new AtomicBoolean(true);
        inFlight.addAndGet(records.size());
        long next = records.getLast().offset() + 1;
        Future<?> work = java.util.Objects.requireNonNull(workers).submit(() -> {
            Optional<Long> committable = Optional.empty();
            try {
                if (publish(checks.check(records, wanted::get), publishing, wanted)) {
                    committable = Optional.of(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error(
                        "Checking records of {} failed ({})",
                        partition,
                        e.getClass().getName(),
                        e);
            } finally {
                done.add(new Done(partition, committable, records.size()));
            }
        });
        busy.put(partition, new Busy(work, wanted));
    }

    /**
     * Publishes the verdicts in the records' order and waits until the brokers acknowledge each
     * ({@code acks=all}); a send that failed after the producer's own retries is sent again.
     */
    private boolean publish(
            Optional<List<UploadChecks.Verdict>> verdicts,
            KafkaProducer<String, String> publishing,
            AtomicBoolean wanted)
            throws InterruptedException {
        if (verdicts.isEmpty()) {
            return false;
        }
        List<UploadChecks.Verdict> pending = verdicts.get();
        while (!pending.isEmpty() && wanted.get()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
            for (UploadChecks.Verdict verdict : pending) {
                sent.add(publishing.send(
                        new ProducerRecord<>(settings.verdictsTopic(), verdict.key(), verdict.value())));
            }
            List<UploadChecks.Verdict> failed = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.add(pending.get(i));
                }
            }
            if (!failed.isEmpty()) {
                log.warn("{} verdicts were not acknowledged by the brokers; sending them again", failed.size());
                Thread.sleep(1000);
            }
            pending = failed;
        }
        return pending.isEmpty();
    }

    /** Commits the offsets of the batches done (waiting up to {@code wait} for one) and resumes their partitions. */
    private void commitDone(KafkaConsumer<String, byte[]> reading, Duration wait) {
        List<Done> finished = new ArrayList<>();
        try {
            Done first = wait.isZero() ? done.poll() : done.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return;
            }
            finished.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        done.drainTo(finished);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Set<TopicPartition> resumable = new HashSet<>();
        for (Done d : finished) {
            busy.remove(d.partition());
            inFlight.addAndGet(-d.records());
            if (!assigned.contains(d.partition())) {
                continue;
            }
            if (d.nextOffset().isPresent()) {
                offsets.put(d.partition(), new OffsetAndMetadata(d.nextOffset().get()));
            } else {
                // Given up (the service is stopping): read again from the last committed offset.
                reading.seek(d.partition(), committedOrStart(reading, d.partition()));
            }
            resumable.add(d.partition());
        }
        if (!offsets.isEmpty()) {
            reading.commitSync(offsets);
        }
        if (inFlight.get() < settings.maxInFlight()) {
            reading.resume(resumable);
        }
    }

    private static long committedOrStart(KafkaConsumer<String, byte[]> reading, TopicPartition partition) {
        OffsetAndMetadata committed = reading.committed(Set.of(partition)).get(partition);
        if (committed != null) {
            return committed.offset();
        }
        return reading.beginningOffsets(List.of(partition)).getOrDefault(partition, 0L);
    }

    /**
     * Back-pressure: while more records than {@code maxInFlight} are being checked every partition is
     * paused; below it, every partition without a batch in flight reads again.
     */
    private void throttle(KafkaConsumer<String, byte[]> reading) {
        Set<TopicPartition> idle = new HashSet<>(reading.assignment());
        if (inFlight.get() >= settings.maxInFlight()) {
            reading.pause(idle);
            return;
        }
        idle.removeAll(busy.keySet());
        idle.retainAll(reading.paused());
        if (!idle.isEmpty()) {
            reading.resume(idle);
        }
    }

    /** Waits for the batches of these partitions, commits what they finished, and stops waiting after {@code limit}. */
    private void drain(KafkaConsumer<String, byte[]> reading, Collection<TopicPartition> partitions, Duration limit) {
        Set<TopicPartition> waitingFor = new HashSet<>(partitions);
        long deadline = System.nanoTime() + limit.toNanos();
        while (busy.keySet().stream().anyMatch(waitingFor::contains) && System.nanoTime() < deadline) {
            commitDone(reading, Duration.ofMillis(100));
        }
        for (TopicPartition partition : waitingFor) {
            Busy left = busy.get(partition);
            if (left != null) {
                // Its records are read again by whoever holds the partition next; the delivery names keep
                // them from being registered twice.
                left.wanted().set(false);
            }
        }
    }

    private void forgetOldDeliveries() {
        Instant now = clock.instant();
        if (now.isBefore(nextForget)) {
            return;
        }
        nextForget = now.plus(FORGET_EVERY);
        try {
            deliveries.forgetBefore(now.minus(settings.deduplicationWindow()));
        } catch (RuntimeException e) {
            log.warn(
                    "Forgetting old stream deliveries failed ({})", e.getClass().getName());
        }
    }

    private void close(KafkaConsumer<String, byte[]> reading, KafkaProducer<String, String> publishing) {
        ExecutorService pool = workers;
        if (pool != null) {
            pool.shutdownNow();
        }
        try {
            reading.close();
        } catch (RuntimeException e) {
            log.warn("Closing the uploads consumer failed ({})", e.getClass().getName());
        }
        publishing.close(Duration.ofSeconds(10));
        assigned = Set.of();
    }

    /** Commits what is finished before a partition goes to another replica. */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> reading;

        Rebalance(KafkaConsumer<String, byte[]> reading) {
            this.reading = reading;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drain(reading, partitions, DRAIN);
            Set<TopicPartition> kept = new HashSet<>(assigned);
            kept.removeAll(partitions);
            assigned = Set.copyOf(kept);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Set<TopicPartition> now = new HashSet<>(assigned);
            now.addAll(partitions);
            assigned = Set.copyOf(now);
            log.info("Stream ingestion reads {} partitions of {}", now.size(), settings.uploadsTopic());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                Busy left = busy.get(partition);
                if (left != null) {
                    left.wanted().set(false);
                }
            }
            Set<TopicPartition> kept = new HashSet<>(assigned);
            kept.removeAll(partitions);
            assigned = Set.copyOf(kept);
        }
    }

    private Properties consumerProperties() {
        var properties = common();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxPollRecords()));
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "redress-uploads");
        return properties;
    }

    private Properties producerProperties() {
        var properties = common();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "redress-verdicts");
        return properties;
    }

    /** The operator's client settings, then the brokers; the settings that make delivery safe come after. */
    private Properties common() {
        var properties = new Properties();
        properties.putAll(settings.client());
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, java.util.Objects.requireNonNull(settings.bootstrapServers()));
        return properties;
    }
}
