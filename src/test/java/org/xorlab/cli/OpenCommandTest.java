package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code xorlab open [FILE]}: what reaches the window. The window itself is replaced by a recorder here (the
 * command line never opens one in tests); OpenAtLaunchTest shows what the window does with the file.
 */
class OpenCommandTest {
    /** Every call the command line made to open the window: the session path, or null for none. */
    private final List<Path> opened = new ArrayList<>();

    private CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = XorLabCommand.run(args, new PrintWriter(out), new PrintWriter(err), session -> {
            opened.add(session);
            return 0;
        });
        return new CliRun(status, out.toString(), err.toString());
    }

    @Test
    void aFileIsPassedToTheWindow() {
        CliRun run = run("open", "lesson 1.xorlab.json");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(opened).containsExactly(Path.of("lesson 1.xorlab.json"));
    }

    @Test
    void withoutAFileTheWindowOpensAsWithNoCommand() {
        // What the menu entry runs: `Exec=xorlab open %f`, where %f is empty.
        CliRun run = run("open");
        assertThat(run.status()).isZero();
        assertThat(opened).hasSize(1).containsOnlyNulls();
    }

    @Test
    void theWindowsExitStatusIsTheCommands() {
        StringWriter err = new StringWriter();
        int status = XorLabCommand.run(new String[] {"open"}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                session -> 1);
        assertThat(status).isEqualTo(1);
    }

    @Test
    void twoFilesAreOneLineAndNoWindow() {
        CliRun run = run("open", "a.xorlab.json", "b.xorlab.json");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "xorlab open: unexpected argument 'b.xorlab.json' (see 'xorlab open --help')");
        assertThat(opened).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineAndNoWindow() {
        CliRun run = run("open", "--fullscreen", "a.xorlab.json");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("xorlab open: unknown option '--fullscreen' (see 'xorlab open --help')");
        assertThat(opened).isEmpty();
    }

    @Test
    void helpSaysWhatItDoesAndOpensNoWindow() {
        CliRun run = run("open", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: xorlab open [-hV] [FILE]").contains("session", "512 MB", "fresh run");
        assertThat(opened).isEmpty();
        assertThat(run("--help").out()).contains("open");
    }

    @Test
    void withoutAWindowToOpenItIsOneLine() {
        // The command line as tests and scripts run it in-process, with no window available.
        CliRun run = CliRun.of("open", "x.xorlab.json");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("xorlab open: ").contains("the window cannot be opened from here");
    }
}
