package org.xorlab.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.files.PendingFileTest.listing;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stale temporary files of a killed run are removed; nothing else ever is. */
class TempFilesTest {
    @TempDir
    Path dir;

    private Path aged(String name, Duration age) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "left over");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void writingIntoAFolderRemovesOurStaleTemporaryFilesOnly() throws Exception {
        Duration old = Duration.ofHours(2);
        aged(".xorlab-0123abcd.tmp", old);
        aged(".xorlab-89abcdef.tmp", Duration.ofMinutes(5));
        List<String> kept = List.of(".xorlab-0123ABCD.tmp", ".xorlab-0123abc.tmp", ".xorlab-0123abcde.tmp",
                ".xorlab-0123abcd.tmp~", "xorlab-0123abcd.tmp", ".loss.csv.0123456789abcdef.tmp", "notes.txt");
        for (String name : kept) {
            aged(name, old);
        }
        Path folder = Files.createDirectory(dir.resolve(".xorlab-00000000.tmp"));
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(old)));
        Path victim = aged("victim.txt", old);
        Path link = Files.createSymbolicLink(dir.resolve(".xorlab-11111111.tmp"), victim);

        try (PendingFile file = PendingFile.start(dir.resolve("loss.csv"))) {
            FileCommit.commit(List.of(file));
        }

        assertThat(listing(dir)).doesNotContain(".xorlab-0123abcd.tmp")
                .contains(".xorlab-89abcdef.tmp", ".xorlab-00000000.tmp", ".xorlab-11111111.tmp", "victim.txt",
                        "loss.csv")
                .containsAll(kept);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(victim)).isEqualTo("left over");
    }

    @Test
    void theNamePatternIsExact() {
        assertThat(TempFiles.isOurs(".xorlab-0123abcd.tmp")).isTrue();
        assertThat(TempFiles.isOurs(".xorlab-0123abcd.tmp\n")).isFalse();
        assertThat(TempFiles.isOurs("a/.xorlab-0123abcd.tmp")).isFalse();
        assertThat(TempFiles.isOurs(".xorlab-0123abcg.tmp")).isFalse();
    }

    @Test
    void aLiveTemporaryFileIsKeptFreshAndNeverRemoved() throws Exception {
        try (PendingFile file = PendingFile.start(dir.resolve("long-run.csv"))) {
            Path temp = dir.resolve(listing(dir).get(0));
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(Duration.ofHours(3))));

            TempFiles.removeStale(dir, Instant.now());
            assertThat(temp).exists();

            Instant touch = Instant.now().plusSeconds(60);
            TempFiles.touchLive(touch);
            assertThat(Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant())
                    .isAfterOrEqualTo(touch.minusSeconds(1));
        }
        assertThat(listing(dir)).isEmpty();
    }
}
