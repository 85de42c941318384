package org.redress.server.matching.stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stream ingestion's settings, under {@code redress.kafka} ({@code REDRESS_KAFKA_BOOTSTRAP_SERVERS}
 * and so on in the environment). Ingestion is off unless the bootstrap servers are set.
 *
 * @param bootstrapServers the brokers, {@code host:port} separated by commas
 * @param uploadsTopic the topic whose records are checks, each value one JSON check
 * @param verdictsTopic the topic each check's verdict is published to, keyed by content id
 * @param groupId the consumer group: replicas with the same group share the uploads partitions
 * @param maxPollRecords records taken from the brokers per poll ({@code max.poll.records})
 * @param maxInFlight records being checked at once before every partition is paused
 * @param workers partitions checked at once, each by one thread
 * @param deduplicationWindow how long a delivery's name is kept to recognise a redelivery
 * @param client further Kafka client settings for the consumer and the producer (TLS, SASL)
 */
@Validated
@ConfigurationProperties("redress.kafka")
record KafkaSettings(
        @Nullable String bootstrapServers,
        @DefaultValue("redress.uploads") @NotBlank String uploadsTopic,
        @DefaultValue("redress.verdicts") @NotBlank String verdictsTopic,
        @DefaultValue("redress") @NotBlank String groupId,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxPollRecords,
        @DefaultValue("4000") @Min(1) @Max(1_000_000) int maxInFlight,
        @DefaultValue("4") @Min(1) @Max(64) int workers,
        @DefaultValue("P7D") @NotNull Duration deduplicationWindow,
        @DefaultValue Map<String, String> client) {}
