package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;

/**
 * Rule 2 of {@code docs/pdq.md}, end to end from the files: decoders differ, so the bar is at least
 * 95% exact hashes over the JPEG and PNG files and distance at most 10 wherever the reference
 * quality is 80 or more, for the plain and all dihedral hashes. The table of distances is written to
 * {@code target/pdq-file-conformance-<set>.tsv} and printed, per vector set (the bundled subset, and
 * the full set when configured).
 */
class PdqFileConformanceTests {

    /** One file: distance to the reference hash, worst dihedral distance, both qualities. */
    record Row(String path, int distance, int worstDihedral, int exactDihedral, int quality, int referenceQuality) {
        boolean jpegOrPng() {
            String lower = path.toLowerCase(Locale.ROOT);
            return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
        }
    }

    private static final Map<String, List<Row>> ROWS = new ConcurrentHashMap<>();

    static Stream<ReferenceVectors> vectorSets() {
        return ReferenceVectors.available().stream();
    }

    private static List<Row> rows(ReferenceVectors set) {
        return ROWS.computeIfAbsent(set.name(), name -> hashEveryImage(set));
    }

    private static List<Row> hashEveryImage(ReferenceVectors set) {
        var decoder = ImageIoDecoder.create(DecodeLimits.defaults());
        var hasher = PdqHasher.create();
        var rows = new ArrayList<Row>();
        var table = new StringBuilder("path\tdistance\tworst_dihedral\texact_dihedral\tquality\treference_quality\n");
        try {
            for (var vector : set.vectors()) {
                var image = set.image(vector);
                if (image.isEmpty()) {
                    continue;
                }
                var all = hasher.hash(decoder.decode(image.get()), EnumSet.allOf(Dihedral.class));
                var hashes = all.values().stream().map(Fingerprint::hash).toList();
                int worst = 0;
                int exact = 0;
                for (int i = 0; i < 8; i++) {
                    int d = hashes.get(i).distanceTo(vector.dihedral().get(i));
                    worst = Math.max(worst, d);
                    exact += d == 0 ? 1 : 0;
                }
                var row = new Row(
                        vector.path(),
                        hashes.get(0).distanceTo(vector.hash()),
                        worst,
                        exact,
                        all.get(Dihedral.ORIGINAL).quality().value(),
                        vector.quality());
                rows.add(row);
                table.append(String.join(
                                "\t",
                                row.path(),
                                "" + row.distance(),
                                "" + row.worstDihedral(),
                                row.exactDihedral() + "/8",
                                "" + row.quality(),
                                "" + row.referenceQuality()))
                        .append('\n');
            }
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/pdq-file-conformance-" + set.name() + ".tsv"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UndecodableImageException e) {
            throw new AssertionError("a reference image did not decode", e);
        }
        System.out.print(table);
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void coversEveryImageOfTheVectors(ReferenceVectors set) throws IOException {
        try (Stream<Path> files = Files.walk(set.images())) {
            assertThat(rows(set))
                    .hasSize((int) files.filter(Files::isRegularFile).count());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void hashesAtLeast95PercentOfJpegAndPngFilesExactly(ReferenceVectors set) {
        List<Row> jpegAndPng = rows(set).stream().filter(Row::jpegOrPng).toList();
        long exact = jpegAndPng.stream().filter(r -> r.distance() == 0).count();

        assertThat(jpegAndPng).hasSizeGreaterThanOrEqualTo(20);
        assertThat((double) exact / jpegAndPng.size()).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void derivesAtLeast95PercentOfJpegAndPngDihedralHashesExactly(ReferenceVectors set) {
        List<Row> jpegAndPng = rows(set).stream().filter(Row::jpegOrPng).toList();
        long exact = jpegAndPng.stream().mapToLong(Row::exactDihedral).sum();

        assertThat((double) exact / (8 * jpegAndPng.size())).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void staysWithinTenBitsWhereverTheReferenceQualityIsAtLeast80(ReferenceVectors set) {
        List<Row> trusted =
                rows(set).stream().filter(r -> r.referenceQuality() >= 80).toList();

        assertThat(trusted).isNotEmpty();
        assertThat(trusted).allSatisfy(r -> {
            assertThat(r.distance()).as(r.path()).isLessThanOrEqualTo(10);
            assertThat(r.worstDihedral()).as(r.path() + " dihedral").isLessThanOrEqualTo(10);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void agreesOnQualityWithinAFewPoints(ReferenceVectors set) {
        assertThat(rows(set))
                .allSatisfy(r -> assertThat(Math.abs(r.quality() - r.referenceQuality()))
                        .as(r.path())
                        .isLessThanOrEqualTo(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorSets")
    void coversTheFormatsAndShapesTheDecoderMustHandle(ReferenceVectors set) {
        List<String> paths = rows(set).stream().map(Row::path).toList();

        assertThat(paths)
                .as("CMYK JPEG, progressive JPEG, EXIF-rotated JPEG, tiny JPEG")
                .contains(
                        "misc-images/modes/CMYK.jpg",
                        "misc-images/small.jpg",
                        "reg-test-input/exif-rotn/exif-rotn-6.jpg",
                        "misc-images/wee.jpg");
        assertThat(paths)
                .as("palette, greyscale, 1-bit and alpha PNG, WebP")
                .contains(
                        "misc-images/modes/P.png",
                        "misc-images/modes/L.png",
                        "misc-images/modes/1.png",
                        "reg-test-input/pen-and-coaster.png",
                        "misc-images/modes/F.webp");
    }
}
