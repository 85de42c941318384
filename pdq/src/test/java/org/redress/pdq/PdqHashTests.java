package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the hash value type, checked on seeded random hashes. */
class PdqHashTests {

    private static final int TRIES = 2_000;

    static Stream<Long> seeds() {
        return Stream.of(1L, 42L, 20261130L);
    }

    static PdqHash random(Random random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripsThroughHexInEitherCase(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < TRIES; i++) {
            PdqHash hash = random(random);
            String hex = hash.toHex();
            assertThat(hex).hasSize(64).matches("[0-9a-f]{64}");
            assertThat(PdqHash.fromHex(hex)).isEqualTo(hash);
            assertThat(PdqHash.fromHex(hex.toUpperCase(java.util.Locale.ROOT))).isEqualTo(hash);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hexIsTheBigEndianFormOfTheBitsInPdqOrder(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            PdqHash hash = random(random);
            var asNumber = new BigInteger(hash.toHex(), 16);
            for (int k = 0; k < 256; k++) {
                assertThat(hash.bit(k)).isEqualTo(asNumber.testBit(k));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void distanceIsASymmetricMetricWithinZeroAnd256(long seed) {
        var random = new Random(seed);
        for (int i = 0; i < TRIES; i++) {
            PdqHash a = random(random);
            PdqHash b = random(random);
            PdqHash c = random(random);
            assertThat(a.distanceTo(a)).isZero();
            assertThat(a.distanceTo(b)).isEqualTo(b.distanceTo(a)).isBetween(0, 256);
            assertThat(a.distanceTo(c)).isLessThanOrEqualTo(a.distanceTo(b) + b.distanceTo(c));
        }
    }

    @Test
    void distanceCountsExactlyTheFlippedBits() {
        var random = new Random(7);
        for (int flips = 0; flips <= 256; flips++) {
            PdqHash original = random(random);
            long[] words = {original.w3(), original.w2(), original.w1(), original.w0()};
            var positions = new ArrayList<>(IntStream.range(0, 256).boxed().toList());
            Collections.shuffle(positions, random);
            for (int k : positions.subList(0, flips)) {
                words[k >>> 6] ^= 1L << (k & 63);
            }
            assertThat(PdqHash.fromBitWords(words).distanceTo(original)).isEqualTo(flips);
        }
    }

    @Test
    void fullAndEmptyHashesAreAsFarApartAsPossible() {
        PdqHash full = PdqHash.fromHex("f".repeat(64));
        assertThat(full.distanceTo(PdqHash.zero())).isEqualTo(256);
        assertThat(full.bitCount()).isEqualTo(256);
        assertThat(PdqHash.zero().toHex()).isEqualTo("0".repeat(64));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 65, 128})
    void rejectsAnyLengthButSixtyFour(int length) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PdqHash.fromHex("a".repeat(length)))
                .withMessageContaining("exactly 64 hex digits, got " + length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"g", " ", "+", "-", "x", "\u0663", "\uff10"})
    void rejectsNonHexCharactersNamingTheirPosition(String bad) {
        String hex = "0".repeat(17) + bad + "0".repeat(46);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PdqHash.fromHex(hex))
                .withMessageContaining("character 18 of 64");
    }

    @Test
    void rejectsOutOfRangeBitAndWordIndexes() {
        assertThatIllegalArgumentException().isThrownBy(() -> PdqHash.zero().bit(256));
        assertThatIllegalArgumentException().isThrownBy(() -> PdqHash.zero().bit(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> PdqHash.zero().word(4));
        assertThatIllegalArgumentException().isThrownBy(() -> PdqHash.fromBitWords(new long[3]));
    }

    @Test
    void printsAsHex() {
        String hex = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";
        assertThat(PdqHash.fromHex(hex)).hasToString(hex);
    }

    @Test
    void qualityAcceptsOnlyZeroToHundred() {
        assertThat(new Quality(0).meets(Quality.RECOMMENDED_FLOOR)).isFalse();
        assertThat(new Quality(50).meets(Quality.RECOMMENDED_FLOOR)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new Quality(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Quality(101));
    }
}
