package org.redress.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the data directory readable by the service's own user alone, on every start: the SQLite
 * database holds reports, and the generated data key lies beside it, so neither may be readable by
 * other users of the machine whatever the umask was when they were created. Folders become
 * {@code rwx------}, files {@code rw-------}, throughout the directory. File systems without POSIX
 * permissions are left as they are.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    static void restrict(Path directory) {
        if (!Files.isDirectory(directory)
                || Files.getFileAttributeView(directory, PosixFileAttributeView.class) == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the data directory to its owner", e);
        }
    }
}
