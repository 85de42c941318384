package org.redress.server.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.PublicForm;
import org.redress.server.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Decides access from the {@link Allow} / {@link AllowAnyone} annotation of the controller method
 * that will handle the request. A handler without either is refused to everybody, so a new
 * endpoint is closed until someone states who may call it. A path no controller handles is open
 * to everybody, who then get the not-found page: a person looking for help who mistypes an address
 * must not land on a staff sign-in form.
 */
public final class EndpointRules implements AuthorizationManager<RequestAuthorizationContext> {

    /** What a handler declares. */
    public sealed interface Rule {
        record Anyone() implements Rule {}

        record Roles(List<Role> roles) implements Rule {}

        record Missing() implements Rule {}
    }

    private static final Logger log = LoggerFactory.getLogger(EndpointRules.class);

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;

    /**
     * What each handler method declares, read from its annotations once: scanning them on every
     * request took about 4 % of a JSON check's time on the server. Handlers are fixed at start-up.
     */
    private final Map<Handler, Declared> declared = new ConcurrentHashMap<>();

    /** A handler method as the controller that serves it: an inherited method may serve several. */
    private record Handler(Class<?> controller, Method method) {}

    /** A handler's access rule, and whether it is a {@link PublicForm}. */
    private record Declared(Rule rule, boolean publicForm) {}

    EndpointRules(ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    public static Rule ruleOf(HandlerMethod handler) {
        if (org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(handler.getBeanType())) {
            // The error page answers whoever met the error; it shows a status, never data.
            return new Rule.Anyone();
        }
        Allow allow = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allow.class);
        boolean anyone = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AllowAnyone.class);
        if (allow == null && !anyone) {
            allow = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allow.class);
            anyone = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AllowAnyone.class);
        }
        if (anyone) {
            return new Rule.Anyone();
        }
        return allow == null ? new Rule.Missing() : new Rule.Roles(List.of(allow.value()));
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends @Nullable Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        boolean signedIn =
                caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
        var handler = handlerFor(context.getRequest());
        if (handler.isEmpty()) {
            // Nothing is there: everybody gets the (public) not-found page, never a sign-in form.
            return new AuthorizationDecision(true);
        }
        return switch (declaredBy(handler.get()).rule()) {
            case Rule.Anyone a -> new AuthorizationDecision(true);
            case Rule.Roles r -> new AuthorizationDecision(signedIn && holdsAny(caller, r.roles()));
            case Rule.Missing m -> {
                log.warn(
                        "Refused a request to {}: the endpoint declares no access rule",
                        handler.get().getShortLogMessage());
                yield new AuthorizationDecision(false);
            }
        };
    }

    private static boolean holdsAny(@Nullable Authentication caller, List<Role> roles) {
        if (caller == null) {
            return false;
        }
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(
                        held -> roles.stream().anyMatch(role -> role.authority().equals(held)));
    }

    /** Whether this is a POST to a handler marked {@link PublicForm}, which needs no session. */
    boolean isPublicForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && handlerFor(request)
                        .map(handler -> declaredBy(handler).publicForm())
                        .orElse(false);
    }

    private Declared declaredBy(HandlerMethod handler) {
        return declared.computeIfAbsent(
                new Handler(handler.getBeanType(), handler.getMethod()),
                unused -> new Declared(
                        ruleOf(handler), AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicForm.class)));
    }

    private Optional<HandlerMethod> handlerFor(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = mapping.getObject().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method
                    ? Optional.of(method)
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        } finally {
            if (previous instanceof RequestPath path) {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, path);
            } else {
                request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            }
        }
    }
}
