package org.redress.server.identity.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.ApiKeyId;

public interface ApiKeys {

    void insert(ApiKey key, String secretHash);

    Optional<ApiKey> find(ApiKeyId id);

    Optional<ApiKey> findBySecretHash(String secretHash);

    List<ApiKey> all();

    /** @return false when the key was revoked already */
    boolean revoke(ApiKeyId id, Instant at);
}
