package org.redress.pdq.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.pdq.PdqHasher;

/**
 * Mutated files (flipped bytes, cut tails, spliced garbage) must either decode or be refused with
 * an {@link UndecodableImageException}: never another exception, never a hang. Seeded, so a
 * failure names a reproducible case.
 */
class ImageIoDecoderFuzzTests {

    private static final int MUTANTS = 300;

    private final ImageIoDecoder decoder = ImageIoDecoder.create(DecodeLimits.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void decodesOrRefusesEveryMutant(String format) throws IOException {
        byte[] original = ImageIoDecoderTests.encode(seedImage(format), format);
        var outcomes = new EnumMap<UndecodableImageException.Reason, Integer>(UndecodableImageException.Reason.class);
        int[] decoded = {0};

        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            var random = new Random(format.hashCode());
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutate(original, random);
                try {
                    PdqHasher.create().hash(decoder.decode(new ByteArrayInputStream(mutant)));
                    decoded[0]++;
                } catch (UndecodableImageException e) {
                    outcomes.merge(e.reason(), 1, Integer::sum);
                    assertThat(e.getMessage()).isNotBlank();
                } catch (RuntimeException | IOException | Error e) {
                    throw new AssertionError("mutant " + i + " of " + format + " escaped as " + e, e);
                }
            }
        });

        assertThat(decoded[0] + sum(outcomes)).isEqualTo(MUTANTS);
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
            case 2 -> {
                int at = random.nextInt(bytes.length);
                for (int i = at; i < Math.min(bytes.length, at + 1 + random.nextInt(64)); i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
            default -> {
                // Header fields are where decoders trust sizes: hit the first 64 bytes hard.
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(Math.min(64, bytes.length))] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }

    private static BufferedImage seedImage(String format) {
        BufferedImage rgb = ImageIoDecoderTests.rgb(48, 40);
        if (!format.equals("gif")) {
            return rgb;
        }
        var indexed = new BufferedImage(48, 40, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.getGraphics().drawImage(rgb, 0, 0, null);
        return indexed;
    }
}
