package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerivedKeysTests {

    private static byte[] dataKey(int seed) {
        byte[] key = new byte[FieldCipher.KEY_BYTES];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void matchesTheFirstBlockOfRfc5869TestCaseOne() {
        var hex = HexFormat.of();
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);

        byte[] okm =
                DerivedKeys.hkdf(hex.parseHex("000102030405060708090a0b0c"), ikm, hex.parseHex("f0f1f2f3f4f5f6f7f8f9"));

        assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void givesEachPurposeItsOwnStableKeyUnlikeTheDataKey() {
        var keys = new DerivedKeys(dataKey(7));

        byte[] encryption = keys.derive("media.encryption.v1");
        byte[] naming = keys.derive("media.naming.v1");

        assertThat(encryption)
                .hasSize(32)
                .isEqualTo(new DerivedKeys(dataKey(7)).derive("media.encryption.v1"))
                .isNotEqualTo(naming)
                .isNotEqualTo(dataKey(7));
        assertThat(new DerivedKeys(dataKey(8)).derive("media.encryption.v1")).isNotEqualTo(encryption);
    }

    @Test
    void refusesAShortDataKeyAndABlankPurpose() {
        assertThatThrownBy(() -> new DerivedKeys(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DerivedKeys(dataKey(1)).derive(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
