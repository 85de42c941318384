package org.redress.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redress bench}: dispatch, the shared argument rules, and short runs of each measurement. */
class BenchmarksCommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void listsEveryBenchmarkOnHelp() {
        assertThat(run("--help")).isZero();

        assertThat(out())
                .contains("usage: redress bench <command> [options]")
                .contains("  jmh ")
                .contains("  hash ")
                .contains("  match ")
                .contains("  checks ")
                .contains("  recall ");
    }

    @Test
    void measuresRecallPerAlterationAndPipelineOnPhotographsOfDifferentScenes() throws IOException {
        for (int i = 0; i < 2; i++) {
            var image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 120; y++) {
                for (int x = 0; x < 160; x++) {
                    int r = (int) (128 + 100 * Math.sin(x / (4.0 + 9 * i)));
                    int g = (int) (128 + 100 * Math.cos(y / (6.0 + 5 * i) + x / 17.0));
                    image.setRGB(x, y, r << 16 | g << 8 | ((x * (i + 2) + y) & 0xFF));
                }
            }
            ImageIO.write(image, "png", dir.resolve("scene-" + i + ".png").toFile());
        }

        int status = run("recall", dir.toString(), "--bank", "1000");

        assertThat(status).as(err()).isZero();
        String table = out();
        assertThat(table).startsWith("photographs=2 alterations=20 max_distance=31");
        // A frame is found in the copy's own pixels: the unframed query finds every bordered copy.
        assertThat(table.lines().filter(line -> line.startsWith("border-10px-black")))
                .singleElement()
                .satisfies(line -> assertThat(line.trim().split(" +")).containsSubsequence("100%", "100%"));
        // A tenth cut from one side is found by the entry's edge windows, built, and by no earlier design.
        assertThat(table.lines().filter(line -> line.startsWith("crop-bottom-10%")))
                .singleElement()
                .satisfies(line -> assertThat(line.trim()).endsWith("100%"));
        assertThat(table).contains("unrelated false matches").contains("random bank per million");
    }

    @Test
    void refusesRecallWithFewerThanTwoPhotographs() throws IOException {
        ImageIO.write(
                new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("one.png").toFile());

        assertThat(run("recall", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("at least two decodable photographs");
    }

    @Test
    void measuresHashingOverADirectoryOfImages() throws IOException {
        for (int i = 0; i < 3; i++) {
            var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    image.setRGB(x, y, (x * (i + 3)) << 16 | (y * 5) << 8 | (x ^ y));
                }
            }
            ImageIO.write(image, "png", dir.resolve("img-" + i + ".png").toFile());
        }

        int status = run("hash", dir.toString(), "--seconds=0.02", "--rounds", "1");

        assertThat(status).as(err()).isZero();
        assertThat(out())
                .startsWith("images=3 ")
                .contains("decode+hash       1 core : ")
                .contains("hash alone        1 core : ");
    }

    @Test
    void measuresBothIndexesOnEachSize() {
        int status = run("match", "--sizes", "500", "--sizes=1000", "--seconds", "0.02", "--rounds", "1");

        assertThat(status).as(err()).isZero();
        assertThat(out()).contains("size=500 ").contains("size=1000 ").contains("ratio multi/linear");
    }

    @Test
    void refusesMalformedArgumentsByTheSharedRules() {
        assertThat(run("hash")).isEqualTo(2);
        assertThat(run("hash", dir.toString(), "--rounds", "0")).isEqualTo(2);
        assertThat(run("match", "--sizes", "10,x")).isEqualTo(2);
        assertThat(run("match", "--radius")).isEqualTo(2);
        assertThat(run("checks", "--rate", "5", "--bogus")).isEqualTo(2);
        assertThat(run("jmh", "-f", "not-a-number")).isEqualTo(2);
        assertThat(run("no-such-benchmark")).isEqualTo(2);

        assertThat(err())
                .contains("redress bench hash: missing DIR")
                .contains("redress bench hash: --rounds must be an integer from 1 to 1000, not '0'")
                .contains("redress bench match: --sizes must be an integer from 1 to ")
                .contains("redress bench match: --radius needs a value")
                .contains("redress bench checks: unknown option --bogus")
                .contains("redress bench jmh: ")
                .contains("redress bench: unknown command 'no-such-benchmark'");
    }

    @Test
    void carriesTheJmhBenchmarksOfHashingAndTheIndex() throws IOException {
        String list;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertThat(in).as("JMH's generated list").isNotNull();
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(list)
                .contains("PdqHashingBenchmark_original_jmhTest")
                .contains("PdqHashingBenchmark_allEightDihedral_jmhTest")
                .contains("IndexSearchBenchmark_hit_jmhTest")
                .contains("IndexSearchBenchmark_miss_jmhTest");
    }

    private int run(String... args) {
        return BenchmarksCommandLine.standard(Map.of())
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
