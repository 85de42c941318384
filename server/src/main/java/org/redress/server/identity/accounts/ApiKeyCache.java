package org.redress.server.identity.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.redress.server.identity.ApiKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers, for a few seconds, which active key a presented secret's hash belongs to, so that a
 * platform calling on every upload is not also a database lookup per call. Only successful
 * lookups are kept (random secrets cannot fill it), and the whole cache is dropped after any
 * revocation or account change commits, so such a change takes effect at once in this process and
 * within {@code redress.identity.api-key-cache-ttl} (10 seconds) on other replicas.
 */
@Component
public class ApiKeyCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, Instant until) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    ApiKeyCache(@Value("${redress.identity.api-key-cache-ttl:PT10S}") Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Optional<ApiKey> get(String secretHash, Supplier<Optional<ApiKey>> lookup) {
        Instant now = clock.instant();
        Entry cached = entries.get(secretHash);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.key());
        }
        Optional<ApiKey> found = lookup.get();
        if (found.isPresent() && !ttl.isZero()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(secretHash, new Entry(found.get(), now.plus(ttl)));
        } else {
            entries.remove(secretHash);
        }
        return found;
    }

    /**
     * Drops everything now and again when the current transaction commits, so no lookup racing the change survives it.
     */
    public void invalidate() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }
}
