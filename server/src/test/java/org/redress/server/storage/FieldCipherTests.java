package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static byte[] key(int fill) {
        byte[] key = new byte[FieldCipher.KEY_BYTES];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    private final FieldCipher cipher = new FieldCipher(key(7));

    @Test
    void decryptsWhatItEncrypted() {
        String sealed = cipher.encrypt("reporter@example.org", "intake_report.contact:1");
        assertThat(sealed).startsWith("v1:").doesNotContain("reporter");
        assertThat(cipher.decrypt(sealed, "intake_report.contact:1")).isEqualTo("reporter@example.org");
    }

    @Test
    void usesAFreshNonceEveryTime() {
        assertThat(cipher.encrypt("same", "c")).isNotEqualTo(cipher.encrypt("same", "c"));
    }

    @Test
    void rejectsAnotherContextAnotherKeyAndTampering() {
        String sealed = cipher.encrypt("secret", "row:1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "row:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new FieldCipher(key(8)).decrypt(sealed, "row:1"))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "row:1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        assertThatThrownBy(() -> new FieldCipher(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void generatesAKeyOnceAndPrefersTheConfiguredOne() throws Exception {
        var data = Files.createTempDirectory("redress-key-");
        byte[] first = DataKeys.load(null, data);
        assertThat(first).hasSize(32);
        assertThat(DataKeys.load("", data)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(data.resolve(DataKeys.FILE_NAME)))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String configured = Base64.getEncoder().encodeToString(key(9));
        assertThat(DataKeys.load(configured, data)).isEqualTo(key(9));
        assertThatThrownBy(() -> DataKeys.load("c2hvcnQ=", data)).isInstanceOf(IllegalStateException.class);
    }
}
