package org.redress.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sends a staff member who signed in with a one-time password to the password page until they pick one. */
final class PasswordExpiredRedirect extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean expired = caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> StaffAccounts.PASSWORD_EXPIRED.equals(a.getAuthority()));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (expired && !path.equals(PASSWORD_PAGE) && !path.equals("/signout") && !path.startsWith("/css/")
                && !path.equals("/error")) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
