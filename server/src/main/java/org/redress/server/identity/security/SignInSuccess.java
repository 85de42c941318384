package org.redress.server.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.redress.server.identity.Identity;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.Username;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a sign-in, records in the new session which credentials it was opened with: a digest of the
 * account's password hash (BCrypt salts every hash, so any change or reset gives a new one). A
 * session whose record differs from the account's present one was signed in with old credentials,
 * and {@link SessionGuard} ends it.
 */
final class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String CREDENTIALS = SignInSuccess.class.getName() + ".credentials";

    private final Identity identity;

    SignInSuccess(Identity identity) {
        this.identity = identity;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        identity.findUser(Username.of(authentication.getName()))
                .ifPresent(account -> request.getSession().setAttribute(CREDENTIALS, digestOf(account)));
        super.onAuthenticationSuccess(request, response, authentication);
    }

    /**
     * Whether the session was signed in with the account's present password. A session that has no
     * record (opened before this check existed, or by a test's security context) is bound to the
     * present credentials from now on.
     */
    static boolean signedInWith(HttpSession session, StaffUser account) {
        Object recorded = session.getAttribute(CREDENTIALS);
        if (recorded == null) {
            session.setAttribute(CREDENTIALS, digestOf(account));
            return true;
        }
        return recorded.equals(digestOf(account));
    }

    private static String digestOf(StaffUser account) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(account.username().value().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(account.passwordHash().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
