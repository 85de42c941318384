package org.redress.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTests {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00.123Z");

    private static final AuditChain CHAIN = new AuditChain(new byte[32]);

    private static String hash(long seq, String actorId, String action, String prev) {
        return CHAIN.hash(seq, AT, "STAFF", actorId, action, "identity_user", "42", prev);
    }

    @Test
    void hashesTheSameEntryTheSameWay() {
        assertThat(hash(1, "alice", "user.created", AuditChain.GENESIS))
                .isEqualTo(hash(1, "alice", "user.created", AuditChain.GENESIS))
                .hasSize(67)
                .matches("k1:[0-9a-f]{64}");
    }

    @Test
    void changesWithEveryField() {
        String base = hash(1, "alice", "user.created", AuditChain.GENESIS);
        assertThat(hash(2, "alice", "user.created", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(hash(1, "alicf", "user.created", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(hash(1, "alice", "user.created!", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(hash(1, "alice", "user.created", "1" + AuditChain.GENESIS.substring(1)))
                .isNotEqualTo(base);
        assertThat(CHAIN.hash(
                        1,
                        AT.plusMillis(1),
                        "STAFF",
                        "alice",
                        "user.created",
                        "identity_user",
                        "42",
                        AuditChain.GENESIS))
                .isNotEqualTo(base);
    }

    @Test
    void doesNotConfuseFieldBoundaries() {
        assertThat(CHAIN.hash(1, AT, "STAFF", "ab", "c", "t", "1", AuditChain.GENESIS))
                .isNotEqualTo(CHAIN.hash(1, AT, "STAFF", "a", "bc", "t", "1", AuditChain.GENESIS));
        assertThat(CHAIN.hash(1, AT, "STAFF", "a\n1:b", "c", "t", "1", AuditChain.GENESIS))
                .isNotEqualTo(CHAIN.hash(1, AT, "STAFF", "a", "b\n1:c", "t", "1", AuditChain.GENESIS));
    }

    @Test
    void matchesThePublishedFormat() {
        String expectedText =
                "16:redress-audit-v2\n1:1\n24:2026-12-01T00:00:00.123Z\n5:STAFF\n5:alice\n12:user.created\n"
                        + "13:identity_user\n2:42\n64:" + AuditChain.GENESIS + "\n";
        byte[] mac = AuditChain.hmac(new byte[32], expectedText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(hash(1, "alice", "user.created", AuditChain.GENESIS))
                .isEqualTo("k1:" + java.util.HexFormat.of().formatHex(mac));
    }

    @Test
    void stillVerifiesEntriesAnEarlierReleaseWroteUnkeyed() throws Exception {
        String text = "16:redress-audit-v1\n1:1\n24:2026-12-01T00:00:00.123Z\n5:STAFF\n5:alice\n12:user.created\n"
                + "13:identity_user\n2:42\n64:" + AuditChain.GENESIS + "\n";
        String plain = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var entry = new AuditEntry(
                1, AT, "STAFF", "alice", "user.created", "identity_user", "42", AuditChain.GENESIS, plain);

        assertThat(AuditChain.isKeyed(entry)).isFalse();
        assertThat(CHAIN.matches(entry)).isTrue();
        assertThat(CHAIN.matches(new AuditEntry(
                        1, AT, "STAFF", "mallory", "user.created", "identity_user", "42", AuditChain.GENESIS, plain)))
                .isFalse();
    }

    @Test
    void dependsOnTheKeySoThatNobodyWithoutItCanRecomputeTheChain() {
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new AuditChain(other)
                        .hash(1, AT, "STAFF", "alice", "user.created", "identity_user", "42", AuditChain.GENESIS))
                .isNotEqualTo(hash(1, "alice", "user.created", AuditChain.GENESIS));
    }
}
