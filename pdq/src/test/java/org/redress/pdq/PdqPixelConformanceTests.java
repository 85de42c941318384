package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule 1 of {@code docs/pdq.md}: given the exact pixels the reference hashed, the hash, the quality
 * and all eight dihedral hashes are identical to the reference. Runs on the bundled vectors, and on
 * the full set as well when it is configured.
 */
class PdqPixelConformanceTests {

    private final PdqHasher hasher = PdqHasher.create();

    static Stream<ReferenceVectors> vectorSets() {
        return ReferenceVectors.available().stream();
    }

    static Stream<Arguments> vectorsWithPixels() {
        return vectorSets()
                .flatMap(set -> set.vectors().stream()
                        .flatMap(v -> set.pixelFile(v).stream().map(file -> Arguments.of(set, v, file))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void hasAReferenceRowForEveryPixelFile(ReferenceVectors set) throws IOException {
        List<String> rows =
                set.vectors().stream().map(v -> v.path().replace('/', '_')).toList();
        List<Path> pixelFiles;
        try (var files = Files.list(set.pixelFolder())) {
            pixelFiles = files.toList();
        }

        assertThat(pixelFiles).hasSizeGreaterThanOrEqualTo(12);
        assertThat(pixelFiles).allSatisfy(file -> assertThat(rows).contains(ReferenceVectors.pixelFileName(file)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectorsWithPixels")
    void hashesReferencePixelsExactly(ReferenceVectors set, ReferenceVectors.Vector vector, Path file)
            throws IOException {
        var pixels = ReferenceVectors.readPnm(file);

        var fingerprint = hasher.hash(pixels);

        assertThat(fingerprint.hash()).isEqualTo(vector.hash());
        assertThat(fingerprint.quality().value()).isEqualTo(vector.quality());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectorsWithPixels")
    void derivesAllEightDihedralHashesExactly(ReferenceVectors set, ReferenceVectors.Vector vector, Path file)
            throws IOException {
        var pixels = ReferenceVectors.readPnm(file);

        var all = hasher.hash(pixels, EnumSet.allOf(Dihedral.class));

        List<PdqHash> inReferenceOrder =
                all.values().stream().map(Fingerprint::hash).toList();
        assertThat(inReferenceOrder).containsExactlyElementsOf(vector.dihedral());
    }
}
