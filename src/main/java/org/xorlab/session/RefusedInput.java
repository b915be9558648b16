package org.xorlab.session;

import java.io.IOException;

/**
 * A file XOR Lab will not read, or stops reading: not a regular file, too large, or not UTF-8 text. The message is
 * one line saying what is wrong and what is allowed. An {@link IOException}, so it passes unchanged through the JSON
 * parser that was reading when it was found.
 */
final class RefusedInput extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedInput(String message) {
        super(message);
    }
}
