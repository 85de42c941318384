package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.redress.server.identity.accounts.ApiKeySecrets;
import org.redress.server.identity.accounts.Passwords;
import org.redress.server.identity.security.SignInThrottle;

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

    @Test
    void slowsRepeatedFailuresFromOneAddressWithGrowingDelays() {
        var clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
            throttle.failed("Bob", "10.0.0.1");
        }
        assertThat(throttle.blocked("BOB", "10.0.0.1")).isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
        throttle.failed("bob", "10.0.0.1");
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.blocked("bob", "10.0.0.1"))
                .as("two seconds after the fourth failure")
                .isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
        assertThat(throttle.blocked("carol", "10.0.0.1")).isFalse();
    }

    @Test
    void letsTheOwnerSignInFromAnotherAddressWhileAGuesserIsSlowed() {
        var clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i < 15; i++) {
            throttle.failed("bob", "203.0.113.9");
        }

        assertThat(throttle.blocked("bob", "203.0.113.9")).isTrue();
        assertThat(throttle.blocked("bob", "198.51.100.7")).isFalse();
    }

    @Test
    void capsTheDelayAndForgetsAfterTheWindow() {
        assertThat(SignInThrottle.delayAfter(2, 3)).isZero();
        assertThat(SignInThrottle.delayAfter(3, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delayAfter(6, 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.delayAfter(40, 3)).isEqualTo(SignInThrottle.MAX_DELAY);
        var clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        var throttle = new SignInThrottle(clock);
        for (int i = 0; i < 30; i++) {
            throttle.failed("bob", "10.0.0.1");
        }
        clock.now = clock.now.plus(SignInThrottle.WINDOW);
        assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
    }

    @Test
    void slowsAnAddressThatTriesManyAccounts() {
        var throttle = new SignInThrottle(new MutableClock(Instant.parse("2026-12-01T00:00:00Z")));
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertThat(throttle.blocked("someone-new", "10.9.9.9")).isTrue();
        assertThat(throttle.blocked("someone-new", "10.9.9.8")).isFalse();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
