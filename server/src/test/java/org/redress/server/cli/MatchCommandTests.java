package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.pdq.PdqHash;

class MatchCommandTests {

    private static final String ONES = "f".repeat(64);
    private static final String ZERO = "0".repeat(64);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsPairsByQueryThenDistanceThenBankIndex() throws IOException {
        Path bank = write("bank.txt", ZERO.substring(1) + "7", ONES, ZERO.substring(1) + "1", ZERO);
        Path queries = write("queries.txt", ONES, ZERO);

        int status = run("--bank", bank.toString(), "--queries", queries.toString());

        assertThat(status).isZero();
        assertThat(out()).isEqualTo("0\t1\t0\n1\t3\t0\n1\t2\t1\n1\t0\t3\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void ignoresBlankLinesWhenNumbering() throws IOException {
        Path bank = write("bank.txt", "", ONES, "   ", "", ZERO);
        Path queries = write("queries.txt", "", "", ZERO);

        run("--bank", bank.toString(), "--queries", queries.toString(), "--max-distance", "0");

        assertThat(out()).isEqualTo("0\t1\t0\n");
    }

    @Test
    void namesTheFileAndLineOfAMalformedHashAndStillMatchesTheRest() throws IOException {
        Path bank = write("bank.txt", ONES, "", "not a hash", ZERO);
        Path queries = write("queries.txt", ZERO, ZERO.substring(2) + "xy");

        int status = run("--bank", bank.toString(), "--queries", queries.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out()).isEqualTo("0\t2\t0\n");
        assertThat(err()).contains(bank + ":3: ").contains(queries + ":2: ");
    }

    @Test
    void treatsARadiusOutsideZeroTo256AsAUsageError() throws IOException {
        Path bank = write("bank.txt", ZERO);

        for (String radius : List.of("-1", "257", "thirty")) {
            assertThat(run("--bank", bank.toString(), "--queries", bank.toString(), "--max-distance", radius))
                    .isEqualTo(2);
        }
        assertThat(run("--bank", bank.toString())).isEqualTo(2);
        assertThat(run("--bank", bank.toString(), "--queries", bank.toString(), "--max-distance", "256"))
                .isZero();
    }

    @Test
    void reportsTimingOnOneStandardErrorLine() throws IOException {
        Path bank = write("bank.txt", ZERO, ONES);

        run("--bank", bank.toString(), "--queries", bank.toString(), "--timing");

        assertThat(err()).matches("load_ms=\\d+ build_ms=\\d+ query_ms=\\d+ queries=2 pairs=2\\R");
    }

    @Test
    void findsExactlyWhatAFullComparisonFindsAtEveryRadius() throws IOException {
        var random = new Random(5);
        var bankHashes = new ArrayList<PdqHash>();
        for (int i = 0; i < 3000; i++) {
            PdqHash base = i % 3 == 0 || bankHashes.isEmpty()
                    ? random(random)
                    : flip(bankHashes.get(random.nextInt(bankHashes.size())), random.nextInt(40), random);
            bankHashes.add(base);
        }
        var queryHashes = new ArrayList<PdqHash>();
        for (int i = 0; i < 2500; i++) {
            queryHashes.add(flip(bankHashes.get(random.nextInt(bankHashes.size())), random.nextInt(50), random));
        }
        Path bank = write("bank.txt", bankHashes.stream().map(PdqHash::toHex).toArray(String[]::new));
        Path queries =
                write("queries.txt", queryHashes.stream().map(PdqHash::toHex).toArray(String[]::new));
        for (int radius : new int[] {0, 10, 31, 47, 90}) {
            out.reset();
            run("--bank", bank.toString(), "--queries", queries.toString(), "--max-distance", String.valueOf(radius));
            var expected = new StringBuilder();
            for (int q = 0; q < queryHashes.size(); q++) {
                var pairs = new ArrayList<long[]>();
                for (int b = 0; b < bankHashes.size(); b++) {
                    int d = queryHashes.get(q).distanceTo(bankHashes.get(b));
                    if (d <= radius) {
                        pairs.add(new long[] {d, b});
                    }
                }
                pairs.sort(java.util.Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
                for (long[] pair : pairs) {
                    expected.append(q)
                            .append('\t')
                            .append(pair[1])
                            .append('\t')
                            .append(pair[0])
                            .append('\n');
                }
            }
            assertThat(out()).as("radius %d", radius).isEqualTo(expected.toString());
        }
    }

    private int run(String... args) {
        var all = new ArrayList<String>();
        all.add("match");
        all.addAll(List.of(args));
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return RedressCommandLine.standard().run(all, outStream, errStream);
        }
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PdqHash random(Random random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(PdqHash hash, int flips, Random random) {
        long[] w = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(256);
            w[bit >>> 6] ^= 1L << (bit & 63);
        }
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }
}
