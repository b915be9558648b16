package org.xorlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xorlab open [FILE]}: the window, with a saved session restored (what the desktop entry runs). */
@Command(name = "open", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Open the XOR Lab window with the session saved in FILE (File > Save session writes one),"
                + " paused where it was saved. A file that cannot be opened (not a session, damaged, not a regular"
                + " file, or larger than 512 MB) is refused with a message in the window, which starts a fresh run"
                + " instead. Without FILE the window opens as with no command."})
final class OpenCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A session file (.xorlab.json) to open.")
    Path file;

    private final WindowOpener window;

    OpenCommand(WindowOpener window) {
        this.window = window;
    }

    @Override
    public Integer call() {
        return window.open(file);
    }
}
