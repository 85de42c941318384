package org.redress.server.matching.exchange;

import java.time.Clock;
import java.util.Objects;
import org.redress.server.matching.Matching;
import org.redress.server.matching.banks.Entries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The exchange's parts, made only when {@code redress.stopncii.url} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StopNciiSettings.class)
class StopNciiConfiguration {

    @Bean
    @ConditionalOnProperty("redress.stopncii.url")
    StopNciiExchange stopNciiExchange(
            StopNciiSettings settings,
            ExchangeStates states,
            ExchangeFeedback feedback,
            Matching matching,
            Clock clock) {
        var client = new StopNciiClient(
                settings.endpoint().orElseThrow(),
                Objects.requireNonNull(settings.subscriptionKey()),
                Objects.requireNonNull(settings.functionsKey()),
                settings.feedbackKey(),
                settings.attempts(),
                settings.timeout());
        return new StopNciiExchange(settings, client, states, feedback, matching, clock);
    }

    @Bean
    @ConditionalOnProperty("redress.stopncii.url")
    FeedbackOwed stopNciiFeedbackOwed(
            ExchangeFeedback feedback, Entries entries, Matching matching, StopNciiSettings settings, Clock clock) {
        return new FeedbackOwed(feedback, entries, matching, settings, clock);
    }

    @Bean
    @ConditionalOnProperty("redress.stopncii.url")
    StopNciiSchedule stopNciiSchedule(StopNciiExchange exchange) {
        return new StopNciiSchedule(exchange);
    }

    /**
     * Fetches on a fixed pause after the previous fetch ended (a failed fetch is tried at the next),
     * and sends the feedback owed more often.
     */
    static final class StopNciiSchedule {

        private static final Logger log = LoggerFactory.getLogger(StopNciiSchedule.class);

        private final StopNciiExchange exchange;

        StopNciiSchedule(StopNciiExchange exchange) {
            this.exchange = exchange;
        }

        @Scheduled(
                fixedDelayString = "${redress.stopncii.feedback-interval:PT30S}",
                initialDelayString = "${redress.stopncii.first-fetch-delay:PT10S}")
        void sendFeedback() {
            try {
                exchange.sendFeedback();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("StopNCII feedback failed ({})", e.getClass().getName());
            }
        }

        @Scheduled(
                fixedDelayString = "${redress.stopncii.fetch-interval:PT15M}",
                initialDelayString = "${redress.stopncii.first-fetch-delay:PT10S}")
        void fetch() {
            try {
                exchange.fetch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("StopNCII fetch failed ({})", e.getClass().getName());
            }
        }
    }
}
