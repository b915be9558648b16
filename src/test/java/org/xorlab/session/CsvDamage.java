package org.xorlab.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damaged data files for the fuzz tests of the window's import and the CLI's {@code --data}: a good file of about 60
 * points, then one to three random damages (bytes flipped, the file cut short, lines dropped or repeated past 1,000
 * points, hostile numbers, wrong headers, an extra column, invalid UTF-8, blank lines, Windows line ends, a byte order
 * mark, a split column, a 200,000-digit number, other separators, values just out of range). Some damages leave a
 * good file, so both outcomes are reached.
 */
public final class CsvDamage {
    private static final String[] HOSTILE_VALUES = {"NaN", "nan", "Infinity", "-Infinity", "inf", "1e400", "-1e400",
            "1e7", "-1000001", "99999999999999999999", "1e-400", "0x10", "1_000", "0,5", "\u00a01", "1.5", "-0", "",
            " ", "+", "-", ".", "1e", "e5", "1..2", "0.5f", "\u0000", "\"1\"", "1 2", "١"};
    private static final String[] HEADERS = {"x1,x2", "x1,x2,y,z", "x,y,label", "x2,x1,y", "X1, X2 ,Y", "x1;x2;y",
            "x1,x2,y,split", "\uFEFFx1,x2,y", "", "#x1,x2,y", "x1,x2,y,"};


    private CsvDamage() {
    }

    /** About 60 points, some with a split column's worth of variety: a file that trains. */
    public static byte[] validFile(Random random) {
        StringBuilder b = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 60; i++) {
            b.append(random.nextGaussian() * 3).append(',').append(random.nextInt(11) - 5).append(',')
                    .append(random.nextInt(2)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One to three random damages. */
    public static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid;
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            bytes = damage(bytes, random);
        }
        return bytes;
    }

    private static byte[] damage(byte[] bytes, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        int at = lines.size() > 1 ? 1 + random.nextInt(lines.size() - 1) : 0;
        switch (random.nextInt(16)) {
            case 0 -> { // flip bytes
                byte[] b = bytes.clone();
                for (int n = 1 + random.nextInt(4); n > 0 && b.length > 0; n--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
            }
            case 2 -> {
                if (!lines.isEmpty()) {
                    lines.remove(random.nextInt(lines.size()));
                }
            }
            case 3 -> { // duplicate a line, sometimes past 1,000 points
                if (!lines.isEmpty()) {
                    String line = lines.get(at);
                    int times = random.nextBoolean() ? 1 + random.nextInt(5) : 900 + random.nextInt(200);
                    for (int n = 0; n < times; n++) {
                        lines.add(at, line);
                    }
                }
            }
            case 4, 5 -> { // a hostile value in a random cell
                if (lines.size() > 1) {
                    String[] cells = lines.get(at).split(",", -1);
                    cells[random.nextInt(cells.length)] = HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
                    lines.set(at, String.join(",", cells));
                }
            }
            case 6 -> lines.set(0, HEADERS[random.nextInt(HEADERS.length)]);
            case 7 -> lines.set(at, lines.get(at) + "," + (random.nextBoolean() ? "train" : "9"));
            case 8 -> { // invalid UTF-8
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                out.write(bytes, 0, cut);
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC0, (byte) 0xAF}};
                byte[] b = bad[random.nextInt(bad.length)];
                out.write(b, 0, b.length);
                out.write(bytes, cut, bytes.length - cut);
                return out.toByteArray();
            }
            case 9 -> {
                return random.nextBoolean() ? new byte[0] : "x1,x2,y\n".getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> { // a split column for every line, sometimes all test
                boolean allTest = random.nextInt(4) == 0;
                lines.set(0, lines.get(0) + ",split");
                for (int i = 1; i < lines.size(); i++) {
                    if (!lines.get(i).isEmpty()) {
                        lines.set(i, lines.get(i) + "," + (allTest || random.nextInt(4) == 0 ? "test" : "train"));
                    }
                }
            }
            case 11 -> lines.add(at, random.nextBoolean() ? "" : "   \t");
            case 12 -> { // Windows line ends or a byte order mark: still a good file
                String text = String.join(random.nextBoolean() ? "\r\n" : "\n", lines);
                return (random.nextBoolean() ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8);
            }
            case 13 -> lines.set(at, "1".repeat(1 + random.nextInt(200_000)) + ",0,1");
            case 14 -> lines.set(at, lines.get(at).replace(',', random.nextBoolean() ? ';' : '\t'));
            default -> { // y out of range or a near-limit coordinate
                String[] values = {"1.0000001", "-0.0000001", "2", "1000000", "-1000000", "1e6", "0.5"};
                String[] cells = lines.get(at).split(",", -1);
                cells[random.nextInt(cells.length)] = values[random.nextInt(values.length)];
                lines.set(at, String.join(",", cells));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    public static String describe(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.UTF_8);
        return bytes.length + " bytes: " + text.replace("\n", "\\n");
    }
}
