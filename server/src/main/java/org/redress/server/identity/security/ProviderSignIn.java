package org.redress.server.identity.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.Username;
import org.springframework.core.env.Environment;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Staff sign-in through the platform's OpenID Connect provider. The provider's ID token (checked by
 * Spring Security: signature, issuer, audience, expiry, nonce) names the person in a username claim
 * and their roles in a roles claim; each configured claim value gives one Redress role, and a
 * person with none is refused. The person's account is made on their first sign-in, so that it can
 * be disabled and is named in the audit log.
 *
 * <p>Settings: {@code redress.oidc.username-claim} (default {@code preferred_username}),
 * {@code redress.oidc.roles-claim} (default {@code roles}, a string or a list of strings) and, per
 * role, {@code redress.oidc.roles.<role>} the claim value that grants it (default the role's name,
 * for example {@code senior-moderator}; compared without regard to case).
 */
final class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final Identity identity;
    private final String usernameClaim;
    private final String rolesClaim;
    private final Map<String, Role> roleByValue;

    ProviderSignIn(Identity identity, Environment settings) {
        this.identity = identity;
        this.usernameClaim = settings.getProperty("redress.oidc.username-claim", "preferred_username");
        this.rolesClaim = settings.getProperty("redress.oidc.roles-claim", "roles");
        var byValue = new java.util.LinkedHashMap<String, Role>();
        for (Role role : Role.staffRoles()) {
            String name = role.name().toLowerCase(Locale.ROOT).replace('_', '-');
            String value = settings.getProperty("redress.oidc.roles." + name, name);
            byValue.put(value.toLowerCase(Locale.ROOT), role);
        }
        this.roleByValue = Map.copyOf(byValue);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = provider.loadUser(request);
        Username username = username(vouched.getClaims().get(usernameClaim));
        List<Role> roles = roles(vouched.getClaims().get(rolesClaim));
        if (roles.isEmpty()) {
            throw refused("no Redress role in the provider's claims");
        }
        Optional<StaffUser> account = identity.signInFromProvider(username, roles.getFirst());
        if (account.isEmpty()) {
            throw refused("the account is disabled or signs in with a password");
        }
        var authorities = roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        var claims = new java.util.HashMap<String, Object>(vouched.getClaims());
        claims.put(usernameClaim, username.value());
        var token = new org.springframework.security.oauth2.core.oidc.OidcIdToken(
                vouched.getIdToken().getTokenValue(),
                vouched.getIdToken().getIssuedAt(),
                vouched.getIdToken().getExpiresAt(),
                claims);
        return new DefaultOidcUser(authorities, token, vouched.getUserInfo(), usernameClaim);
    }

    private static Username username(Object claim) {
        if (claim instanceof String text) {
            try {
                return Username.of(text.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw refused("the username claim is not a valid username");
            }
        }
        throw refused("the provider gave no username claim");
    }

    /** The Redress roles the claim grants, in the order of {@link Role}, without repeats. */
    private List<Role> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        List<Role> granted = new ArrayList<>();
        for (Object value : values) {
            Role role = roleByValue.get(String.valueOf(value).toLowerCase(Locale.ROOT));
            if (role != null && !granted.contains(role)) {
                granted.add(role);
            }
        }
        granted.sort(java.util.Comparator.naturalOrder());
        return granted;
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null));
    }
}
