package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.security.EndpointRules;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint with every role and anonymously. An endpoint without an access rule fails
 * the first test; a rule that the security chains do not enforce fails the second.
 */
@ServiceTest
class EndpointAccessIntegrationTests {

    /** @param publicForm a public page's form, which carries a signed form token instead of a session's */
    private record Endpoint(HttpMethod method, String path, Set<Role> allowed, boolean anyone, boolean publicForm) {
        Endpoint(HttpMethod method, String path, Set<Role> allowed, boolean anyone) {
            this(method, path, allowed, anyone, false);
        }
    }

    /** Endpoints served outside our controllers, with their rules from SecurityConfiguration. */
    private static final List<Endpoint> FRAMEWORK_ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/actuator/health", Set.of(), true),
            new Endpoint(HttpMethod.GET, "/v3/api-docs", Set.of(), true),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", EnumSet.of(Role.ADMIN, Role.AUDITOR), false));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void declaresAnAccessRuleOnEveryEndpoint() {
        var ours = ourHandlers();
        assertThat(ours).hasSizeGreaterThan(5);
        assertThat(ours)
                .allSatisfy(handler -> assertThat(EndpointRules.ruleOf(handler))
                        .as("access rule of %s", handler.getShortLogMessage())
                        .isNotInstanceOf(EndpointRules.Rule.Missing.class));
    }

    @Autowired
    Identity identity;

    @Autowired
    PublicForms publicForms;

    /** Page requests are re-checked against the stored account, so each staff role needs a real one. */
    @BeforeEach
    void createAnAccountPerStaffRole() {
        for (Role role : Role.staffRoles()) {
            var username = Username.of(matrixUser(role));
            if (identity.findUser(username).isEmpty()) {
                identity.createUser(new Actor.Operator("test"), username, role, false);
                identity.changePassword(new Actor.Operator("test"), username, "matrix password 1");
            }
        }
    }

    private static String matrixUser(Role role) {
        return "matrix-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Test
    void enforcesEveryRuleForEveryRoleAndForAnonymousCallers() throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                violations.addAll(check(endpoint, role));
                checked++;
            }
            violations.addAll(check(endpoint, null));
            checked++;
        }
        assertThat(checked).isGreaterThan(80);
        assertThat(violations).isEmpty();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(FRAMEWORK_ENDPOINTS);
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.redress.server")) {
                return;
            }
            var rule = EndpointRules.ruleOf(handler);
            Set<Role> allowed = rule instanceof EndpointRules.Rule.Roles roles
                    ? EnumSet.copyOf(roles.roles())
                    : EnumSet.noneOf(Role.class);
            for (String path : paths(info)) {
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    endpoints.add(
                            new Endpoint(HttpMethod.GET, path, allowed, rule instanceof EndpointRules.Rule.Anyone));
                }
                boolean publicForm = handler.hasMethodAnnotation(PublicForm.class);
                methods.forEach(m -> endpoints.add(new Endpoint(
                        HttpMethod.valueOf(m.name()),
                        path,
                        allowed,
                        rule instanceof EndpointRules.Rule.Anyone,
                        publicForm)));
            }
        });
        return endpoints;
    }

    private static List<String> paths(RequestMappingInfo info) {
        return info.getPatternValues().stream()
                .map(pattern -> pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"))
                .toList();
    }

    private List<String> check(Endpoint endpoint, @Nullable Role role) throws Exception {
        var request = request(endpoint.method(), endpoint.path()).with(csrf());
        if (endpoint.publicForm()) {
            request = request.param(PublicForms.FIELD, publicForms.issue());
        }
        if (role != null) {
            request = request.with(user(matrixUser(role)).roles(role.name()));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        boolean sentToSignIn = status == 302 && location != null && location.endsWith("/signin");
        boolean allowed =
                endpoint.anyone() || (role != null && endpoint.allowed().contains(role));
        // Machine roles only ever authenticate with API keys; a page session claiming one has no
        // account behind it, so the session guard signs it out before any rule applies.
        boolean machineOnPage = role != null
                && !role.staff()
                && !endpoint.path().startsWith("/api/")
                && !endpoint.path().startsWith("/actuator/")
                && !endpoint.path().startsWith("/v3/");
        if (machineOnPage && sentToSignIn) {
            return List.of();
        }
        String who = role == null ? "anonymous" : role.name();
        String what = endpoint.method() + " " + endpoint.path() + " as " + who + " gave " + status;
        if (allowed && (status == 401 || status == 403 || sentToSignIn)) {
            return List.of(what + " but should be allowed");
        }
        if (!allowed && role == null && !(status == 401 || sentToSignIn)) {
            return List.of(what + " but should ask for authentication");
        }
        if (!allowed && role != null && status != 403) {
            return List.of(what + " but should be forbidden");
        }
        return List.of();
    }

    private List<HandlerMethod> ourHandlers() {
        return mapping.getHandlerMethods().values().stream()
                .filter(handler -> handler.getBeanType().getPackageName().startsWith("org.redress.server"))
                .toList();
    }
}
