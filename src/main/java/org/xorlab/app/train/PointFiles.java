package org.xorlab.app.train;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the data panel's Import CSV… and Export CSV… ask for a file: the window's file dialogs (so that tests can
 * answer them), handed in from outside to keep app.train free of app.files.
 *
 * @param open the CSV file to read, or null if the user cancelled
 * @param save the CSV file to write, given a suggested name, or null if the user cancelled
 * @param io   where the file is read or written, off the FX thread (the window's file thread)
 */
public record PointFiles(Supplier<Path> open, Function<String, Path> save, Executor io) {
    /** No dialogs: every request is cancelled. */
    public static final PointFiles NONE = new PointFiles(() -> null, name -> null, Runnable::run);
}
