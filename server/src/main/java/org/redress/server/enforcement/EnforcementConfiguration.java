package org.redress.server.enforcement;

import org.redress.server.enforcement.webhook.WebhookSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@link WebhookSettings} (refusing to start on an invalid one) and runs the dispatcher on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookSettings.class)
class EnforcementConfiguration {}
