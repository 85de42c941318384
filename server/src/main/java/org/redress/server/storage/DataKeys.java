package org.redress.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the data key: {@code REDRESS_DATA_KEY} (32 random bytes, base64) when set, otherwise a key
 * generated once into {@code <data>/data-key}. A generated key sits next to the data it protects,
 * which is fine on a laptop and wrong in production; startup says so every time.
 */
final class DataKeys {

    static final String FILE_NAME = "data-key";

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

    private DataKeys() {}

    static byte[] load(@Nullable String configured, Path dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "REDRESS_DATA_KEY");
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            byte[] key =
                    decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            log.warn(
                    "REDRESS_DATA_KEY is not set: personal fields are encrypted with the generated key in {}. "
                            + "Production must supply REDRESS_DATA_KEY (32 random bytes, base64) from a secret store "
                            + "and keep it away from the database and its backups.",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[FieldCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process (the CLI beside the server) won the race; use its key
        }
        Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the data key from " + source + " is not base64");
        }
        if (key.length != FieldCipher.KEY_BYTES) {
            throw new IllegalStateException(
                    "the data key from " + source + " must be " + FieldCipher.KEY_BYTES + " bytes, got " + key.length);
        }
        return key;
    }
}
