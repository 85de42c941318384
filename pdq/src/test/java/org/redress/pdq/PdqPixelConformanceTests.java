package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule 1 of {@code docs/pdq.md}: given the exact pixels the reference hashed, the hash, the quality
 * and all eight dihedral hashes are identical to the reference.
 */
class PdqPixelConformanceTests {

    private final PdqHasher hasher = PdqHasher.create();

    static Stream<ReferenceVectors.Vector> vectorsWithPixels() {
        return ReferenceVectors.all().stream()
                .filter(v -> Files.exists(ReferenceVectors.pixelFile(v.path())));
    }

    @Test
    void coversEveryPixelFileOfTheVectors() throws IOException {
        long pixelFiles;
        try (var files = Files.list(ReferenceVectors.root().resolve("pixels"))) {
            pixelFiles = files.count();
        }
        assertThat(vectorsWithPixels().count()).isEqualTo(pixelFiles).isEqualTo(43);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithPixels")
    void hashesReferencePixelsExactly(ReferenceVectors.Vector vector) throws IOException {
        var pixels = ReferenceVectors.readPnm(ReferenceVectors.pixelFile(vector.path()));

        var fingerprint = hasher.hash(pixels);

        assertThat(fingerprint.hash()).isEqualTo(vector.hash());
        assertThat(fingerprint.quality().value()).isEqualTo(vector.quality());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithPixels")
    void derivesAllEightDihedralHashesExactly(ReferenceVectors.Vector vector) throws IOException {
        var pixels = ReferenceVectors.readPnm(ReferenceVectors.pixelFile(vector.path()));

        var all = hasher.hash(pixels, EnumSet.allOf(Dihedral.class));

        List<PdqHash> inReferenceOrder = all.values().stream().map(Fingerprint::hash).toList();
        assertThat(inReferenceOrder).containsExactlyElementsOf(vector.dihedral());
    }
}
