package org.xorlab.run.study;

/** A study file that cannot be read; the message is one sentence naming what is wrong and what is allowed. */
public final class StudyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public StudyFileException(String message) {
        super(message);
    }
}
