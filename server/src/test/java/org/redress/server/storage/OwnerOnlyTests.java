package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security review, defect 15: the data directory is the owner's alone, whatever the umask made. */
class OwnerOnlyTests {

    @Test
    void makesEveryFolderAndFileOfTheDataDirectoryOwnerOnly(@TempDir Path temp) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path database = Files.writeString(data.resolve("redress.db"), "x");
        Path media = Files.createDirectories(data.resolve("media/ab"));
        Path blob = Files.writeString(media.resolve("blob"), "y");
        for (Path path : new Path[] {data, media, data.resolve("media")}) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("rw-rw-rw-"));

        OwnerOnly.restrict(data);

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(OwnerOnly.FOLDER);
        assertThat(Files.getPosixFilePermissions(media)).isEqualTo(OwnerOnly.FOLDER);
        assertThat(Files.getPosixFilePermissions(database)).isEqualTo(OwnerOnly.FILE);
        assertThat(Files.getPosixFilePermissions(blob)).isEqualTo(OwnerOnly.FILE);
    }

    @Test
    void leavesAMissingDirectoryAlone(@TempDir Path temp) {
        OwnerOnly.restrict(temp.resolve("absent"));

        assertThat(temp.resolve("absent")).doesNotExist();
    }
}
