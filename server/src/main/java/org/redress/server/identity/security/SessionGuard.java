package org.redress.server.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.redress.server.identity.Identity;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.Username;
import org.redress.server.web.RequestPaths;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every page request. A session whose account was disabled (or
 * removed) ends at once, and so does a session signed in with credentials the account no longer has
 * (its password was changed or reset since: each session keeps a digest of the password hash it
 * signed in under, set by {@link SignInSuccess}). An account holding a one-time password (new, or
 * reset by an admin) may only open the password page until it picks a new one.
 */
final class SessionGuard extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    private final Identity identity;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    SessionGuard(Identity identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffUser> account = lookUp(caller.getName());
        if (account.isEmpty() || !account.get().enabled()) {
            logout.logout(request, response, caller);
            response.sendRedirect(request.getContextPath() + "/signin");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && !SignInSuccess.signedInWith(session, account.get())) {
            logout.logout(request, response, caller);
            response.sendRedirect(request.getContextPath() + "/signin?expired");
            return;
        }
        String path = RequestPaths.normalised(request);
        if (account.get().passwordExpired()
                && !path.equals(PASSWORD_PAGE)
                && !path.equals("/signout")
                && !path.startsWith("/css/")
                && !path.equals("/favicon.svg")
                && !path.equals("/error")) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<StaffUser> lookUp(String username) {
        try {
            return identity.findUser(Username.of(username));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
