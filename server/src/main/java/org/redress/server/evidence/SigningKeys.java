package org.redress.server.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Ed25519 key pair that signs bundle manifests, generated on first use and kept in
 * {@code evidence_signing_key}: the public half as its X.509 encoding, the private half as PKCS#8
 * sealed with the data key ({@link FieldCipher}) and bound to its row, so a copy of the database
 * alone cannot sign. The service and the command line share it; whichever generates first wins and
 * the other reads the winner's key.
 */
@Component
class SigningKeys {

    /** One key for now; the column leaves room for a rotation that keeps old exports checkable. */
    static final long CURRENT = 1;

    private static final String FIND = """
            SELECT id, public_key, private_key FROM evidence_signing_key WHERE id = :id
            """;

    private static final String INSERT = """
            INSERT INTO evidence_signing_key (id, public_key, private_key, created_at)
            VALUES (:id, :publicKey, :privateKey, :createdAt)
            ON CONFLICT (id) DO NOTHING
            """;

    /** The key in memory once read: it never changes under a running service. */
    record SigningKey(long id, KeyPair pair) {

        byte[] sign(byte[] message) {
            try {
                Signature signer = Signature.getInstance(EvidenceKeys.ALGORITHM);
                signer.initSign(pair.getPrivate());
                signer.update(message);
                return signer.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 signing failed", e);
            }
        }
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile @Nullable SigningKey loaded;

    SigningKeys(
            JdbcClient jdbc,
            SqlDialect dialect,
            FieldCipher cipher,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The current key, generated and stored in its own transaction the first time. */
    SigningKey current() {
        SigningKey key = loaded;
        if (key == null) {
            key = find().orElseGet(this::generate);
            loaded = key;
        }
        return key;
    }

    private SigningKey generate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(EvidenceKeys.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
        String sealed = cipher.encrypt(
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), privateKeyContext(CURRENT));
        transaction.executeWithoutResult(status -> jdbc.sql(INSERT)
                .param("id", CURRENT)
                .param(
                        "publicKey",
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                .param("privateKey", sealed)
                .param("createdAt", dialect.bind(SqlDialect.truncate(clock.instant())))
                .update());
        // Another process may have inserted first: its key is the one on record.
        return find().orElseThrow(() -> new IllegalStateException("the evidence signing key was not stored"));
    }

    private Optional<SigningKey> find() {
        return transaction.execute(status -> jdbc.sql(FIND)
                .param("id", CURRENT)
                .query((row, n) -> new SigningKey(
                        row.getLong("id"),
                        new KeyPair(
                                EvidenceKeys.fromDer(Base64.getDecoder().decode(row.getString("public_key"))),
                                privateKey(row.getLong("id"), row.getString("private_key")))))
                .optional());
    }

    private PrivateKey privateKey(long id, String sealed) {
        byte[] pkcs8 = Base64.getDecoder().decode(cipher.decrypt(sealed, privateKeyContext(id)));
        try {
            return KeyFactory.getInstance(EvidenceKeys.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored evidence signing key is not an Ed25519 private key", e);
        }
    }

    static String privateKeyContext(long id) {
        return "evidence_signing_key.private_key:" + id;
    }
}
