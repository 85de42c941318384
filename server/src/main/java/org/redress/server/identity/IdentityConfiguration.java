package org.redress.server.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans identity needs with or without a web server (the CLI creates accounts too). */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** BCrypt by default; the {@code {id}} prefix lets stored hashes move to Argon2id later without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
