package org.redress.server.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.server.media.MediaDamagedException;
import org.redress.server.media.MediaId;
import org.redress.server.media.MediaImages;

class BlobFilesTests {

    private static final int RUN = 16;

    @TempDir
    Path root;

    private BlobFiles files() {
        byte[] encryption = new byte[32];
        byte[] naming = new byte[32];
        Arrays.fill(encryption, (byte) 1);
        Arrays.fill(naming, (byte) 2);
        return new BlobFiles(root, encryption, naming);
    }

    private final byte[] image = MediaImages.png(MediaImages.detailed(1, 200, 150));

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /** Whether any run of {@value #RUN} bytes of {@code original}, taken every 64 bytes, occurs in {@code haystack}. */
    private static boolean containsARunOf(byte[] original, byte[] haystack) {
        for (int start = 0; start + RUN <= original.length; start += 64) {
            byte[] run = Arrays.copyOfRange(original, start, start + RUN);
            for (int i = 0; i + RUN <= haystack.length; i++) {
                if (haystack[i] == run[0] && Arrays.equals(haystack, i, i + RUN, run, 0, RUN)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void writesNoPlaintextToDisk() throws Exception {
        var files = files();
        MediaId id = files.idOf(image);

        files.write(id, image);

        byte[] onDisk = Files.readAllBytes(files.pathOf(id));
        assertThat(containsARunOf(image, image))
                .as("the search finds plaintext where there is some")
                .isTrue();
        assertThat(containsARunOf(image, onDisk))
                .as("a run of the image's bytes in the stored file")
                .isFalse();
        assertThat(onDisk).hasSize(1 + BlobFiles.NONCE_BYTES + image.length + BlobFiles.TAG_BYTES);
        assertThat(onDisk[0]).isEqualTo(BlobFiles.VERSION);
        assertThat(files.read(id)).hasValueSatisfying(clear -> assertThat(clear).isEqualTo(image));
    }

    @Test
    void namesFilesByAKeyedHmacNotAPlainDigest() throws Exception {
        var files = files();
        MediaId id = files.idOf(image);
        files.write(id, image);

        String sha256 = hex("SHA-256", image);
        String md5 = hex("MD5", image);
        Path stored = storedFiles().getFirst();

        assertThat(storedFiles()).hasSize(1);
        assertThat(root.relativize(stored).toString())
                .isEqualTo(id.value().substring(0, 2) + "/" + id.value().substring(2, 4) + "/" + id.value())
                .doesNotContain(sha256)
                .doesNotContain(sha256.substring(0, 16))
                .doesNotContain(md5);
        assertThat(id.value()).isNotEqualTo(sha256);
        assertThat(files.idOf(image.clone())).isEqualTo(id);
        byte[] otherNamingKey = new byte[32];
        assertThat(new BlobFiles(root, new byte[32], otherNamingKey).idOf(image))
                .isNotEqualTo(id);
    }

    @Test
    void refusesAnAlteredFileWithAClearError() throws Exception {
        var files = files();
        MediaId id = files.idOf(image);
        files.write(id, image);
        Path file = files.pathOf(id);
        byte[] sealed = Files.readAllBytes(file);
        sealed[sealed.length / 2] ^= 0x01;
        Files.write(file, sealed);

        assertThatThrownBy(() -> files.read(id))
                .isInstanceOf(MediaDamagedException.class)
                .hasMessage("stored media " + id.value()
                        + " is damaged: the file failed authentication (altered, truncated, "
                        + "renamed, or sealed under another key)");
    }

    @Test
    void refusesATruncatedFileAndOneRenamedToAnotherId() throws Exception {
        var files = files();
        MediaId id = files.idOf(image);
        files.write(id, image);
        byte[] other = MediaImages.png(MediaImages.detailed(2, 64, 64));
        MediaId otherId = files.idOf(other);
        Files.createDirectories(files.pathOf(otherId).getParent());
        Files.copy(files.pathOf(id), files.pathOf(otherId));
        byte[] sealed = Files.readAllBytes(files.pathOf(id));
        Files.write(files.pathOf(id), Arrays.copyOf(sealed, sealed.length - 1));

        assertThatThrownBy(() -> files.read(otherId)).isInstanceOf(MediaDamagedException.class);
        assertThatThrownBy(() -> files.read(id)).isInstanceOf(MediaDamagedException.class);
        Files.write(files.pathOf(id), new byte[5]);
        assertThatThrownBy(() -> files.read(id))
                .isInstanceOf(MediaDamagedException.class)
                .hasMessageContaining("5 bytes");
    }

    @Test
    void refusesAFileSealedUnderAnotherKey() {
        var files = files();
        MediaId id = files.idOf(image);
        new BlobFiles(root, new byte[32], new byte[32]).write(id, image);

        assertThatThrownBy(() -> files.read(id)).isInstanceOf(MediaDamagedException.class);
    }

    @Test
    void leavesOnlyTheFinishedFileReadableByItsOwner() throws Exception {
        var files = files();
        MediaId id = files.idOf(image);

        files.write(id, image);
        files.write(id, image);

        assertThat(storedFiles()).containsExactly(files.pathOf(id));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.pathOf(id))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(files.pathOf(id).getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void answersEmptyForAMissingFileAndDeletesOnce() {
        var files = files();
        MediaId id = files.idOf(image);
        files.write(id, image);

        assertThat(files.delete(id)).isTrue();
        assertThat(files.delete(id)).isFalse();
        assertThat(files.read(id)).isEmpty();
    }
}
