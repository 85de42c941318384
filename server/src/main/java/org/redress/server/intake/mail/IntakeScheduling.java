package org.redress.server.intake.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs intake's outbox dispatcher on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntakeScheduling {}
