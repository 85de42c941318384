package org.redress.pdq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The shared PDQ test vectors: reference hashes and the exact pixels the reference hashed. */
final class ReferenceVectors {

    /** One row of {@code reference-hashes.tsv} joined with its dihedral row. */
    record Vector(String path, PdqHash hash, int quality, List<PdqHash> dihedral) {}

    private ReferenceVectors() {}

    static Path root() {
        String configured = System.getProperty("redress.pdq.testdata");
        Path root = configured != null ? Path.of(configured) : Path.of("../../shared/testdata/pdq");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PDQ test vectors not found at " + root.toAbsolutePath());
        }
        return root;
    }

    static List<Vector> all() {
        try {
            var dihedral = new java.util.HashMap<String, List<PdqHash>>();
            for (String line : dataLines(root().resolve("reference-dihedral.tsv"))) {
                String[] f = line.split("\t");
                dihedral.put(f[0], Arrays.stream(f, 1, 9).map(PdqHash::fromHex).toList());
            }
            var vectors = new ArrayList<Vector>();
            for (String line : dataLines(root().resolve("reference-hashes.tsv"))) {
                String[] f = line.split("\t");
                vectors.add(new Vector(f[0], PdqHash.fromHex(f[1]), Integer.parseInt(f[2]),
                        dihedral.getOrDefault(f[0], List.of())));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path pixelFile(String path) {
        return root().resolve("pixels").resolve(path.replace('/', '_') + ".pnm");
    }

    private static List<String> dataLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).toList();
    }

    /** Reads a binary PPM (P6) or PGM (P5) with 8-bit samples. */
    static Pixels readPnm(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
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
        return new String(bytes, start, pos[0] - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
