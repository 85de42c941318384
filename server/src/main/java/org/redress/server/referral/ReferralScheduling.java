package org.redress.server.referral;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the referral sender on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReferralSettings.class)
class ReferralScheduling {

    private final ReferralSender sender;

    ReferralScheduling(ReferralSender sender) {
        this.sender = sender;
    }

    @Scheduled(
            fixedDelayString = "${redress.referral.send-interval:PT30S}",
            initialDelayString = "${redress.referral.send-interval:PT30S}")
    void send() {
        sender.run();
    }
}
