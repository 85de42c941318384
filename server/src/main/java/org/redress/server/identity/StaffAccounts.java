package org.redress.server.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads staff accounts for password sign-in. */
final class StaffAccounts implements UserDetailsService {

    /**
     * Held beside the role while a one-time password is in use; {@link PasswordExpiredRedirect}
     * then lets the holder reach only the password page.
     */
    static final String PASSWORD_EXPIRED = "PASSWORD_EXPIRED";

    private final Identity identity;

    StaffAccounts(Identity identity) {
        this.identity = identity;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Username name;
        try {
            name = Username.of(username);
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("no such account");
        }
        StaffUser user = identity.findUser(name).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(user.role().authority()));
        if (user.passwordExpired()) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_EXPIRED));
        }
        return User.withUsername(user.username().value())
                .password(user.passwordHash())
                .authorities(authorities)
                .disabled(!user.enabled())
                .build();
    }
}
