package org.xorlab.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules for one file, checked on the file system inside a temporary folder. */
class PendingFileTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text) throws IOException {
        try (PendingFile file = PendingFile.start(target)) {
            file.stream().write(text.getBytes(StandardCharsets.UTF_8));
            FileCommit.commit(List.of(file));
        }
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = new ArrayList<>(files.map(p -> p.getFileName().toString()).toList());
            names.sort(null);
            return names;
        }
    }

    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        // /dev/null and other character devices take exactly this path (Destination.Kind.IN_PLACE: an existing
        // file that is neither regular nor a directory), so this FIFO stands in for them: a test must never open
        // the real /dev/null for writing.
        Path fifo = Fifos.make(dir.resolve("out.fifo"));
        Future<byte[]> read = Fifos.drain(fifo);

        Fifos.within(() -> {
            write(fifo, "through the pipe");
            return null;
        });

        assertThat(new String(Fifos.await(read), StandardCharsets.UTF_8)).isEqualTo("through the pipe");
        assertThat(Fifos.isFifo(fifo)).isTrue();
        assertThat(listing(dir)).containsExactly("out.fifo");
    }

    @Test
    void aLinkToAFifoIsWrittenThroughAndBothStay() throws Exception {
        Path fifo = Fifos.make(dir.resolve("real.fifo"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo.getFileName());
        Future<byte[]> read = Fifos.drain(fifo);

        Fifos.within(() -> {
            write(link, "via the link");
            return null;
        });

        assertThat(new String(Fifos.await(read), StandardCharsets.UTF_8)).isEqualTo("via the link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Fifos.isFifo(fifo)).isTrue();
        assertThat(listing(dir)).containsExactly("link", "real.fifo");
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path target = Files.writeString(data.resolve("loss.csv"), "old");
        Path links = Files.createDirectory(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("latest.csv"), Path.of("../data/loss.csv"));

        write(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../data/loss.csv"));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(listing(data)).containsExactly("loss.csv");
        assertThat(listing(links)).containsExactly("latest.csv");
    }

    @Test
    void aChainOfLinksEndingNowhereCreatesTheFinalTarget() throws Exception {
        Path first = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("real.txt"));

        write(first, "made");

        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(dir.resolve("b"))).isTrue();
        assertThat(Files.readString(dir.resolve("real.txt"))).isEqualTo("made");
        assertThat(listing(dir)).containsExactly("a", "b", "real.txt");
    }

    @Test
    void aLinkLoopIsRefusedPlainly() throws Exception {
        Path a = Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
        assertThatThrownBy(() -> PendingFile.start(a)).isInstanceOfSatisfying(IOException.class,
                e -> assertThat(FileErrors.reason(e)).isEqualTo("too many levels of symbolic links"));
        assertThat(listing(dir)).containsExactly("a", "b");
    }

    @Test
    void anExistingFileKeepsItsPermissionBits() throws Exception {
        for (String mode : List.of("rw-------", "rw-r-----", "rwxr-xr-x")) {
            Path file = Files.writeString(dir.resolve("secret-" + mode.replace('-', '_')), "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

            write(file, "new");

            assertThat(Files.readString(file)).isEqualTo("new");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(mode);
        }
    }

    @Test
    void theTemporaryFileIsNoMoreReadableThanTheFileItReplaces() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (PendingFile pending = PendingFile.start(file)) {
            List<String> names = listing(dir);
            assertThat(names).hasSize(2);
            Path temp = dir.resolve(names.get(0));
            assertThat(TempFiles.isOurs(temp.getFileName().toString())).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp))).isEqualTo("rw-------");
        }
        assertThat(listing(dir)).containsExactly("secret.json");
    }

    @Test
    void aNameOf250CharactersCanBeWritten() throws Exception {
        Path file = dir.resolve("n".repeat(246) + ".csv");
        assertThat(file.getFileName().toString()).hasSize(250);

        write(file, "long name");

        assertThat(Files.readString(file)).isEqualTo("long name");
        assertThat(listing(dir)).containsExactly(file.getFileName().toString());
    }

    @Test
    void theTemporaryNameIsShortFixedAndOurs() throws Exception {
        try (PendingFile pending = PendingFile.start(dir.resolve("x".repeat(200)))) {
            List<String> names = listing(dir);
            assertThat(names).hasSize(1);
            assertThat(names.get(0)).matches("\\.xorlab-[0-9a-f]{8}\\.tmp");
        }
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
        for (Path target : List.of(sub, link)) {
            assertThatThrownBy(() -> PendingFile.start(target)).isInstanceOfSatisfying(IOException.class,
                    e -> assertThat(FileErrors.reason(e)).isEqualTo("is a directory"));
        }
        assertThat(listing(dir)).containsExactly("link", "sub");
    }

    @Test
    void closingWithoutACommitLeavesTheTargetAndNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("keep.csv"), "old");
        try (PendingFile pending = PendingFile.start(file)) {
            pending.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(listing(dir)).containsExactly("keep.csv");
    }
}
