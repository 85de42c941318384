package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.shared.Actor;
import org.springframework.security.crypto.password.PasswordEncoder;

class IdentityIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("admin");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void createsAnAccountWithAHashedOneTimePassword(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            var account = identity.createUser(ADMIN, Username.of("Mod.One"), Role.MODERATOR, true);

            var stored = identity.findUser(Username.of("mod.one")).orElseThrow();
            assertThat(stored.role()).isEqualTo(Role.MODERATOR);
            assertThat(stored.passwordExpired()).isTrue();
            assertThat(stored.passwordHash())
                    .doesNotContain(account.oneTimePassword())
                    .startsWith("{bcrypt}");
            assertThat(context.getBean(PasswordEncoder.class).matches(account.oneTimePassword(), stored.passwordHash()))
                    .isTrue();
            var personal = account.apiKey().orElseThrow();
            assertThat(identity.authenticate(personal.secret()))
                    .get()
                    .extracting(ApiKey::role)
                    .isEqualTo(Role.MODERATOR);
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void rejectsATakenUsernameWhateverItsCase(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            identity.createUser(ADMIN, Username.of("alice"), Role.AUDITOR, false);
            assertThatThrownBy(() -> identity.createUser(ADMIN, Username.of("ALICE"), Role.ADMIN, false))
                    .isInstanceOf(UsernameTakenException.class);
            assertThat(identity.users()).hasSize(1);
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void acceptsAnIssuedKeyUntilItIsRevoked(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            var issued = identity.issueApiKey(ADMIN, "Acme uploads", Role.PLATFORM);
            assertThat(identity.authenticate(issued.secret()))
                    .get()
                    .extracting(ApiKey::id)
                    .isEqualTo(issued.key().id());
            assertThat(identity.authenticate(issued.secret() + "x")).isEmpty();
            assertThat(identity.authenticate("rdk_" + "A".repeat(43))).isEmpty();

            var revoked = identity.revokeApiKey(ADMIN, issued.key().id());
            assertThat(revoked.active()).isFalse();
            assertThat(identity.authenticate(issued.secret())).isEmpty();
            identity.revokeApiKey(ADMIN, issued.key().id());
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsRolesApartForAccountsAndMachineKeys(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            assertThatThrownBy(() -> identity.issueApiKey(ADMIN, "sneaky", Role.ADMIN))
                    .isInstanceOf(RoleNotAllowedException.class);
            assertThatThrownBy(() -> identity.createUser(ADMIN, Username.of("robot"), Role.PLATFORM, false))
                    .isInstanceOf(RoleNotAllowedException.class);
            assertThat(identity.apiKeys()).isEmpty();
            assertThat(identity.users()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void createsTheFirstAdminOnlyOnAnEmptyDatabase(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            var first = identity.createFirstAdminIfNoUsers();
            assertThat(first).get().extracting(account -> account.user().role()).isEqualTo(Role.ADMIN);
            assertThat(identity.createFirstAdminIfNoUsers()).isEmpty();

            identity.changePassword(new Actor.Staff("admin"), Username.of("admin"), "a much longer secret");
            var admin = identity.findUser(Username.of("admin")).orElseThrow();
            assertThat(admin.passwordExpired()).isFalse();
            assertThat(admin.version()).isEqualTo(1);
            assertThatThrownBy(() -> identity.changePassword(new Actor.Staff("admin"), Username.of("admin"), "short"))
                    .isInstanceOf(WeakPasswordException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesPersonalKeysOfDisabledAccountsUntilEnabledAgain(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            var account = identity.createUser(ADMIN, Username.of("leaver"), Role.COMPLIANCE, true);
            String secret = account.apiKey().orElseThrow().secret();

            assertThat(identity.setEnabled(ADMIN, Username.of("leaver"), false).enabled())
                    .isFalse();
            assertThat(identity.authenticate(secret)).isEmpty();
            identity.setEnabled(ADMIN, Username.of("leaver"), false);
            assertThat(identity.setEnabled(ADMIN, Username.of("leaver"), true).enabled())
                    .isTrue();
            assertThat(identity.authenticate(secret)).isPresent();

            assertThatThrownBy(() -> identity.setEnabled(new Actor.Staff("leaver"), Username.of("leaver"), false))
                    .isInstanceOf(SelfLockoutException.class);
            assertThatThrownBy(() -> identity.setEnabled(ADMIN, Username.of("nobody"), false))
                    .isInstanceOf(UserNotFoundException.class);
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(4));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void resetsAPasswordToANewOneTimePassword(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var identity = context.getBean(Identity.class);
            var encoder = context.getBean(PasswordEncoder.class);
            identity.createUser(ADMIN, Username.of("forgetful"), Role.MODERATOR, false);
            identity.changePassword(ADMIN, Username.of("forgetful"), "the chosen password");

            var reset = identity.resetPassword(ADMIN, Username.of("forgetful"));
            var stored = identity.findUser(Username.of("forgetful")).orElseThrow();
            assertThat(stored.passwordExpired()).isTrue();
            assertThat(encoder.matches(reset.oneTimePassword(), stored.passwordHash()))
                    .isTrue();
            assertThat(encoder.matches("the chosen password", stored.passwordHash()))
                    .isFalse();
            assertThat(context.getBean(AuditTrail.class).verify()).isEqualTo(new ChainVerification.Intact(3));
        }
    }
}
