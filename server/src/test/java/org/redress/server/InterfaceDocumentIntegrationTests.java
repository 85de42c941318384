package org.redress.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.identity.Allow;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docs/interface.md} is the contract integrators build on, so it must stay true: every route
 * its HTTP table lists is served, with exactly the roles the table names, and the OpenAPI document
 * describes the same routes and the multipart check's form fields as form fields.
 */
@ServiceTest
class InterfaceDocumentIntegrationTests {

    /** {@code | `POST /api/v1/reports` | who | contract |} */
    private static final Pattern ROUTE_ROW =
            Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)` \\| ([^|]*) \\|");

    private static final Pattern ROLE = Pattern.compile("`([A-Z_]+)`");

    /** One row of the HTTP table. */
    record DocumentedRoute(RequestMethod method, String path, boolean anyone, Set<Role> roles) {
        /** The path with every variable written as {@code {}}, so {@code {id}} and {@code {caseRef}} compare. */
        String shape() {
            return path.replaceAll("\\{[^}]*}", "{}");
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private List<DocumentedRoute> documented;

    @BeforeEach
    void readTheDocument() throws IOException {
        documented = documentedRoutes(
                Files.readString(Path.of(System.getProperty("redress.docs", "../docs"), "interface.md")));
    }

    static List<DocumentedRoute> documentedRoutes(String markdown) {
        var routes = new ArrayList<DocumentedRoute>();
        for (String line : markdown.lines().toList()) {
            Matcher row = ROUTE_ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            String who = row.group(3).strip();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Matcher role = ROLE.matcher(who);
            while (role.find()) {
                roles.add(Role.valueOf(role.group(1)));
            }
            routes.add(new DocumentedRoute(
                    RequestMethod.valueOf(row.group(1)),
                    row.group(2),
                    who.toLowerCase(Locale.ROOT).startsWith("anyone"),
                    roles));
        }
        return routes;
    }

    @Test
    void readsEveryRouteOfTheHttpTable() {
        assertThat(documented).hasSizeGreaterThanOrEqualTo(20);
        assertThat(documented)
                .allSatisfy(route -> assertThat(route.anyone() || !route.roles().isEmpty())
                        .as("%s %s names who may call it", route.method(), route.path())
                        .isTrue());
    }

    @Test
    void servesEveryDocumentedRouteWithExactlyTheDocumentedRoles() {
        List<String> wrong = new ArrayList<>();
        for (DocumentedRoute route : documented) {
            if (route.path().startsWith("/actuator/")) {
                continue;
            }
            List<HandlerMethod> handlers = handlersOf(route);
            if (handlers.isEmpty()) {
                wrong.add(route.method() + " " + route.path() + ": not served");
                continue;
            }
            for (HandlerMethod handler : handlers) {
                Allow allow = allowOf(handler);
                boolean anyone = handler.hasMethodAnnotation(AllowAnyone.class)
                        || allow == null && handler.getBeanType().isAnnotationPresent(AllowAnyone.class);
                Set<Role> roles = allow == null ? Set.of() : EnumSet.copyOf(Arrays.asList(allow.value()));
                if (anyone != route.anyone() || !anyone && !roles.equals(route.roles())) {
                    wrong.add(route.method() + " " + route.path() + ": documented "
                            + (route.anyone() ? "anyone" : route.roles()) + ", served for "
                            + (anyone ? "anyone" : roles));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void answersHealthAsDocumented() throws Exception {
        String body =
                mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();

        assertThat(JsonMapper.builder().build().readTree(body).path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void describesEveryDocumentedRouteInTheOpenApiDocument() throws Exception {
        JsonNode paths = openApi().path("paths");
        List<String> missing = new ArrayList<>();
        for (DocumentedRoute route : documented) {
            if (route.path().startsWith("/actuator/")) {
                continue;
            }
            JsonNode operation = operationOf(paths, route);
            if (operation.isMissingNode()) {
                missing.add(route.method() + " " + route.path());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void describesTheMultipartCheckFieldsAsFormFieldsNotQueryParameters() throws Exception {
        JsonNode check = openApi().path("paths").path("/api/v1/checks").path("post");

        List<String> queryParameters = new ArrayList<>();
        check.path("parameters").forEach(p -> queryParameters.add(p.path("name").asString()));
        assertThat(queryParameters).doesNotContain("contentId", "uploaderId");
        JsonNode form = check.path("requestBody")
                .path("content")
                .path("multipart/form-data")
                .path("schema");
        assertThat(form.path("properties").propertyNames()).contains("image", "contentId", "uploaderId");
        assertThat(check.path("requestBody").path("content").has("application/json"))
                .isTrue();
    }

    private JsonNode openApi() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    private static JsonNode operationOf(JsonNode paths, DocumentedRoute route) {
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (path.getKey().replaceAll("\\{[^}]*}", "{}").equals(route.shape())) {
                return path.getValue().path(route.method().name().toLowerCase(Locale.ROOT));
            }
        }
        return paths.path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
    }

    private List<HandlerMethod> handlersOf(DocumentedRoute route) {
        var handlers = new ArrayList<HandlerMethod>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> shapes = info.getPatternValues().stream()
                    .map(p -> p.replaceAll("\\{[^}]*}", "{}"))
                    .collect(Collectors.toSet());
            if ((methods.isEmpty() || methods.contains(route.method())) && shapes.contains(route.shape())) {
                handlers.add(entry.getValue());
            }
        }
        return handlers;
    }

    private static @Nullable Allow allowOf(HandlerMethod handler) {
        Allow own = handler.getMethodAnnotation(Allow.class);
        return own != null ? own : handler.getBeanType().getAnnotation(Allow.class);
    }
}
