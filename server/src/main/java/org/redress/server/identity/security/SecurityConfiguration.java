package org.redress.server.identity.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.storage.DerivedKeys;
import org.redress.server.storage.SqlDialect;
import org.redress.server.web.MachineApi;
import org.redress.server.web.OversizeUpload;
import org.redress.server.web.ProblemResponses;
import org.redress.server.web.ProblemTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two filter chains. The API chain ({@code /api/**}, {@code /actuator/**}, {@code /v3/api-docs})
 * is stateless, authenticates bearer API keys and answers in problem details; CSRF protection does
 * not apply because no cookie authenticates it. The page chain uses a session cookie, form sign-in
 * at {@code /signin}, sign-out at {@code /signout} and CSRF tokens (but for an import too large to
 * read, {@link OversizeImport}, and for public forms, which need no session and are checked by
 * {@link PublicFormOrigin} and their signed form token instead). Both decide access from the
 * handler's {@link Allow} annotation ({@link EndpointRules}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    EndpointRules endpointRules(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
        return new EndpointRules(mapping);
    }

    /**
     * Password sign-in for staff. Declared as the one {@code AuthenticationProvider} bean, which also
     * keeps Spring Boot from creating its default in-memory user; the page chain uses it through its
     * own {@link ProviderManager} without a parent, so nothing can authenticate around the throttle.
     */
    @Bean
    ThrottledSignIn throttledSignIn(Identity identity, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(new StaffAccounts(identity));
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledSignIn(passwords, throttle);
    }

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc, SqlDialect dialect, DerivedKeys keys, Clock clock) {
        return new SignInThrottle(jdbc, dialect, keys, clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, Identity identity, EndpointRules rules, ObjectProvider<MachineApi> machineApis)
            throws Exception {
        List<String> paths = new ArrayList<>(List.of("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"));
        machineApis.forEach(api -> paths.add(api.pathPattern()));
        http.securityMatcher(paths.toArray(String[]::new))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(identity), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ProblemResponses.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    ProblemTypes.UNAUTHENTICATED,
                                    "Authentication is required.");
                        })
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(
                                response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Your role may not do this.")))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers("/actuator/**")
                        .denyAll()
                        .anyRequest()
                        .access(rules));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http,
            ThrottledSignIn signIn,
            EndpointRules rules,
            Identity identity,
            ObjectProvider<OversizeUpload> oversizeUploads,
            ObjectProvider<ClientRegistrationRepository> providers,
            Environment settings,
            @Value("${redress.public-url:}") String publicUrl)
            throws Exception {
        if (providers.getIfAvailable() == null) {
            http.authenticationManager(new ProviderManager(signIn));
        } else {
            // Sign-in with the platform's OpenID Connect provider too; passwords still work.
            var provider = new ProviderSignIn(identity, settings);
            var idTokens = new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), provider);
            http.authenticationManager(new ProviderManager(signIn, idTokens))
                    .oauth2Login(login -> login.loginPage("/signin")
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(provider))
                            .successHandler(new SignInSuccess(identity))
                            .failureUrl("/signin?error"));
        }
        http.formLogin(form -> form.loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .successHandler(new SignInSuccess(identity))
                        .failureUrl("/signin?error"))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout"))
                .addFilterAfter(new SessionGuard(identity), UsernamePasswordAuthenticationFilter.class)
                // Public forms carry a signed form token instead of the session's (see PublicForm).
                .addFilterBefore(new PublicFormOrigin(rules, publicUrl), CsrfFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(
                        CsrfFilter.DEFAULT_CSRF_MATCHER,
                        new NegatedRequestMatcher(rules::isPublicForm),
                        new NegatedRequestMatcher(
                                new OversizeImport(oversizeUploads.stream().toList())))))
                // No page sends a Referer anywhere: status links carry their case's token, and
                // staff pages name cases.
                .headers(headers -> headers.contentSecurityPolicy(csp ->
                                csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/error")
                        .permitAll()
                        .anyRequest()
                        .access(rules));
        return http.build();
    }

    /**
     * Session cookies are marked {@code Secure} when the public URL is https, whatever the hop from
     * a proxy to the service uses; otherwise the container marks them so on secure requests only.
     */
    @Bean
    ServletContextInitializer secureSessionCookies(@Value("${redress.public-url:}") String publicUrl) {
        return context -> {
            if (publicUrl.toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
                context.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
