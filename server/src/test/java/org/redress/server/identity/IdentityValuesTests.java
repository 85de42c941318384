package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redress.server.identity.accounts.ApiKeySecrets;
import org.redress.server.identity.accounts.Passwords;

class IdentityValuesTests {

    @Test
    void parsesRoleNamesWhateverTheirCase() {
        assertThat(Role.parse("moderator")).isEqualTo(Role.MODERATOR);
        assertThat(Role.parse("Senior-Moderator")).isEqualTo(Role.SENIOR_MODERATOR);
        assertThat(Role.parse(" PLATFORM ")).isEqualTo(Role.PLATFORM);
        assertThatThrownBy(() -> Role.parse("root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moderator");
        assertThat(Role.staffRoles())
                .containsExactly(Role.ADMIN, Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE, Role.AUDITOR);
    }

    @Test
    void normalisesAndValidatesUsernames() {
        assertThat(Username.of(" Alice.B ").value()).isEqualTo("alice.b");
        assertThatThrownBy(() -> Username.of("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Username.of("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Username.of("-dash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Username.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsSecretsOutOfToString() {
        var now = Instant.parse("2026-12-01T00:00:00Z");
        var user = new StaffUser(
                UserId.random(), Username.of("bob"), Role.ADMIN, "{bcrypt}$2a$10$hash", true, true, now, 0);
        var key = new ApiKey(ApiKeyId.random(), "k", Role.ADMIN, user.id(), "rdk_abcdefgh", now, null);
        var issued = new IssuedApiKey(key, "rdk_TOPSECRET");
        var account = new NewAccount(user, "OneTimePassw0rd", issued);
        assertThat(user.toString()).doesNotContain("bcrypt").contains("bob");
        assertThat(issued.toString()).doesNotContain("TOPSECRET");
        assertThat(account.toString())
                .doesNotContain("TOPSECRET")
                .doesNotContain("OneTimePassw0rd")
                .doesNotContain("bcrypt");
    }

    @Test
    void generatesKeysThatLookLikeKeysAndHashThemStably() {
        String secret = ApiKeySecrets.generate();
        assertThat(ApiKeySecrets.looksLikeKey(secret)).isTrue();
        assertThat(ApiKeySecrets.looksLikeKey(secret.substring(1))).isFalse();
        assertThat(ApiKeySecrets.hash(secret))
                .isEqualTo(ApiKeySecrets.hash(secret))
                .hasSize(64)
                .isNotEqualTo(secret);
        assertThat(ApiKeySecrets.generate()).isNotEqualTo(secret);
        assertThat(Passwords.oneTime()).hasSize(20).doesNotContain("0", "O", "l", "1", "I");
    }
}
