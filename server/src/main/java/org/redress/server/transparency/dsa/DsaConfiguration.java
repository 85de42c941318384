package org.redress.server.transparency.dsa;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The DSA Transparency Database settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DsaSettings.class)
class DsaConfiguration {}
