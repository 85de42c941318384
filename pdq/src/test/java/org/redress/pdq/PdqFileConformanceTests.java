package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;

/**
 * Rule 2 of {@code docs/pdq.md}, end to end from the files: decoders differ, so the bar is at least
 * 95% exact hashes over the JPEG and PNG files and distance at most 10 wherever the reference
 * quality is 80 or more, for the plain and all dihedral hashes. The full table of distances is
 * written to {@code target/pdq-file-conformance.tsv} and printed.
 */
class PdqFileConformanceTests {

    /** One file: distance to the reference hash, worst dihedral distance, both qualities. */
    record Row(String path, int distance, int worstDihedral, int exactDihedral, int quality, int referenceQuality) {
        boolean jpegOrPng() {
            String lower = path.toLowerCase(Locale.ROOT);
            return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void hashEveryReferenceFile() throws IOException, UndecodableImageException {
        var decoder = ImageIoDecoder.create(DecodeLimits.defaults());
        var hasher = PdqHasher.create();
        Path images = ReferenceVectors.root().resolve("images");
        var table = new StringBuilder("path\tdistance\tworst_dihedral\texact_dihedral\tquality\treference_quality\n");
        for (var vector : ReferenceVectors.all()) {
            var all = hasher.hash(decoder.decode(images.resolve(vector.path())), EnumSet.allOf(Dihedral.class));
            var hashes = all.values().stream().map(Fingerprint::hash).toList();
            int worst = 0;
            int exact = 0;
            for (int i = 0; i < 8; i++) {
                int d = hashes.get(i).distanceTo(vector.dihedral().get(i));
                worst = Math.max(worst, d);
                exact += d == 0 ? 1 : 0;
            }
            var row = new Row(vector.path(), hashes.get(0).distanceTo(vector.hash()), worst, exact,
                    all.get(Dihedral.ORIGINAL).quality().value(), vector.quality());
            ROWS.add(row);
            table.append(String.join("\t", row.path(), "" + row.distance(), "" + row.worstDihedral(),
                    row.exactDihedral() + "/8", "" + row.quality(), "" + row.referenceQuality())).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/pdq-file-conformance.tsv"), table);
        System.out.print(table);
    }

    @Test
    void coversEveryImageOfTheVectors() throws IOException {
        try (Stream<Path> files = Files.walk(ReferenceVectors.root().resolve("images"))) {
            assertThat(ROWS).hasSize((int) files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void hashesAtLeast95PercentOfJpegAndPngFilesExactly() {
        List<Row> jpegAndPng = ROWS.stream().filter(Row::jpegOrPng).toList();
        long exact = jpegAndPng.stream().filter(r -> r.distance() == 0).count();

        assertThat(jpegAndPng).hasSizeGreaterThan(40);
        assertThat((double) exact / jpegAndPng.size()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void derivesAtLeast95PercentOfJpegAndPngDihedralHashesExactly() {
        List<Row> jpegAndPng = ROWS.stream().filter(Row::jpegOrPng).toList();
        long exact = jpegAndPng.stream().mapToLong(Row::exactDihedral).sum();

        assertThat((double) exact / (8 * jpegAndPng.size())).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void staysWithinTenBitsWhereverTheReferenceQualityIsAtLeast80() {
        List<Row> trusted = ROWS.stream().filter(r -> r.referenceQuality() >= 80).toList();

        assertThat(trusted).isNotEmpty();
        assertThat(trusted).allSatisfy(r -> {
            assertThat(r.distance()).as(r.path()).isLessThanOrEqualTo(10);
            assertThat(r.worstDihedral()).as(r.path() + " dihedral").isLessThanOrEqualTo(10);
        });
    }

    @Test
    void agreesOnQualityWithinAFewPoints() {
        assertThat(ROWS).allSatisfy(r ->
                assertThat(Math.abs(r.quality() - r.referenceQuality())).as(r.path()).isLessThanOrEqualTo(5));
    }
}
