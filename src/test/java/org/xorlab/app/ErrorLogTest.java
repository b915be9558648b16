package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.files.Fifos;

/** errors.log stays small and is only ever a regular file of its own. */
class ErrorLogTest {
    @TempDir
    Path home;

    @Test
    void theLogIsRotatedOnceItIsOverTheLimitKeepingOneOldLog() throws Exception {
        Path log = home.resolve("errors.log");
        CrashReporter reporter = new CrashReporter(log, 100);

        reporter.log("first", new IllegalStateException("one"));
        assertThat(Files.size(log)).isGreaterThan(100);
        reporter.log("second", new IllegalStateException("two"));
        reporter.log("third", new IllegalStateException("three"));

        Path old = home.resolve("errors.log.1");
        assertThat(Files.readString(log)).contains("third").doesNotContain("second");
        assertThat(Files.readString(old)).contains("second").doesNotContain("first");
        try (var files = Files.list(home)) {
            assertThat(files).containsExactlyInAnyOrder(log, old);
        }
    }

    @Test
    void aSmallLogIsAppendedTo() throws Exception {
        Path log = home.resolve("errors.log");
        CrashReporter reporter = new CrashReporter(log);
        reporter.log("first", new IllegalStateException("one"));
        String written = reporter.log("second", new IllegalStateException("two"));
        assertThat(written).isEqualTo("The details were written to " + log + ".");
        assertThat(Files.readString(log)).contains("one").contains("two");
        assertThat(home.resolve("errors.log.1")).doesNotExist();
    }

    @Test
    void aSymbolicLinkIsNotWrittenThrough() throws Exception {
        Path victim = Files.writeString(home.resolve("important.txt"), "keep me\n");
        Path log = Files.createSymbolicLink(home.resolve("errors.log"), victim.getFileName());

        String written = new CrashReporter(log).log("boom", new IllegalStateException("boom"));

        assertThat(written).isEqualTo("The details could not be written to " + log
                + " (it is a symbolic link, which is not followed).");
        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
        assertThat(Files.isSymbolicLink(log)).isTrue();
    }

    @Test
    void aLinkToALargeFileIsNotRotatedAway() throws Exception {
        Path victim = Files.writeString(home.resolve("big.txt"), "x".repeat(500));
        Path log = Files.createSymbolicLink(home.resolve("errors.log"), victim.getFileName());

        new CrashReporter(log, 100).log("boom", new IllegalStateException("boom"));

        assertThat(Files.readString(victim)).hasSize(500);
        assertThat(Files.isSymbolicLink(log)).isTrue();
        assertThat(home.resolve("errors.log.1")).doesNotExist();
    }

    @Test
    void aFifoIsNotOpenedSoNothingHangs() throws Exception {
        Path log = Fifos.make(home.resolve("errors.log"));
        String written = Fifos.within(() -> new CrashReporter(log).log("boom", new IllegalStateException("boom")));
        assertThat(written).isEqualTo("The details could not be written to " + log + " (it is not a regular file).");
        assertThat(Fifos.isFifo(log)).isTrue();
    }
}
