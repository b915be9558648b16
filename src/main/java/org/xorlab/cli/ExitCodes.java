package org.xorlab.cli;

/** The command line's exit statuses. */
final class ExitCodes {
    /** Finished; every requested file was written. */
    static final int OK = 0;
    /** Something failed while running, for example a disk filled up while writing; no file was replaced. */
    static final int FAILURE = 1;
    /** An option, value or command was not allowed; nothing ran and no file was written. */
    static final int BAD_INPUT = 2;
    /** Training diverged (NaN or infinity); the epochs before it were still reported and written. */
    static final int DIVERGED = 3;

    private ExitCodes() {
    }
}
