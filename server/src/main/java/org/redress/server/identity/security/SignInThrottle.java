package org.redress.server.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing with growing delays instead of a lock that anyone could trigger.
 * Failures are counted per account and address together, per address, and per account across all
 * addresses; past a few free failures each further attempt waits twice as long as the one before
 * (one second, two, four... at most {@link #MAX_DELAY}), and an attempt made while waiting is refused
 * whether or not the password is right. So a guesser from one address is slowed to a crawl, while
 * the account's owner, signing in from another address, is not held up by them; only a spread of
 * many addresses against one account slows the account as a whole, and then only by seconds at
 * first. Counts are forgotten {@link #WINDOW} after the last failure. Kept in memory: a restart
 * forgets, which costs an attacker a restart they cannot cause.
 */
public final class SignInThrottle {

    /** Failures of one account from one address before delays start. */
    public static final int FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 3;
    /** Failures from one address, over any accounts, before delays start. */
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    /** Failures of one account, over all addresses, before delays start. */
    public static final int FREE_FAILURES_PER_ACCOUNT = 50;

    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        Instant now = clock.instant();
        return waiting(pairKey(username, address), FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, now)
                || waiting(addressKey(address), FREE_FAILURES_PER_ADDRESS, now)
                || waiting(accountKey(username), FREE_FAILURES_PER_ACCOUNT, now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        for (String key : new String[] {pairKey(username, address), addressKey(address), accountKey(username)}) {
            failures.merge(
                    key,
                    new Failures(1, now),
                    (old, one) -> expired(old, now) ? one : new Failures(old.count() + 1, now));
        }
    }

    public void succeeded(String username, String address) {
        failures.remove(pairKey(username, address));
        failures.remove(accountKey(username));
    }

    /** How long an attempt must wait after the last failure, given the failures counted so far. */
    public static Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private boolean waiting(String key, int free, Instant now) {
        Failures f = failures.get(key);
        return f != null && !expired(f, now) && now.isBefore(f.last().plus(delayAfter(f.count(), free)));
    }

    private static boolean expired(Failures f, Instant now) {
        return !now.isBefore(f.last().plus(WINDOW));
    }

    private static String pairKey(String username, String address) {
        return "p:" + normal(username) + "\u0000" + address;
    }

    private static String accountKey(String username) {
        return "u:" + normal(username);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String normal(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
