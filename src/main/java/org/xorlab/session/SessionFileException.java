package org.xorlab.session;

/** A session file that cannot be opened; the message is one sentence naming what is wrong and what is allowed. */
public final class SessionFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionFileException(String message) {
        super(message);
    }
}
