package org.xorlab.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.xorlab.engine.Samples;
import org.xorlab.text.NumberText;

/**
 * Points as CSV: the header {@code x1,x2,y}, then one point per line; with a fourth column {@code split}, each
 * point is {@code train} or {@code test}. Reading is strict, so that a file is either taken whole or refused with the
 * line and the reason: numbers are plain decimals (an optional sign, digits with an optional point, an optional
 * exponent; no NaN, no infinity, no thousands separators, never the locale's comma), coordinates from -1,000,000 to
 * 1,000,000, y from 0 to 1, 1 to {@value Samples#MAX_POINTS} points, at least one of them for training. A UTF-8 byte
 * order mark, spaces around values, Windows line ends and blank lines are accepted. Writing uses Java's shortest
 * round-tripping form of each number, so that a file read back gives the same points bit for bit.
 */
public final class DataCsv {
    /** The largest data file read: 1,000 points of long numbers take about 80 KB. */
    public static final long MAX_BYTES = 1L << 20;
    static final String WHAT = "a data file";
    private static final String WHY = "a data file holds at most " + NumberText.count(Samples.MAX_POINTS) + " points";

    /**
     * The points of a file, in its order.
     *
     * @param points every point
     * @param test   one flag per point, true for the {@code test} split; null when the file has no split column
     */
    public record Points(Samples points, boolean[] test) {
        public boolean hasSplit() {
            return test != null;
        }
    }

    private DataCsv() {
    }

    /**
     * Reads a data file: only a regular file of at most {@link #MAX_BYTES} in UTF-8 is opened (a FIFO is refused
     * before it could block).
     *
     * @throws DataCsvException naming what is wrong, with the line number for a bad line
     */
    public static Points read(Path file) throws DataCsvException {
        try (InputStream in = TextFile.open(file, WHAT, MAX_BYTES, WHY)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new Utf8Input(in, MAX_BYTES, TextFile.tooLarge(WHAT, -1, MAX_BYTES, WHY)).transferTo(bytes);
            return parse(bytes.toString(StandardCharsets.UTF_8));
        } catch (RefusedInput e) {
            throw new DataCsvException(e.getMessage());
        } catch (IOException e) {
            throw new DataCsvException("it cannot be read: " + AtomicFile.reason(e));
        }
    }

    /**
     * Parses the text of a data file.
     *
     * @throws DataCsvException naming the first bad line and what is wrong with it
     */
    public static Points parse(String text) throws DataCsvException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int headerAt = 0;
        while (headerAt < lines.length && lines[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == lines.length) {
            throw new DataCsvException("the file is empty; a data file starts with the header x1,x2,y");
        }
        String header = lines[headerAt].replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT);
        boolean split;
        if (header.equals("x1,x2,y")) {
            split = false;
        } else if (header.equals("x1,x2,y,split")) {
            split = true;
        } else {
            throw new DataCsvException("line " + (headerAt + 1) + ": the header must be x1,x2,y (or x1,x2,y,split)"
                    + " (got '" + shorten(lines[headerAt]) + "')");
        }
        int columns = split ? 4 : 3;
        double[] x1 = new double[Samples.MAX_POINTS];
        double[] x2 = new double[Samples.MAX_POINTS];
        double[] y = new double[Samples.MAX_POINTS];
        boolean[] test = new boolean[Samples.MAX_POINTS];
        int n = 0;
        for (int i = headerAt + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int number = i + 1;
            if (n == Samples.MAX_POINTS) {
                throw new DataCsvException("line " + number + ": more than " + NumberText.count(Samples.MAX_POINTS)
                        + " points; a data file holds at most " + NumberText.count(Samples.MAX_POINTS));
            }
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                throw new DataCsvException("line " + number + ": " + cells.length + " values where the header has "
                        + columns + " (" + (split ? "x1,x2,y,split" : "x1,x2,y") + ")");
            }
            x1[n] = number(cells[0], "x1", number, -Samples.MAX_COORDINATE, Samples.MAX_COORDINATE);
            x2[n] = number(cells[1], "x2", number, -Samples.MAX_COORDINATE, Samples.MAX_COORDINATE);
            y[n] = number(cells[2], "y", number, 0, 1);
            if (split) {
                String s = cells[3].trim().toLowerCase(Locale.ROOT);
                if (!s.equals("train") && !s.equals("test")) {
                    throw new DataCsvException("line " + number + ": split must be train or test (got '"
                            + shorten(cells[3].trim()) + "')");
                }
                test[n] = s.equals("test");
            }
            n++;
        }
        if (n == 0) {
            throw new DataCsvException("there are no points after the header; a data file holds 1 to "
                    + NumberText.count(Samples.MAX_POINTS) + " points");
        }
        boolean[] flags = null;
        if (split) {
            flags = java.util.Arrays.copyOf(test, n);
            boolean anyTrain = false;
            for (boolean t : flags) {
                anyTrain |= !t;
            }
            if (!anyTrain) {
                throw new DataCsvException("every point is in the test split; at least one must be train");
            }
        }
        Samples points = Samples.of(java.util.Arrays.copyOf(x1, n), java.util.Arrays.copyOf(x2, n),
                java.util.Arrays.copyOf(y, n));
        return new Points(points, flags);
    }

    private static double number(String cell, String name, int line, double min, double max)
            throws DataCsvException {
        String s = cell.trim();
        if (s.isEmpty()) {
            throw new DataCsvException("line " + line + ": " + name + " is empty; it must be a number from "
                    + range(min, max));
        }
        double v;
        try {
            // NumberText's reading, the number fields': its pattern never backtracks, so a line of 200,000 digits
            // with a bad character at its end is refused at once (an ambiguous \d+\.?\d* took minutes).
            v = NumberText.parseDecimal(s);
        } catch (NumberFormatException e) {
            throw new DataCsvException("line " + line + ": " + name + " must be a number such as 0.25 or -1.5e-3"
                    + " (got '" + shorten(s) + "')");
        }
        if (!(v >= min && v <= max)) {
            throw new DataCsvException("line " + line + ": " + name + " must be from " + range(min, max)
                    + " (got " + shorten(s) + ")");
        }
        return v;
    }

    private static String range(double min, double max) {
        return NumberText.plain(min) + " to " + NumberText.plain(max);
    }

    /** A cell or line as a message quotes it: at most 40 characters, control characters shown as '?'. */
    private static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }

    /**
     * The CSV text of these points, with a split column when {@code test} is given.
     *
     * @throws IllegalArgumentException if {@code test} does not have one flag per point
     */
    public static String format(Samples points, boolean[] test) {
        if (test != null && test.length != points.size()) {
            throw new IllegalArgumentException("the split must have one flag per point (got " + test.length
                    + " for " + points.size() + (points.size() == 1 ? " point)" : " points)"));
        }
        StringBuilder b = new StringBuilder(test == null ? "x1,x2,y\n" : "x1,x2,y,split\n");
        for (int i = 0; i < points.size(); i++) {
            b.append(number(points.x1(i))).append(',').append(number(points.x2(i))).append(',')
                    .append(number(points.y(i)));
            if (test != null) {
                b.append(',').append(test[i] ? "test" : "train");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes the points to {@code out} as {@link #format} does. */
    public static void write(OutputStream out, Samples points, boolean[] test) throws IOException {
        out.write(format(points, test).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the points to {@code file} atomically: a reader sees the old file or the whole new one. */
    public static void write(Path file, Samples points, boolean[] test) throws IOException {
        AtomicFile.write(file, out -> write(out, points, test));
    }

    /** A value as the file holds it: whole numbers without a point ("1", "-0"), otherwise Java's shortest round-tripping form. */
    private static String number(double v) {
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
