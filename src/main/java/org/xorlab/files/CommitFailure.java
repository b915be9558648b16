package org.xorlab.files;

import java.io.IOException;

/**
 * A {@link FileCommit} that stopped part of the way. Every file's {@link PendingFile#outcome()} then says exactly
 * what happened to it; {@link #file()} is the one that failed.
 */
public final class CommitFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient PendingFile file;
    private final boolean moving;

    CommitFailure(PendingFile file, boolean moving, IOException cause) {
        super((moving ? "could not move " : "could not write ") + file.target() + ": " + FileErrors.reason(cause),
                cause);
        this.file = file;
        this.moving = moving;
    }

    /** The file that could not be finished or moved into place. */
    public PendingFile file() {
        return file;
    }

    /** True if its bytes were all written and only the final rename failed. */
    public boolean moving() {
        return moving;
    }
}
