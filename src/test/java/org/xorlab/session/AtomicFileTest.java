package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.files.Fifos;

/**
 * A file written atomically is either the old one or the whole new one, and no temporary file is left behind; the
 * app's exports, sessions and settings all go through here, so these are their rules too.
 */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old contents");
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old contents");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteReplacesTheFileWhole() throws Exception {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old contents that are longer");
        AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(file)).isEqualTo("new");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingFolderIsReportedPlainly() {
        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("no/such/out.csv"), out -> { }))
                .isInstanceOfSatisfying(IOException.class,
                        e -> assertThat(AtomicFile.reason(e)).isEqualTo("no such file or directory"));
    }

    @Test
    void aFifoIsWrittenInPlaceNeverReplaced() throws Exception {
        // The same path as a character device such as /dev/null (an existing file that is not regular), which a
        // test must not open for writing: the FIFO proves the device stays what it is.
        Path fifo = Fifos.make(dir.resolve("session.fifo"));
        Future<byte[]> read = Fifos.drain(fifo);
        Fifos.within(() -> {
            AtomicFile.write(fifo, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
            return null;
        });
        assertThat(new String(Fifos.await(read), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(Fifos.isFifo(fifo)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("settings-real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("settings.json"), target.getFileName());
        AtomicFile.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aPrivateFileStaysPrivate() throws Exception {
        Path file = Files.writeString(dir.resolve("session.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aNameOf250CharactersCanBeWritten() throws Exception {
        Path file = dir.resolve("s".repeat(245) + ".json");
        AtomicFile.write(file, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(file)).isEqualTo("{}");
    }
}
