package org.redress.server.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.ApiKeyId;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for the caller's identity and for administering accounts and keys. */
@RestController
@RequestMapping("/api/v1")
class IdentityApiController {

    record CallerView(String actorKind, String actorId, List<String> roles) {}

    record UserView(
            String id, String username, Role role, boolean passwordExpired, boolean enabled, Instant createdAt) {
        static UserView of(StaffUser user) {
            return new UserView(
                    user.id().toString(),
                    user.username().value(),
                    user.role(),
                    user.passwordExpired(),
                    user.enabled(),
                    user.createdAt());
        }
    }

    record CreateUserRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank String role,
            boolean apiKey) {}

    record CreatedUserView(
            UserView user, String oneTimePassword, @Nullable String apiKey) {
        @Override
        public String toString() {
            return "CreatedUserView[user=" + user + ", secrets=redacted]";
        }
    }

    record ApiKeyView(
            String id,
            String name,
            Role role,
            @Nullable String ownerUserId,
            String prefix,
            Instant createdAt,
            @Nullable Instant revokedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(
                    key.id().toString(),
                    key.name(),
                    key.role(),
                    key.ownerId().map(Object::toString).orElse(null),
                    key.prefix(),
                    key.createdAt(),
                    key.revoked().orElse(null));
        }
    }

    record CreateApiKeyRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String role) {}

    record CreatedApiKeyView(ApiKeyView key, String apiKey) {
        @Override
        public String toString() {
            return "CreatedApiKeyView[key=" + key + ", apiKey=redacted]";
        }
    }

    private final Identity identity;

    IdentityApiController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/me")
    @Allow({
        Role.ADMIN,
        Role.MODERATOR,
        Role.SENIOR_MODERATOR,
        Role.COMPLIANCE,
        Role.AUDITOR,
        Role.PLATFORM,
        Role.FLAGGER
    })
    CallerView me(Authentication caller) {
        Actor actor = Callers.actorOf(caller);
        return new CallerView(
                actor.kind(),
                actor.id(),
                caller.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .sorted()
                        .toList());
    }

    @GetMapping("/admin/users")
    @Allow(Role.ADMIN)
    List<UserView> users() {
        return identity.users().stream().map(UserView::of).toList();
    }

    @PostMapping("/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.ADMIN)
    CreatedUserView createUser(Authentication caller, @Valid @RequestBody CreateUserRequest request) {
        var account = identity.createUser(
                Callers.actorOf(caller), Username.of(request.username()), Role.parse(request.role()), request.apiKey());
        return new CreatedUserView(
                UserView.of(account.user()),
                account.oneTimePassword(),
                account.apiKey().map(key -> key.secret()).orElse(null));
    }

    @PostMapping("/admin/users/{username}/disable")
    @Allow(Role.ADMIN)
    UserView disableUser(Authentication caller, @PathVariable String username) {
        return UserView.of(identity.setEnabled(Callers.actorOf(caller), Username.of(username), false));
    }

    @PostMapping("/admin/users/{username}/enable")
    @Allow(Role.ADMIN)
    UserView enableUser(Authentication caller, @PathVariable String username) {
        return UserView.of(identity.setEnabled(Callers.actorOf(caller), Username.of(username), true));
    }

    @PostMapping("/admin/users/{username}/reset-password")
    @Allow(Role.ADMIN)
    CreatedUserView resetPassword(Authentication caller, @PathVariable String username) {
        var account = identity.resetPassword(Callers.actorOf(caller), Username.of(username));
        return new CreatedUserView(UserView.of(account.user()), account.oneTimePassword(), null);
    }

    @GetMapping("/admin/api-keys")
    @Allow(Role.ADMIN)
    List<ApiKeyView> apiKeys() {
        return identity.apiKeys().stream().map(ApiKeyView::of).toList();
    }

    @PostMapping("/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.ADMIN)
    CreatedApiKeyView createApiKey(Authentication caller, @Valid @RequestBody CreateApiKeyRequest request) {
        var issued = identity.issueApiKey(Callers.actorOf(caller), request.name(), Role.parse(request.role()));
        return new CreatedApiKeyView(ApiKeyView.of(issued.key()), issued.secret());
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    @Allow(Role.ADMIN)
    ApiKeyView revokeApiKey(Authentication caller, @PathVariable String id) {
        return ApiKeyView.of(identity.revokeApiKey(Callers.actorOf(caller), ApiKeyId.parse(id)));
    }
}
