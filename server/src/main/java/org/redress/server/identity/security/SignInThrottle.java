package org.redress.server.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.redress.server.storage.DerivedKeys;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slows down password guessing with growing delays instead of a lock that anyone could trigger.
 * Failures are counted per account and address together, per address, and per account across all
 * addresses; past a few free failures each further attempt waits twice as long as the one before
 * (one second, two, four... at most {@link #MAX_DELAY}), and an attempt made while waiting is refused
 * whether or not the password is right. So a guesser from one address is slowed to a crawl, while
 * the account's owner, signing in from another address, is not held up by them; only a spread of
 * many addresses against one account slows the account as a whole, and then only by seconds at
 * first. Counts are forgotten {@link #WINDOW} after the last failure.
 *
 * <p>The counts are kept in the database ({@code identity_sign_in_failure}), so every replica on
 * one database throttles alike and a restart forgets nothing. Each failure adds one to its three
 * counters with one atomic upsert each, so failures sent to two replicas at once are all counted.
 * Counters are stored under keyed digests (HMAC-SHA256 under a key derived from the data key):
 * the table holds neither usernames nor addresses.
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
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private record Failures(int count, Instant last) {}

    private static final String COUNT = """
            INSERT INTO identity_sign_in_failure (counter, failures, last_failed_at) VALUES (:counter, 1, :now)
            ON CONFLICT (counter) DO UPDATE SET
                failures = CASE WHEN identity_sign_in_failure.last_failed_at <= :forgotten THEN 1
                                ELSE identity_sign_in_failure.failures + 1 END,
                last_failed_at = :now
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final byte[] counterKey;
    private final Clock clock;
    private final AtomicLong prunedAt = new AtomicLong();

    public SignInThrottle(JdbcClient jdbc, SqlDialect dialect, DerivedKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.counterKey = keys.derive("identity.sign-in-throttle.v1");
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        Instant now = SqlDialect.truncate(clock.instant());
        String pair = counter(pairKey(username, address));
        String byAddress = counter(addressKey(address));
        String byAccount = counter(accountKey(username));
        Map<String, Failures> found = jdbc
                .sql("""
                        SELECT counter, failures, last_failed_at FROM identity_sign_in_failure
                         WHERE counter IN (:counters)
                        """)
                .param("counters", List.of(pair, byAddress, byAccount))
                .query((row, n) -> Map.entry(
                        row.getString("counter"),
                        new Failures(
                                row.getInt("failures"),
                                java.util.Objects.requireNonNull(dialect.instant(row, "last_failed_at")))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return waiting(found.get(pair), FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, now)
                || waiting(found.get(byAddress), FREE_FAILURES_PER_ADDRESS, now)
                || waiting(found.get(byAccount), FREE_FAILURES_PER_ACCOUNT, now);
    }

    public void failed(String username, String address) {
        Instant now = SqlDialect.truncate(clock.instant());
        pruneNowAndThen(now);
        for (String key : new String[] {pairKey(username, address), addressKey(address), accountKey(username)}) {
            jdbc.sql(COUNT)
                    .param("counter", counter(key))
                    .param("now", dialect.bind(now))
                    .param("forgotten", dialect.bind(now.minus(WINDOW)))
                    .update();
        }
    }

    public void succeeded(String username, String address) {
        jdbc.sql("DELETE FROM identity_sign_in_failure WHERE counter IN (:counters)")
                .param("counters", List.of(counter(pairKey(username, address)), counter(accountKey(username))))
                .update();
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

    private static boolean waiting(@org.jspecify.annotations.Nullable Failures f, int free, Instant now) {
        return f != null && !expired(f, now) && now.isBefore(f.last().plus(delayAfter(f.count(), free)));
    }

    /** Forgets counters whose last failure left the window, at most once a minute per replica. */
    private void pruneNowAndThen(Instant now) {
        long last = prunedAt.get();
        if (now.toEpochMilli() - last < PRUNE_EVERY.toMillis() || !prunedAt.compareAndSet(last, now.toEpochMilli())) {
            return;
        }
        jdbc.sql("DELETE FROM identity_sign_in_failure WHERE last_failed_at <= :forgotten")
                .param("forgotten", dialect.bind(now.minus(WINDOW)))
                .update();
    }

    /** The stored name of a counter: a keyed digest, so the table holds no username or address. */
    private String counter(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(counterKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
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
