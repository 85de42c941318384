package org.redress.server.matching;

import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.web.JsonBodyLimit;
import org.redress.server.web.MachineApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MatchingSettings.class)
class MatchingConfiguration {

    /** A JSON upload check holds a few hashes and ids: its body is capped far below other JSON. */
    @Bean
    JsonBodyLimit checkBodyLimit(@Value("${redress.matching.max-check-json-bytes:65536}") long maxBytes) {
        return new JsonBodyLimit("/api/v1/checks", maxBytes);
    }

    /**
     * A batch holds up to 1,000 checks of well under a kilobyte each (ids, a few hashes, at most
     * eight dihedral hashes): 2 MiB is room for a full batch with every member used.
     */
    @Bean
    JsonBodyLimit checkBatchBodyLimit(@Value("${redress.matching.max-check-batch-json-bytes:2097152}") long maxBytes) {
        return new JsonBodyLimit("/api/v1/checks/batch", maxBytes);
    }

    /** The HMA-compatible routes are for HMA clients: API keys, as under {@code /api}. */
    @Bean
    MachineApi hmaRoutes() {
        return new MachineApi("/hma/**");
    }

    /** DOWN until the banks are in memory: a replica must not answer checks from a partial index. */
    @Bean
    HealthIndicator matchingIndexHealth(MatchIndex index) {
        return () -> index.ready() ? Health.up().build() : Health.down().build();
    }
}
