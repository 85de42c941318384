package org.redress.server.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.redress.server.identity.accounts.ApiKeyCache;
import org.redress.server.identity.accounts.ApiKeySecrets;
import org.redress.server.identity.accounts.ApiKeys;
import org.redress.server.identity.accounts.Passwords;
import org.redress.server.identity.accounts.StaffUsers;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts and API keys: creating, listing, revoking, authenticating. Every change publishes
 * an event that the audit log records in the same transaction.
 */
@Service
public class Identity {

    /** The account created on first start. */
    public static final String FIRST_ADMIN = "admin";

    private final StaffUsers users;
    private final ApiKeys keys;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApiKeyCache keyCache;

    Identity(
            StaffUsers users,
            ApiKeys keys,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            ApiKeyCache keyCache) {
        this.keyCache = keyCache;
        this.users = users;
        this.keys = keys;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a staff account with a one-time password (to be replaced at first sign-in) and, when
     * asked, a personal API key with the account's role.
     *
     * @throws RoleNotAllowedException for a machine role
     * @throws UsernameTakenException when the username exists
     */
    @Transactional
    public NewAccount createUser(Actor actor, Username username, Role role, boolean withApiKey) {
        if (!role.staff()) {
            throw new RoleNotAllowedException(role, "a staff account");
        }
        var now = SqlDialect.truncate(clock.instant());
        String password = Passwords.oneTime();
        var user = new StaffUser(UserId.random(), username, role, hashOf(password), true, true, now, 0);
        if (!users.insert(user)) {
            throw new UsernameTakenException();
        }
        events.publishEvent(new UserCreated(actor, user.id(), role));
        IssuedApiKey personal = withApiKey ? issue(actor, username.value() + " (personal)", role, user, now) : null;
        return new NewAccount(user, password, personal);
    }

    /**
     * Creates the {@value #FIRST_ADMIN} account when there is no account at all, so a fresh
     * installation can be signed into; does nothing otherwise.
     */
    @Transactional
    public Optional<NewAccount> createFirstAdminIfNoUsers() {
        if (users.any()) {
            return Optional.empty();
        }
        return Optional.of(createUser(new Actor.Operator("first-start"), new Username(FIRST_ADMIN), Role.ADMIN, false));
    }

    /**
     * Issues a machine key (role {@code PLATFORM} or {@code FLAGGER}).
     *
     * @throws RoleNotAllowedException for a staff role: staff keys belong to an account
     */
    @Transactional
    public IssuedApiKey issueApiKey(Actor actor, String name, Role role) {
        if (role.staff()) {
            throw new RoleNotAllowedException(role, "a machine API key");
        }
        return issue(actor, name.strip(), role, null, SqlDialect.truncate(clock.instant()));
    }

    private IssuedApiKey issue(
            Actor actor,
            String name,
            Role role,
            @org.jspecify.annotations.Nullable StaffUser owner,
            java.time.Instant now) {
        String secret = ApiKeySecrets.generate();
        var key = new ApiKey(
                ApiKeyId.random(),
                name,
                role,
                owner == null ? null : owner.id(),
                ApiKeySecrets.visiblePrefix(secret),
                now,
                null);
        keys.insert(key, ApiKeySecrets.hash(secret));
        events.publishEvent(new ApiKeyIssued(actor, key.id(), role));
        return new IssuedApiKey(key, secret);
    }

    /**
     * Revokes a key; requests carrying it are refused from then on. Revoking a revoked key changes nothing.
     *
     * @throws ApiKeyNotFoundException for an unknown id
     */
    @Transactional
    public ApiKey revokeApiKey(Actor actor, ApiKeyId id) {
        var unused = keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
        keyCache.invalidate();
        if (keys.revoke(id, SqlDialect.truncate(clock.instant()))) {
            events.publishEvent(new ApiKeyRevoked(actor, id));
        }
        return keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    }

    /**
     * The active key matching a presented secret, if any: not revoked, and, for a personal key,
     * owned by an account that is still enabled.
     */
    public Optional<ApiKey> authenticate(String presentedSecret) {
        if (!ApiKeySecrets.looksLikeKey(presentedSecret)) {
            return Optional.empty();
        }
        String secretHash = ApiKeySecrets.hash(presentedSecret);
        return keyCache.get(
                secretHash,
                () -> keys.findBySecretHash(secretHash)
                        .filter(ApiKey::active)
                        .filter(key -> key.ownerId()
                                .map(owner -> users.find(owner)
                                        .map(StaffUser::enabled)
                                        .orElse(false))
                                .orElse(true)));
    }

    /** The username of the staff member a personal key belongs to; empty for a machine key. */
    public Optional<Username> ownerOf(ApiKey key) {
        return key.ownerId().flatMap(users::find).map(StaffUser::username);
    }

    /**
     * Disables or enables an account. A disabled account cannot sign in and its personal keys are
     * refused; nothing is deleted, so the audit trail keeps pointing at it. Changing nothing
     * records nothing.
     *
     * @throws UserNotFoundException for an unknown username
     * @throws SelfLockoutException when a staff member tries to disable their own account
     */
    @Transactional
    public StaffUser setEnabled(Actor actor, Username username, boolean enabled) {
        keyCache.invalidate();
        var user = users.find(username).orElseThrow(UserNotFoundException::new);
        if (!enabled && actor instanceof Actor.Staff staff && staff.username().equals(username.value())) {
            throw new SelfLockoutException();
        }
        if (user.enabled() == enabled) {
            return user;
        }
        var changed = user.withEnabled(enabled);
        if (!users.save(changed)) {
            throw new OptimisticLockingFailureException("the account changed meanwhile");
        }
        events.publishEvent(new UserAccessChanged(actor, user.id(), enabled));
        return changed;
    }

    /**
     * Gives an account a new one-time password, to be replaced at the next sign-in.
     *
     * @throws UserNotFoundException for an unknown username
     */
    @Transactional
    public NewAccount resetPassword(Actor actor, Username username) {
        var user = users.find(username).orElseThrow(UserNotFoundException::new);
        String password = Passwords.oneTime();
        var changed = user.withPassword(hashOf(password), true);
        if (!users.save(changed)) {
            throw new OptimisticLockingFailureException("the account changed meanwhile");
        }
        events.publishEvent(new PasswordReset(actor, user.id()));
        return new NewAccount(changed, password, null);
    }

    /**
     * Replaces a password and clears the one-time flag, for an operator setting up an account (the
     * command line, tests). A person changing their own password goes through
     * {@link #changeOwnPassword}, which asks for the current one.
     *
     * @throws WeakPasswordException when the new password breaks a password rule
     */
    @Transactional
    public StaffUser changePassword(Actor actor, Username username, String newPassword) {
        var user = users.find(username).orElseThrow(UserNotFoundException::new);
        return replacePassword(actor, user, newPassword);
    }

    /**
     * A person's own change of password: the current password (or the one-time password they signed
     * in with) must be given, and the new one must differ from it. Every other session of the account
     * ends, because {@link SessionGuard} compares each session's credentials with the account's.
     *
     * @throws WrongPasswordException when the current password is not the account's
     * @throws WeakPasswordException when the new password breaks a password rule or equals the current one
     */
    @Transactional
    public StaffUser changeOwnPassword(Actor actor, Username username, String currentPassword, String newPassword) {
        var user = users.find(username).orElseThrow(UserNotFoundException::new);
        if (!passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new WrongPasswordException();
        }
        return replacePassword(actor, user, newPassword);
    }

    private StaffUser replacePassword(Actor actor, StaffUser user, String newPassword) {
        Passwords.check(newPassword, user.username());
        if (passwordEncoder.matches(newPassword, user.passwordHash())) {
            // A one-time password was seen by whoever reset it; it can never become the chosen one.
            throw new WeakPasswordException(Passwords.Weakness.UNCHANGED);
        }
        var changed = user.withPassword(hashOf(newPassword), false);
        if (!users.save(changed)) {
            throw new OptimisticLockingFailureException("the account changed meanwhile");
        }
        events.publishEvent(new PasswordChanged(actor, user.id()));
        return changed;
    }

    /**
     * The password hash of accounts that sign in only through the OpenID Connect provider: shaped
     * as a BCrypt hash that no password can match, so the sign-in form never opens them.
     */
    static final String PROVIDER_ONLY = "{bcrypt}provider-only:";

    /**
     * The account of a person the OpenID Connect provider vouched for. It is made at their first
     * sign-in (with the role the provider gave and no usable password), so an administrator can
     * disable it and the audit log names it. Empty when the account is disabled, or when the
     * username belongs to a local password account, which a provider's claim must never take over.
     */
    @Transactional
    public Optional<StaffUser> signInFromProvider(Username username, Role role) {
        if (!role.staff()) {
            throw new RoleNotAllowedException(role, "a staff account");
        }
        Optional<StaffUser> found = users.find(username);
        if (found.isPresent()) {
            StaffUser user = found.get();
            return user.enabled() && user.passwordHash().startsWith(PROVIDER_ONLY) ? found : Optional.empty();
        }
        var now = SqlDialect.truncate(clock.instant());
        var user = new StaffUser(
                UserId.random(), username, role, PROVIDER_ONLY + Passwords.oneTime(), false, true, now, 0);
        if (!users.insert(user)) {
            return Optional.empty();
        }
        events.publishEvent(new UserCreated(new Actor.Operator("oidc"), user.id(), role));
        return Optional.of(user);
    }

    public Optional<StaffUser> findUser(Username username) {
        return users.find(username);
    }

    public List<StaffUser> users() {
        return users.all();
    }

    public List<ApiKey> apiKeys() {
        return keys.all();
    }

    /** Spring's encoder may in principle answer null; a stored null hash would lock the account silently. */
    private String hashOf(String password) {
        return java.util.Objects.requireNonNull(passwordEncoder.encode(password), "password encoder returned no hash");
    }
}
