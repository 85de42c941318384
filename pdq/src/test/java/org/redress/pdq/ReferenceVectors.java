package org.redress.pdq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * PDQ reference vectors: reference hashes and the exact pixels the reference hashed.
 *
 * <p>The repository carries a subset ({@code src/test/resources/pdq-vectors}, see its NOTICE); the
 * full set of ThreatExchange's test photographs is an extra check that runs when the system property
 * {@code redress.pdq.full-vectors} names a folder that holds it. Pixel files are binary PNM, stored
 * gzip-compressed in the repository ({@code .pnm.gz}) and plain in the full set ({@code .pnm}).
 */
record ReferenceVectors(String name, Path root) {

    /** One row of {@code reference-hashes.tsv} joined with its dihedral row. */
    public record Vector(String path, PdqHash hash, int quality, List<PdqHash> dihedral) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** The subset that the repository carries. */
    public static ReferenceVectors bundled() {
        String configured = System.getProperty("redress.pdq.vectors");
        Path root = configured != null ? Path.of(configured) : Path.of("src/test/resources/pdq-vectors");
        if (!Files.isRegularFile(root.resolve("reference-hashes.tsv"))) {
            throw new IllegalStateException("the bundled PDQ test vectors are missing at " + root.toAbsolutePath());
        }
        return new ReferenceVectors("bundled", root);
    }

    /** The full set, when {@code redress.pdq.full-vectors} names a folder holding it. */
    public static Optional<ReferenceVectors> full() {
        String configured = System.getProperty("redress.pdq.full-vectors", "");
        if (configured.isBlank() || !Files.isRegularFile(Path.of(configured, "reference-hashes.tsv"))) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceVectors("full", Path.of(configured)));
    }

    /** The bundled subset, then the full set when it is present. */
    public static List<ReferenceVectors> available() {
        var sets = new ArrayList<ReferenceVectors>();
        sets.add(bundled());
        full().ifPresent(sets::add);
        return sets;
    }

    /** Every reference row, with its eight dihedral hashes. */
    public List<Vector> vectors() {
        try {
            var dihedral = new HashMap<String, List<PdqHash>>();
            for (String line : dataLines(root.resolve("reference-dihedral.tsv"))) {
                String[] f = line.split("\t", -1);
                dihedral.put(f[0], Arrays.stream(f, 1, 9).map(PdqHash::fromHex).toList());
            }
            var vectors = new ArrayList<Vector>();
            for (String line : dataLines(root.resolve("reference-hashes.tsv"))) {
                String[] f = line.split("\t", -1);
                vectors.add(new Vector(
                        f[0], PdqHash.fromHex(f[1]), Integer.parseInt(f[2]), dihedral.getOrDefault(f[0], List.of())));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photograph a row was computed from, when this set carries it. */
    public Optional<Path> image(Vector vector) {
        Path file = images().resolve(vector.path());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public Path images() {
        return root.resolve("images");
    }

    public Path pixelFolder() {
        return root.resolve("pixels");
    }

    /** The pixel file of a row (plain or gzip-compressed), when this set carries it. */
    public Optional<Path> pixelFile(Vector vector) {
        String base = vector.path().replace('/', '_') + ".pnm";
        for (String name : List.of(base, base + ".gz")) {
            Path file = pixelFolder().resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The row path a pixel file belongs to: the file name without its extensions, {@code _} as {@code /}. */
    public static String pixelFileName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.pnm(\\.gz)?$", "");
    }

    /** The bytes of a PNM file, decompressed when it is stored as {@code .pnm.gz}. */
    public static byte[] pnmBytes(Path file) throws IOException {
        if (!file.toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static List<String> dataLines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .toList();
    }

    /** Reads a binary PPM (P6) or PGM (P5) with 8-bit samples. */
    public static Pixels readPnm(Path file) throws IOException {
        byte[] bytes = pnmBytes(file);
        int[] pos = {0};
        String magic = token(bytes, pos);
        int width = Integer.parseInt(token(bytes, pos));
        int height = Integer.parseInt(token(bytes, pos));
        int max = Integer.parseInt(token(bytes, pos));
        if (max != 255) {
            throw new IOException("only 8-bit PNM is used by the vectors: " + file);
        }
        int start = pos[0] + 1;
        int n = width * height;
        return switch (magic) {
            case "P5" -> GreyPixels.copyOf(width, height, Arrays.copyOfRange(bytes, start, start + n));
            case "P6" -> {
                int[] rgb = new int[n];
                for (int i = 0; i < n; i++) {
                    int o = start + 3 * i;
                    rgb[i] = (bytes[o] & 0xFF) << 16 | (bytes[o + 1] & 0xFF) << 8 | (bytes[o + 2] & 0xFF);
                }
                yield RgbPixels.copyOf(width, height, rgb);
            }
            default -> throw new IOException("not a binary PPM or PGM: " + file);
        };
    }

    private static String token(byte[] bytes, int[] pos) {
        while (Character.isWhitespace(bytes[pos[0]])) {
            pos[0]++;
        }
        int start = pos[0];
        while (!Character.isWhitespace(bytes[pos[0]])) {
            pos[0]++;
        }
        return new String(bytes, start, pos[0] - start, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return name;
    }
}
