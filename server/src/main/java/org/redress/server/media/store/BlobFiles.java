package org.redress.server.media.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.redress.server.media.MediaDamagedException;
import org.redress.server.media.MediaId;

/**
 * The encrypted files under the media directory, laid out as {@code ab/cd/<id>} so no directory
 * grows huge. A file is one version byte, a random 12-byte nonce and the AES-256-GCM ciphertext
 * with its 16-byte tag; the media id is the associated data, so a file renamed to another id does
 * not open. Writes go to a temporary file that is forced to disk and then atomically renamed, so a
 * crash leaves either the whole file or none. Knows nothing of the database. Thread-safe.
 */
public final class BlobFiles {

    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final Pattern ID_NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final SecretKey encryptionKey;
    private final SecretKeySpec namingKey;
    private final SecureRandom random = new SecureRandom();

    public BlobFiles(Path root, byte[] encryptionKey, byte[] namingKey) {
        this.root = root.toAbsolutePath().normalize();
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.namingKey = new SecretKeySpec(namingKey, "HmacSHA256");
    }

    Path root() {
        return root;
    }

    /** The content address: HMAC-SHA256 under the naming key, never a plain digest. */
    public MediaId idOf(byte[] image) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(namingKey);
            return new MediaId(HexFormat.of().formatHex(mac.doFinal(image)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public Path pathOf(MediaId id) {
        String hex = id.value();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    public boolean exists(MediaId id) {
        return Files.isRegularFile(pathOf(id));
    }

    /** Seals and writes the image under its id, replacing any file of that name. */
    public void write(MediaId id, byte[] image) {
        Path target = pathOf(id);
        Path directory = java.util.Objects.requireNonNull(target.getParent(), "a media file lies in a folder");
        Path temporary = directory.resolve(id.value() + ".tmp-" + UUID.randomUUID());
        try {
            createPrivateDirectories(directory);
            byte[] sealed = seal(id, image);
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                restrictToOwner(temporary);
                ByteBuffer buffer = ByteBuffer.wrap(sealed);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(directory);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write media file " + id.value(), e);
        }
    }

    /**
     * The image, or empty when there is no such file.
     *
     * @throws MediaDamagedException when the file fails authentication or has an unknown layout
     */
    public Optional<byte[]> read(MediaId id) {
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(pathOf(id));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media file " + id.value(), e);
        }
        return Optional.of(open(id, sealed));
    }

    /** Deletes the file; true when there was one. The directory is forced so the deletion lasts. */
    public boolean delete(MediaId id) {
        Path file = pathOf(id);
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                forceDirectory(java.util.Objects.requireNonNull(file.getParent(), "a media file lies in a folder"));
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete media file " + id.value(), e);
        }
    }

    /**
     * Ids of the sealed files last modified before the cutoff; temporary files left by an
     * interrupted write before the cutoff are deleted on the way.
     */
    public List<MediaId> modifiedBefore(Instant cutoff) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<MediaId> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root, 3)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (name.contains(".tmp-")) {
                    Files.deleteIfExists(file);
                } else if (ID_NAME.matcher(name).matches()) {
                    found.add(new MediaId(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the media directory", e);
        }
        return found;
    }

    private byte[] seal(MediaId id, byte[] image) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData(id));
            byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(image.length)];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            cipher.doFinal(image, 0, image.length, out, 1 + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private byte[] open(MediaId id, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES) {
            throw new MediaDamagedException(
                    id, "the file has " + sealed.length + " bytes, fewer than any sealed image");
        }
        if (sealed[0] != VERSION) {
            throw new MediaDamagedException(id, "unknown file version " + (sealed[0] & 0xFF));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BYTES * 8, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(id));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new MediaDamagedException(
                    id, "the file failed authentication (altered, truncated, renamed, or sealed under another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] associatedData(MediaId id) {
        return ("media:" + id.value()).getBytes(StandardCharsets.US_ASCII);
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(directory);
            restrictToOwner(directory);
        } catch (FileAlreadyExistsException e) {
            // another writer made it first; that is fine
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(
                    path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access control applies
        }
    }

    /** Makes a rename or deletion in the directory durable; some platforms cannot open directories. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort: not every platform lets a directory be opened for reading
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary file is encrypted; leaving it behind loses nothing
        }
    }

    @Override
    public String toString() {
        return "BlobFiles[" + root + "]";
    }
}
