package org.xorlab.session;

/**
 * A data file (CSV of points) that is refused: the message is one sentence naming the line (when there is one), what
 * is wrong there, and what is allowed.
 */
public final class DataCsvException extends Exception {
    private static final long serialVersionUID = 1L;

    public DataCsvException(String message) {
        super(message);
    }
}
