package org.xorlab.cli;

import java.nio.file.Path;

/**
 * Opens the XOR Lab window for {@code xorlab open}. The command line knows nothing of the window (it needs no
 * JavaFX); whoever starts it passes this in.
 */
@FunctionalInterface
public interface WindowOpener {
    /**
     * Opens the window with the session in {@code session}, or a fresh run if null, and returns once the window
     * has been closed.
     *
     * @return the exit status
     */
    int open(Path session);
}
