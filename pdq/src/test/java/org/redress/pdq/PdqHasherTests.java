package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases and invariants of the hasher beyond the reference vectors. */
class PdqHasherTests {

    private final PdqHasher hasher = PdqHasher.create();

    @ParameterizedTest
    @CsvSource({"1, 1", "4, 4", "4, 500", "500, 4", "1, 1000", "1000, 1"})
    void hashesImagesUnderFivePixelsOnASideToZeroWithQualityZero(int width, int height) {
        var fingerprint = hasher.hash(Images.textured(width, height, 3));

        assertThat(fingerprint.hash()).isEqualTo(PdqHash.zero());
        assertThat(fingerprint.quality().value()).isZero();
    }

    @Test
    void hashesFiveByFiveImages() {
        var fingerprint = hasher.hash(Images.textured(5, 5, 3));

        assertThat(fingerprint.hash()).isNotEqualTo(PdqHash.zero());
    }

    @Test
    void givesFlatGreyQualityZero() {
        byte[] grey = new byte[300 * 200];
        java.util.Arrays.fill(grey, (byte) 128);

        var fingerprint = hasher.hash(GreyPixels.copyOf(300, 200, grey));

        assertThat(fingerprint.quality().value()).isZero();
    }

    @Test
    void givesTexturedImagesFullQuality() {
        assertThat(hasher.hash(Images.textured(640, 480, 11)).quality().value()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void hashesSixtyFourSquareImagesAsTheirOwnCells() {
        // At 64 x 64 the blur window is 1 and decimation picks every cell, so the shortcut must
        // give a proper hash: half the bits set, deterministic.
        var image = Images.textured(64, 64, 5);
        var fingerprint = hasher.hash(image);

        assertThat(fingerprint.hash().bitCount()).isEqualTo(128);
        assertThat(hasher.hash(image)).isEqualTo(fingerprint);
    }

    @Test
    void setsExactlyHalfTheBitsOnTexturedImages() {
        // Every coefficient above the lower median of 256 distinct values: exactly 128 ones.
        for (int seed = 0; seed < 20; seed++) {
            assertThat(hasher.hash(Images.textured(97 + seed, 131, seed)).hash().bitCount())
                    .isEqualTo(128);
        }
    }

    @Test
    void treatsGreyAsLumaDirectly() {
        int w = 120;
        int h = 90;
        byte[] grey = new byte[w * h];
        int[] rgb = new int[w * h];
        for (int i = 0; i < grey.length; i++) {
            int v = (i * 7 + (i / w) * 3) & 0xFF;
            grey[i] = (byte) v;
            rgb[i] = v << 16 | v << 8 | v;
        }

        var fromGrey = hasher.hash(GreyPixels.copyOf(w, h, grey));
        var fromRgb = hasher.hash(RgbPixels.copyOf(w, h, rgb));

        // The luma weights sum to almost, not exactly, 1: the hashes are near, not always equal.
        assertThat(fromGrey.hash().distanceTo(fromRgb.hash())).isLessThanOrEqualTo(4);
    }

    @Test
    void derivedVariantsMatchHashingTransformedPixels() {
        for (int seed = 0; seed < 5; seed++) {
            var image = Images.textured(300, 200, seed);
            var derived = hasher.hash(image, EnumSet.allOf(Dihedral.class));

            var rotated = hasher.hash(Images.rotateClockwise(image));
            var mirrored = hasher.hash(Images.mirrorLeftRight(image));

            // The blur window and the sampling grid are not symmetric (the extra element sits on
            // the right), so a transformed copy lands near its derived hash, within match distance.
            assertThat(rotated.hash()
                            .distanceTo(derived.get(Dihedral.ROTATE_270).hash()))
                    .isLessThanOrEqualTo(31);
            assertThat(mirrored.hash().distanceTo(derived.get(Dihedral.FLIP_Y).hash()))
                    .isLessThanOrEqualTo(31);
            assertThat(rotated.hash().distanceTo(derived.get(Dihedral.ORIGINAL).hash()))
                    .isGreaterThan(64);
        }
    }

    @Test
    void returnsTheRequestedVariantsOnly() {
        var some = hasher.hash(Images.textured(100, 100, 1), EnumSet.of(Dihedral.FLIP_X, Dihedral.ROTATE_180));

        assertThat(some.keySet()).containsExactly(Dihedral.ROTATE_180, Dihedral.FLIP_X);
        assertThat(hasher.hash(Images.textured(100, 100, 1), EnumSet.noneOf(Dihedral.class)))
                .isEmpty();
    }

    @Test
    void givesTheSameHashesFromManyThreadsAtOnce() throws Exception {
        List<RgbPixels> images = IntStream.range(0, 16)
                .mapToObj(i -> Images.textured(200 + i * 13, 150 + i * 7, i))
                .toList();
        List<Fingerprint> sequential = images.stream().map(hasher::hash).toList();

        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Fingerprint>> tasks = images.stream()
                    .<Callable<Fingerprint>>map(image -> () -> hasher.hash(image))
                    .toList();
            for (int round = 0; round < 5; round++) {
                List<Fingerprint> parallel =
                        pool.invokeAll(tasks).stream().map(PdqHasherTests::get).toList();
                assertThat(parallel).isEqualTo(sequential);
            }
        }
    }

    @Test
    void copiesThePixelsItIsGiven() {
        int[] rgb = new int[2500];
        java.util.Arrays.fill(rgb, 0x336699);
        var pixels = RgbPixels.copyOf(50, 50, rgb);
        rgb[0] = 0xFFFFFF;

        assertThat(pixels.rgbAt(0, 0)).isEqualTo(0x336699);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
