package org.redress.server.matching.stream;

import java.time.Clock;
import org.redress.server.matching.Matching;
import org.redress.server.matching.check.Deliveries;
import org.redress.server.matching.web.JsonChecks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Stream ingestion's one part, made only when {@code redress.kafka.bootstrap-servers} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
class KafkaIngestionConfiguration {

    @Bean
    @ConditionalOnProperty("redress.kafka.bootstrap-servers")
    KafkaIngestion kafkaIngestion(
            KafkaSettings settings,
            Matching matching,
            JsonChecks reader,
            Deliveries deliveries,
            JsonMapper json,
            Clock clock) {
        return new KafkaIngestion(settings, new UploadChecks(matching, reader, json), deliveries, clock);
    }
}
