package org.redress.server.matching.stream;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.redress.server.matching.BatchCheck;
import org.redress.server.matching.CheckOutcome;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.web.JsonChecks;
import org.redress.server.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks of one partition's records, each read, checked, audited and registered as
 * {@code POST /api/v1/checks} would do it ({@link JsonChecks}, {@link Matching#checkAll}), and the
 * verdict record that answers each: {@code contentId} with the single route's answer ({@code verdict},
 * {@code matches}, ...), or {@code contentId} with the {@code problem} the route would answer a record
 * that is no valid check with. A check that could not be recorded is tried again until it is.
 */
final class UploadChecks {

    private static final Logger log = LoggerFactory.getLogger(UploadChecks.class);

    /** The audit log's actor for checks that came by the stream. */
    static final Actor ACTOR = new Actor.Operator("kafka");

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** A verdict record to publish: its key (the content id, when known) and its JSON value. */
    record Verdict(@Nullable String key, String value) {}

    private final Matching matching;
    private final JsonChecks reader;
    private final JsonMapper json;

    UploadChecks(Matching matching, JsonChecks reader, JsonMapper json) {
        this.matching = matching;
        this.reader = reader;
        // Problem documents are written with their extra members at the top, as the HTTP routes write them.
        this.json = json.rebuild()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }

    /**
     * Checks the records and returns their verdicts in the records' order, once every valid check is
     * recorded; empty when {@code wanted} turned false first (nothing is then to be committed).
     */
    Optional<List<Verdict>> check(List<ConsumerRecord<String, byte[]>> records, BooleanSupplier wanted)
            throws InterruptedException {
        List<@Nullable Object> answers = new ArrayList<>(records.size());
        List<@Nullable String> contentIds = new ArrayList<>(records.size());
        List<Integer> waiting = new ArrayList<>();
        List<BatchCheck> checks = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode node = parse(record.value());
            contentIds.add(contentId(record.key(), node));
            Object read = reader.read(node);
            if (read instanceof BatchCheck check) {
                waiting.add(answers.size());
                checks.add(check.delivered(deliveryName(record)));
                answers.add(null);
            } else {
                answers.add(read);
            }
        }
        Duration pause = FIRST_PAUSE;
        while (!checks.isEmpty()) {
            if (!wanted.getAsBoolean()) {
                return Optional.empty();
            }
            List<CheckOutcome> outcomes;
            try {
                outcomes = matching.checkAll(ACTOR, checks);
            } catch (MatchingUnavailableException e) {
                outcomes = List.of();
            }
            List<Integer> stillWaiting = new ArrayList<>();
            List<BatchCheck> again = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                if (i < outcomes.size() && outcomes.get(i) instanceof CheckOutcome.Checked checked) {
                    answers.set(waiting.get(i), JsonChecks.answer(checked));
                } else {
                    stillWaiting.add(waiting.get(i));
                    again.add(checks.get(i));
                }
            }
            if (!again.isEmpty()) {
                // Not recorded (the index is loading, the database is out of reach): nothing of these
                // checks is committed, so they are tried again, and the partition waits for them.
                log.warn(
                        "{} checks from the uploads topic were not recorded; trying again in {} ms",
                        again.size(),
                        pause.toMillis());
                Thread.sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
            waiting = stillWaiting;
            checks = again;
        }
        List<Verdict> verdicts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            verdicts.add(verdict(contentIds.get(i), java.util.Objects.requireNonNull(answers.get(i))));
        }
        return Optional.of(verdicts);
    }

    private Verdict verdict(@Nullable String contentId, Object answer) {
        ObjectNode value = json.createObjectNode();
        value.put("contentId", contentId);
        value.setAll((ObjectNode) json.valueToTree(answer));
        return new Verdict(contentId, json.writeValueAsString(value));
    }

    private @Nullable JsonNode parse(byte @Nullable [] value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The record's key, which the platform sets to the content id; else the check's own, if it has one. */
    private static @Nullable String contentId(@Nullable String key, @Nullable JsonNode node) {
        if (key != null) {
            return key;
        }
        JsonNode id = node == null ? null : node.get("contentId");
        if (id != null && id.isString()) {
            String text = id.asString();
            return text.length() <= 200 ? text : null;
        }
        return null;
    }

    /**
     * A record's stable name: where it is (topic, partition, offset), and the digest of its value, so
     * that a topic deleted and made again, whose offsets start over, does not pass for a redelivery.
     */
    static String deliveryName(ConsumerRecord<String, byte[]> record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(record.value());
            return "kafka:" + record.topic() + "/" + record.partition() + "/" + record.offset() + "/"
                    + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
