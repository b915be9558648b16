package org.xorlab.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The command line's standard output. A {@link PrintWriter} never throws: it only remembers that a write failed,
 * so the commands ask {@link #check} after what they print and stop, as a shell tool stops on a closed pipe
 * ({@code xorlab train --print-every 1 | head -2}) or a full disk. This one also remembers why it failed.
 */
final class StandardOutput extends PrintWriter {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder) {
        // As PrintWriter(System.out, true) encodes: the default charset, buffered, flushed at each line.
        super(new BufferedWriter(new OutputStreamWriter(recorder)), true);
        this.recorder = recorder;
    }

    /** The process's standard output. */
    static StandardOutput open() {
        return new StandardOutput(new Recorder(new FileOutputStream(FileDescriptor.out)));
    }

    /**
     * Throws if {@code out} could not be written.
     *
     * @throws UncheckedIOException with a {@link Failure}
     */
    static void check(PrintWriter out) {
        if (out.checkError()) {
            throw new UncheckedIOException(failure(out));
        }
    }

    /** The failure of {@code out}, with the reason if it is known. */
    static Failure failure(PrintWriter out) {
        return new Failure(out instanceof StandardOutput s ? s.recorder.failure : null);
    }

    /** Text for standard output that throws {@link Failure} as soon as a write fails. */
    static Writer checkedWriter(PrintWriter out) {
        return new Writer() {
            @Override
            public void write(char[] text, int off, int len) throws IOException {
                out.write(text, off, len);
                if (out.checkError()) {
                    throw failure(out);
                }
            }

            @Override
            public void flush() throws IOException {
                if (out.checkError()) {
                    throw failure(out);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Standard output could not be written. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        private Failure(IOException cause) {
            super("could not write to standard output" + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }

        /** The reader went away, as {@code head} does: the run stops quietly. */
        boolean brokenPipe() {
            return getCause() != null && getCause().getMessage() != null
                    && getCause().getMessage().contains("Broken pipe");
        }
    }

    /** Remembers the last write error, which the PrintWriter above swallows. */
    private static final class Recorder extends FilterOutputStream {
        private volatile IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            // Standard output stays open for the JVM's own last words.
            flush();
        }
    }
}
