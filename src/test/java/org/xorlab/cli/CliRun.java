package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** One in-process run of the command line, with what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = XorLabCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(status, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }

    /** The reference directory the build passes in. */
    static Path referenceDir() {
        return Path.of(System.getProperty("xorlab.reference.dir"));
    }

    /** Loss per epoch of a CSV with a header line; index 0 is epoch 1, column 1 is the first after epoch. */
    static double[] column(Path csv, int column) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        double[] values = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (Long.parseLong(cells[0]) != i) {
                throw new AssertionError("row " + i + " of " + csv + " is epoch " + cells[0]);
            }
            values[i - 1] = Double.parseDouble(cells[column]);
        }
        return values;
    }

    /** The names in a directory, sorted, to check nothing else was left there. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>(files.map(p -> p.getFileName().toString()).toList());
            names.sort(null);
            return names;
        }
    }

    static void assertRelativelyClose(double actual, double expected, String what) {
        if (!(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + " to 1e-9 relative, got " + actual);
        }
    }
}
