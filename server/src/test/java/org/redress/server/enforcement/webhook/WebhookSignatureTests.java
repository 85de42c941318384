package org.redress.server.enforcement.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redress.server.SignatureCheck;

/** The header the service signs with, checked the way a platform's receiver checks it. */
class WebhookSignatureTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] BODY = "{\"id\":\"x\",\"type\":\"content.remove\"}".getBytes(StandardCharsets.UTF_8);

    private static String sign(String secret, Instant at, byte[] body) {
        return WebhookSignature.header(secret.getBytes(StandardCharsets.UTF_8), at.getEpochSecond(), body);
    }

    @Test
    void verifiesWithTheSecretOverTheRawBody() {
        assertThat(SignatureCheck.verify(SECRET, sign(SECRET, NOW, BODY), BODY, NOW))
                .isTrue();
    }

    @Test
    void formatsTimestampAndLowercaseHexDigest() {
        assertThat(sign(SECRET, NOW, BODY)).matches("t=" + NOW.getEpochSecond() + ",v1=[0-9a-f]{64}");
    }

    @Test
    void failsForATamperedBody() {
        byte[] tampered = "{\"id\":\"x\",\"type\":\"content.restore\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(SignatureCheck.verify(SECRET, sign(SECRET, NOW, BODY), tampered, NOW))
                .isFalse();
    }

    @Test
    void failsForAWrongSecret() {
        assertThat(SignatureCheck.verify("another secret of thirty-two bytes!", sign(SECRET, NOW, BODY), BODY, NOW))
                .isFalse();
    }

    @Test
    void failsForAStaleOrShiftedTimestamp() {
        assertThat(SignatureCheck.verify(SECRET, sign(SECRET, NOW.minus(Duration.ofMinutes(6)), BODY), BODY, NOW))
                .isFalse();
        String header = sign(SECRET, NOW, BODY).replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1));
        assertThat(SignatureCheck.verify(SECRET, header, BODY, NOW)).isFalse();
    }

    @Test
    void failsWithoutAHeader() {
        assertThat(SignatureCheck.verify(SECRET, null, BODY, NOW)).isFalse();
        assertThat(SignatureCheck.verify(SECRET, "v1=00", BODY, NOW)).isFalse();
    }
}
