package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redress hash}: output format, order, bad files and usage errors. */
class HashCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void images() throws IOException {
        Files.createDirectories(dir.resolve("b/nested"));
        for (int i = 0; i < 12; i++) {
            write(dir.resolve(String.format("b/img-%02d.png", i)), i);
        }
        write(dir.resolve("b/nested/deep.png"), 99);
        write(dir.resolve("a.png"), 100);
        Files.writeString(dir.resolve("b/notes.txt"), "not an image");
    }

    @Test
    void printsOneTsvLinePerImageInSortedPathOrder() {
        int status = run("hash", dir.toString());

        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(14);
        assertThat(lines).allMatch(l -> l.matches("[0-9a-f]{64}\t\\d{1,3}\t.+"));
        assertThat(lines.stream().map(l -> l.split("\t")[2]).toList())
                .isSorted()
                .startsWith(dir.resolve("a.png").toString())
                .endsWith(dir.resolve("b/nested/deep.png").toString());
        assertThat(err())
                .isEqualTo(dir.resolve("b/notes.txt") + ": not an image in a supported format"
                        + " (JPEG, PNG, GIF, BMP, WebP, TIFF)\n");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void keepsTheOrderOfTheArgumentsAndExitsZeroWhenAllAreGood() {
        int status = run(
                "hash",
                dir.resolve("b/img-03.png").toString(),
                dir.resolve("a.png").toString());

        assertThat(out().lines().map(l -> l.split("\t")[2]).toList())
                .containsExactly(
                        dir.resolve("b/img-03.png").toString(),
                        dir.resolve("a.png").toString());
        assertThat(status).isZero();
    }

    @Test
    void printsEightDihedralHashesWhenAsked() {
        run("hash", "--dihedral", dir.resolve("a.png").toString());

        String first = out().lines().findFirst().orElseThrow().split("\t")[0];
        assertThat(first.split(",")).hasSize(8).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void printsJsonLinesWhenAsked() {
        run("hash", "--format", "json", dir.resolve("a.png").toString());

        assertThat(out().strip()).matches("\\{\"path\":\".*a\\.png\",\"pdq\":\"[0-9a-f]{64}\",\"quality\":\\d+}");
    }

    @Test
    void reportsAMissingPathAndGoesOn() {
        int status = run(
                "hash",
                dir.resolve("missing.png").toString(),
                dir.resolve("a.png").toString());

        assertThat(err()).contains("missing.png: no such file or directory");
        assertThat(out().lines()).hasSize(1);
        assertThat(status).isEqualTo(1);
    }

    @Test
    void treatsMalformedArgumentsAsUsageErrors() {
        assertThat(run("hash")).isEqualTo(2);
        assertThat(run("hash", "--format", "xml", "a.png")).isEqualTo(2);
        assertThat(run("hash", "--bogus", "a.png")).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(err()).contains("--format must be tsv or json").contains("unknown command 'no-such-command'");
    }

    private int run(String... args) {
        return RedressCommandLine.standard()
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

    private static void write(Path file, int seed) throws IOException {
        var image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                image.setRGB(x, y, ((x * seed) & 0xFF) << 16 | ((y * 3 + seed) & 0xFF) << 8 | ((x ^ y) & 0xFF));
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
