package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written atomically is either the old one or the whole new one, and no temporary file is left behind. */
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
}
