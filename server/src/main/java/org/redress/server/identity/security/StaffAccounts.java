package org.redress.server.identity.security;

import java.util.ArrayList;
import java.util.List;
import org.redress.server.identity.Identity;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.Username;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Loads staff accounts for password sign-in; {@link SessionGuard} handles one-time passwords afterwards. */
final class StaffAccounts implements UserDetailsService {

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
        return User.withUsername(user.username().value())
                .password(user.passwordHash())
                .authorities(authorities)
                .disabled(!user.enabled())
                .build();
    }
}
