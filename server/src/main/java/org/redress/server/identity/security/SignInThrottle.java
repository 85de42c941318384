package org.redress.server.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_ACCOUNT} failed sign-ins for one
 * username, or {@value #MAX_FAILURES_PER_ADDRESS} from one address, within {@link #WINDOW}, further
 * attempts are refused until the window has passed, whether or not the password is right. Kept in
 * memory: a restart forgets, which costs an attacker a restart they cannot cause.
 */
public final class SignInThrottle {

    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant firstAt) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        Instant now = clock.instant();
        return over(accountKey(username), MAX_FAILURES_PER_ACCOUNT, now) || over(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        failures.merge(accountKey(username), new Failures(1, now), (old, one) -> expired(old, now) ? one : new Failures(old.count() + 1, old.firstAt()));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> expired(old, now) ? one : new Failures(old.count() + 1, old.firstAt()));
    }

    void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private boolean over(String key, int limit, Instant now) {
        Failures f = failures.get(key);
        return f != null && !expired(f, now) && f.count() >= limit;
    }

    private static boolean expired(Failures f, Instant now) {
        return !now.isBefore(f.firstAt().plus(WINDOW));
    }

    private static String accountKey(String username) {
        return "u:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
