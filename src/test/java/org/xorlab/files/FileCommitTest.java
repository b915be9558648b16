package org.xorlab.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xorlab.files.PendingFileTest.listing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files go into place together or not at all, and what cannot be undone is reported as it is. */
class FileCommitTest {
    @TempDir
    Path dir;

    private static PendingFile pending(Path target, String text) throws IOException {
        PendingFile file = PendingFile.start(target);
        file.stream().write(text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Makes {@code path} a non-empty directory: no rename onto it can succeed, not even as root. */
    private static void block(Path path) throws IOException {
        Files.createDirectory(path);
        Files.writeString(path.resolve("inside"), "x");
    }

    @Test
    void whenTheSecondRenameFailsTheFirstFileIsRestored() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.png");
        PendingFile first = pending(a, "new a");
        PendingFile second = pending(b, "new b");
        PendingFile third = pending(c, "new c");
        block(b);
        try (first; second; third) {
            assertThatThrownBy(() -> FileCommit.commit(List.of(first, second, third)))
                    .isInstanceOfSatisfying(CommitFailure.class, f -> {
                        assertThat(f.file()).isSameAs(second);
                        assertThat(f.moving()).isTrue();
                        assertThat(FileErrors.reason(f)).isEqualTo("Is a directory");
                    });
            assertThat(first.outcome()).isEqualTo(PendingFile.Outcome.UNCHANGED);
            assertThat(second.outcome()).isEqualTo(PendingFile.Outcome.UNCHANGED);
            assertThat(third.outcome()).isEqualTo(PendingFile.Outcome.UNCHANGED);
        }
        assertThat(Files.readString(a)).isEqualTo("old a");
        assertThat(c).doesNotExist();
        assertThat(listing(dir)).containsExactly("a.csv", "b.json");
    }

    @Test
    void aNewFileIsRemovedAgainWhenALaterOneFails() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.json");
        PendingFile first = pending(a, "new a");
        PendingFile second = pending(b, "new b");
        block(b);
        try (first; second) {
            assertThatThrownBy(() -> FileCommit.commit(List.of(first, second))).isInstanceOf(CommitFailure.class);
            assertThat(first.outcome()).isEqualTo(PendingFile.Outcome.UNCHANGED);
        }
        assertThat(a).doesNotExist();
        assertThat(listing(dir)).containsExactly("b.json");
    }

    @Test
    void aFailedRestoreIsReportedAsReplaced() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a");
        Path b = Files.writeString(dir.resolve("b.json"), "old b");
        PendingFile first = pending(a, "new a");
        PendingFile second = pending(b, "new b");
        // The rename of b fails, and so does putting a's backup back.
        FileCommit.Renamer failing = (source, target) -> {
            if (target.equals(b) || TempFiles.isOurs(source.getFileName().toString()) && target.equals(a)
                    && first.outcome() == PendingFile.Outcome.REPLACED) {
                throw new FileSystemException(target.toString(), null, "Input/output error");
            }
            FileCommit.ATOMIC.rename(source, target);
        };
        try (first; second) {
            assertThatThrownBy(() -> FileCommit.commit(List.of(first, second), failing))
                    .isInstanceOfSatisfying(CommitFailure.class, f -> assertThat(f.file()).isSameAs(second));
            assertThat(first.outcome()).isEqualTo(PendingFile.Outcome.REPLACED);
            assertThat(second.outcome()).isEqualTo(PendingFile.Outcome.UNCHANGED);
        }
        assertThat(Files.readString(a)).isEqualTo("new a");
        assertThat(Files.readString(b)).isEqualTo("old b");
    }

    @Test
    void aCleanCommitReplacesEveryFileAndLeavesNoTemporaryOrBackup() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a");
        Path b = Files.writeString(dir.resolve("b.json"), "old b");
        Path c = dir.resolve("c.png");
        PendingFile first = pending(a, "new a");
        PendingFile second = pending(b, "new b");
        PendingFile third = pending(c, "new c");
        try (first; second; third) {
            FileCommit.commit(List.of(first, second, third));
            assertThat(first.outcome()).isEqualTo(PendingFile.Outcome.REPLACED);
            assertThat(third.outcome()).isEqualTo(PendingFile.Outcome.REPLACED);
        }
        assertThat(Files.readString(a)).isEqualTo("new a");
        assertThat(Files.readString(b)).isEqualTo("new b");
        assertThat(Files.readString(c)).isEqualTo("new c");
        assertThat(listing(dir)).containsExactly("a.csv", "b.json", "c.png");
    }

    @Test
    void aFifoWrittenBeforeAFailureIsReportedAsWrittenInPlace() throws Exception {
        Path fifo = Fifos.make(dir.resolve("live.fifo"));
        Path b = dir.resolve("b.json");
        Future<byte[]> read = Fifos.drain(fifo);
        PendingFile first = Fifos.within(() -> pending(fifo, "streamed"));
        PendingFile second = pending(b, "new b");
        block(b);
        try (first; second) {
            assertThatThrownBy(() -> FileCommit.commit(List.of(first, second))).isInstanceOf(CommitFailure.class);
            assertThat(first.outcome()).isEqualTo(PendingFile.Outcome.WRITTEN_IN_PLACE);
        }
        assertThat(new String(Fifos.await(read), StandardCharsets.UTF_8)).isEqualTo("streamed");
        assertThat(Fifos.isFifo(fifo)).isTrue();
    }
}
