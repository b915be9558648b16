package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.Samples;

/**
 * Data files (SPEC.md, "Data"): the header {@code x1,x2,y} with an optional {@code split} column, read strictly so
 * that a file is taken whole or refused with its line and the reason, and written so that it reads back bit for bit.
 */
class DataCsvTest {
    @TempDir
    Path dir;

    private static Samples points(double... xyz) {
        int n = xyz.length / 3;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = xyz[3 * i];
            b[i] = xyz[3 * i + 1];
            t[i] = xyz[3 * i + 2];
        }
        return Samples.of(a, b, t);
    }

    private static String refusal(String text) {
        try {
            DataCsv.parse(text);
        } catch (DataCsvException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void theHeaderThenOnePointALine() throws Exception {
        DataCsv.Points p = DataCsv.parse("x1,x2,y\n0.5,-1.25,1\n3,4e-2,0.3\n");
        assertThat(p.hasSplit()).isFalse();
        assertThat(p.test()).isNull();
        assertThat(p.points()).isEqualTo(points(0.5, -1.25, 1, 3, 0.04, 0.3));
    }

    @Test
    void theSplitColumnMarksTestPoints() throws Exception {
        DataCsv.Points p = DataCsv.parse("x1,x2,y,split\n0,0,0,train\n1,1,1,test\n2,2,1, TEST \n3,3,0,Train\n");
        assertThat(p.hasSplit()).isTrue();
        assertThat(p.test()).containsExactly(false, true, true, false);
        assertThat(p.points().size()).isEqualTo(4);
    }

    @Test
    void spacesCaseBlankLinesBomAndWindowsLineEndsAreAccepted() throws Exception {
        Samples expected = points(1, 2, 0, -3, 4.5, 1);
        assertThat(DataCsv.parse("\uFEFFx1,x2,y\n1,2,0\n-3,4.5,1\n").points()).isEqualTo(expected);
        assertThat(DataCsv.parse("x1,x2,y\r\n1,2,0\r\n-3,4.5,1\r\n").points()).isEqualTo(expected);
        assertThat(DataCsv.parse("\n\n X1 , x2,\tY\n\n 1 , 2 ,0\n\n-3,4.5,1").points()).isEqualTo(expected);
        assertThat(DataCsv.parse("x1,x2,y\n+1,2.,0e0\n-3,4.5,.1e1\n").points()).isEqualTo(expected);
    }

    @Test
    void aMacLineEndAloneIsNotALineEnd() {
        // Only \n and \r\n end lines: a file of old Mac line ends is one line, whose header is wrong.
        assertThat(refusal("x1,x2,y\r1,2,0\r")).isEqualTo(
                "line 1: the header must be x1,x2,y (or x1,x2,y,split) (got 'x1,x2,y?1,2,0?')");
    }

    @Test
    void aWrongHeaderIsRefusedWithItsLine() {
        assertThat(refusal("a,b,c\n1,2,0\n"))
                .isEqualTo("line 1: the header must be x1,x2,y (or x1,x2,y,split) (got 'a,b,c')");
        assertThat(refusal("\n\nx1,x2\n1,2\n"))
                .isEqualTo("line 3: the header must be x1,x2,y (or x1,x2,y,split) (got 'x1,x2')");
        assertThat(refusal("1,2,0\n")).startsWith("line 1: the header must be x1,x2,y");
        assertThat(refusal("x1,x2,y,split,extra\n1,2,0,train,9\n")).startsWith("line 1: the header must be");
        assertThat(refusal("")).isEqualTo("the file is empty; a data file starts with the header x1,x2,y");
        assertThat(refusal("\n \n")).isEqualTo("the file is empty; a data file starts with the header x1,x2,y");
        assertThat(refusal("x1,x2,y\n\n"))
                .isEqualTo("there are no points after the header; a data file holds 1 to 1,000 points");
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndTheReason() throws Exception {
        String head = "x1,x2,y\n0,0,0\n";
        assertThat(refusal(head + "1,2\n")).isEqualTo("line 3: 2 values where the header has 3 (x1,x2,y)");
        assertThat(refusal(head + "1,2,0,train\n")).isEqualTo("line 3: 4 values where the header has 3 (x1,x2,y)");
        assertThat(refusal(head + "1,5;2,0\n"))
                .isEqualTo("line 3: x2 must be a number such as 0.25 or -1.5e-3 (got '5;2')");
        assertThat(refusal(head + "abc,2,0\n"))
                .isEqualTo("line 3: x1 must be a number such as 0.25 or -1.5e-3 (got 'abc')");
        for (String bad : new String[] {"NaN", "Infinity", "-inf", "0x10", "1_000", "1e", "--1", "1.5f", "٣"}) {
            assertThat(refusal(head + "0," + bad + ",0\n")).as(bad)
                    .isEqualTo("line 3: x2 must be a number such as 0.25 or -1.5e-3 (got '" + bad + "')");
        }
        assertThat(refusal(head + "1e400,0,0\n")).isEqualTo("line 3: x1 must be from -1000000 to 1000000 (got 1e400)");
        assertThat(refusal(head + "0,-1000000.5,0\n"))
                .isEqualTo("line 3: x2 must be from -1000000 to 1000000 (got -1000000.5)");
        assertThat(refusal(head + "0,0,1.5\n")).isEqualTo("line 3: y must be from 0 to 1 (got 1.5)");
        assertThat(refusal(head + "0,0,-0.1\n")).isEqualTo("line 3: y must be from 0 to 1 (got -0.1)");
        assertThat(refusal(head + "0, ,1\n")).isEqualTo("line 3: x2 is empty; it must be a number from -1000000 to 1000000");
        assertThat(refusal(head + "0,0,\n")).isEqualTo("line 3: y is empty; it must be a number from 0 to 1");
        assertThat(refusal(head + "0,0,0\u00071\n"))
                .as("a control character is shown as ?").isEqualTo(
                        "line 3: y must be a number such as 0.25 or -1.5e-3 (got '0?1')");
        // As implemented: control characters at a value's ends are trimmed like spaces (String.trim).
        assertThat(DataCsv.parse(head + "1,1,1\u0007\n").points().y(1)).isEqualTo(1);
        String longCell = "9".repeat(60) + "x";
        assertThat(refusal(head + longCell + ",0,0\n")).as("a long cell is cut to 40 characters")
                .isEqualTo("line 3: x1 must be a number such as 0.25 or -1.5e-3 (got '" + "9".repeat(40) + "...')");
        assertThat(refusal("x1,x2,y\n\n\n0,0,2\n")).as("blank lines count").startsWith("line 4: y must be");
    }

    @Test
    void theSplitColumnIsStrictToo() {
        assertThat(refusal("x1,x2,y,split\n0,0,0,train\n1,1,1,validation\n"))
                .isEqualTo("line 3: split must be train or test (got 'validation')");
        assertThat(refusal("x1,x2,y,split\n0,0,0,\n")).isEqualTo("line 2: split must be train or test (got '')");
        assertThat(refusal("x1,x2,y,split\n0,0,0\n")).isEqualTo("line 2: 3 values where the header has 4 (x1,x2,y,split)");
        assertThat(refusal("x1,x2,y,split\n0,0,0,test\n1,1,1,test\n"))
                .isEqualTo("every point is in the test split; at least one must be train");
    }

    @Test
    void aThousandPointsAndNotOneMore() throws Exception {
        StringBuilder b = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 1000; i++) {
            b.append(i).append(",-").append(i).append(',').append(i % 2).append('\n');
        }
        assertThat(DataCsv.parse(b.toString()).points().size()).isEqualTo(1000);
        b.append("1,1,1\n");
        assertThat(refusal(b.toString()))
                .isEqualTo("line 1002: more than 1,000 points; a data file holds at most 1,000");
    }

    @Test
    void writingThenReadingGivesTheSamePointsBitForBit() throws Exception {
        Samples s = points(-0.0, 0, 0, 0.1, -1e-7, 0.3, 123456.789, -999999.999999, 1, 5e-324, 1e6, 0.7,
                -1e6, 1 / 3.0, Math.nextDown(1.0), 2.5e-5, 1e-300, Double.MIN_NORMAL);
        String text = DataCsv.format(s, null);
        assertThat(text).startsWith("x1,x2,y\n-0,0,0\n0.1,-1.0E-7,0.3\n");
        DataCsv.Points back = DataCsv.parse(text);
        assertThat(back.points()).isEqualTo(s);
        assertThat(Double.doubleToRawLongBits(back.points().x1(0))).as("-0 stays -0")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.hasSplit()).isFalse();

        boolean[] test = {false, true, false, true, false, false};
        String split = DataCsv.format(s, test);
        assertThat(split).startsWith("x1,x2,y,split\n-0,0,0,train\n0.1,-1.0E-7,0.3,test\n");
        assertThat(DataCsv.parse(split).test()).containsExactly(test);
        assertThat(DataCsv.parse(split).points()).isEqualTo(s);
    }

    @Test
    void aFileIsWrittenWholeAndReadBack() throws Exception {
        Samples s = points(1.5, -2, 1, 0.25, 3, 0);
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "the old contents, longer than the new ones will be, so a partial write would show");
        DataCsv.write(file, s, new boolean[] {true, false});
        assertThat(Files.readString(file)).isEqualTo("x1,x2,y,split\n1.5,-2,1,test\n0.25,3,0,train\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left").containsExactly(file);
        }
        DataCsv.Points back = DataCsv.read(file);
        assertThat(back.points()).isEqualTo(s);
        assertThat(back.test()).containsExactly(true, false);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataCsv.write(out, s, null);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x1,x2,y\n1.5,-2,1\n0.25,3,0\n");
    }

    @Test
    void aSplitOfTheWrongLengthIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("points.csv"), "x1,x2,y\n9,9,1\n");
        assertThatThrownBy(() -> DataCsv.write(file, points(0, 0, 0, 1, 1, 1), new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the split must have one flag per point (got 1 for 2 points)");
        assertThatThrownBy(() -> DataCsv.format(points(0, 0, 0), new boolean[] {true, false}))
                .hasMessage("the split must have one flag per point (got 2 for 1 point)");
        assertThat(Files.readString(file)).isEqualTo("x1,x2,y\n9,9,1\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteIntoAMissingFolderFailsAndCreatesNothing() {
        Path file = dir.resolve("missing").resolve("points.csv");
        assertThatThrownBy(() -> DataCsv.write(file, points(0, 0, 0), null)).isInstanceOf(IOException.class);
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @Test
    void readingRefusesWhatIsNotADataFile() throws Exception {
        assertThatThrownBy(() -> DataCsv.read(dir)).isInstanceOf(DataCsvException.class)
                .hasMessage("it is a folder, not a data file");
        assertThatThrownBy(() -> DataCsv.read(dir.resolve("none.csv"))).isInstanceOf(DataCsvException.class)
                .hasMessage("it cannot be read: no such file or directory");
        Path bad = Files.write(dir.resolve("latin1.csv"), new byte[] {'x', '1', ',', 'x', '2', ',', 'y', '\n',
                '1', ',', '2', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> DataCsv.read(bad)).isInstanceOf(DataCsvException.class)
                .hasMessageStartingWith("it is not UTF-8 text: line 2 has a byte");
        Path utf16 = Files.write(dir.resolve("utf16.csv"), "x1,x2,y\n1,2,1\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> DataCsv.read(utf16)).isInstanceOf(DataCsvException.class)
                .hasMessageStartingWith("it is not a text file: line 1 holds a NUL byte");
        Path bom = Files.write(dir.resolve("bom.csv"), "\uFEFFx1,x2,y\r\n1,2,1\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(DataCsv.read(bom).points()).isEqualTo(points(1, 2, 1));
    }

    @Test
    void aFileOverAMegabyteIsRefusedBeforeItIsRead() throws Exception {
        Path big = SpecialFiles.sparse(dir.resolve("big.csv"), "x1,x2,y\n", DataCsv.MAX_BYTES + 1);
        assertThatThrownBy(() -> DataCsv.read(big)).isInstanceOf(DataCsvException.class)
                .hasMessage("it is 2 MB, more than a data file can be (at most 1 MB; a data file holds at most 1,000"
                        + " points)");
        Path huge = SpecialFiles.sparse(dir.resolve("huge.csv"), "x1,x2,y\n", SpecialFiles.GIGABYTE);
        assertThatThrownBy(() -> DataCsv.read(huge)).isInstanceOf(DataCsvException.class)
                .hasMessageStartingWith("it is 1,024 MB, more than a data file can be");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aNamedPipeIsRefusedWithoutWaitingOnIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("points.csv"));
        assertThatThrownBy(() -> DataCsv.read(fifo)).isInstanceOf(DataCsvException.class)
                .hasMessage("it is a named pipe (FIFO), not a regular file; XOR Lab reads only regular files");
    }

    /**
     * Found by DataDraftFuzzTest: 200,000 digits and then a letter made the old number pattern (\d+\.?\d*) try every
     * way of splitting the digits, for minutes, with the window waiting. A hang, not a speed, is what fails here.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aHugeMalformedNumberIsRefusedWithoutHanging() {
        String digits = "1".repeat(200_000);
        assertThatThrownBy(() -> DataCsv.parse("x1,x2,y\n0,0,1\n" + digits + "x,0,1\n"))
                .isInstanceOf(DataCsvException.class)
                .hasMessage("line 3: x1 must be a number such as 0.25 or -1.5e-3 (got '" + "1".repeat(40) + "...')");
        assertThatThrownBy(() -> DataCsv.parse("x1,x2,y\n" + digits + ",0,1\n"))
                .isInstanceOf(DataCsvException.class)
                .hasMessage("line 2: x1 must be from -1000000 to 1000000 (got " + "1".repeat(40) + "...)");
    }
}
