package org.xorlab.cli;

import java.io.IOException;
import org.xorlab.files.FileErrors;

/** An output file that could not be written or moved into place: "could not write 'loss.csv': No space left...". */
final class OutputFailure extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what failed, naming the file: "could not write 'loss.csv'"
     */
    OutputFailure(String what, IOException cause) {
        super(what + ": " + FileErrors.reason(cause), cause);
    }
}
