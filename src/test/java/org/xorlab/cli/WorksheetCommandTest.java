package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xorlab.export.Worksheet;
import org.xorlab.files.Fifos;

/** {@code xorlab worksheet}: trains as {@code train} does to one update and writes its worksheet safely. */
class WorksheetCommandTest {
    @TempDir
    Path dir;

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theFirstUpdateByDefault() throws Exception {
        Path pdf = dir.resolve("sheet.pdf");
        CliRun run = CliRun.of("worksheet", "--out", pdf.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly("Wrote the worksheet of update 1 (epoch 1) of xor, 2 hidden units, seed 42, learning rate 0.1, batch size 1 (SGD) to " + pdf + ".");
        assertThat(text(pdf)).contains(Worksheet.TITLE, "Update 1 · epoch 1", Worksheet.KEY_TITLE);
        assertThat(CliRun.listing(dir)).containsExactly("sheet.pdf");
    }

    @Test
    void anEpochsFirstUpdateWithTrainsOptions() throws Exception {
        Path pdf = dir.resolve("sheet.pdf");
        CliRun run = CliRun.of("worksheet", "--out", pdf.toString(), "--batch-size", "4", "--hidden", "3",
                "--epoch", "100", "--dataset", "and", "--seed", "7");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(text(pdf)).contains("Update 100 · epoch 100", "AND · network 2-3-1", "seed 7 · learning rate 0.1",
                "batch size 4 (full-batch gradient descent)");
    }

    @Test
    void theStepCountsUpdatesAcrossEpochs() throws Exception {
        Path pdf = dir.resolve("sheet.pdf");
        CliRun run = CliRun.of("worksheet", "--out", pdf.toString(), "--step", "7");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(text(pdf)).contains("Update 7 · epoch 2", "One sample: x = (1,0), y = 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--step 0|xorlab worksheet: --step must be a whole number from 1 to 400000000 (got '0')",
        "--step 3 --epoch 2|xorlab worksheet: --step and --epoch are alternatives: give one of them",
        "--epochs 2 --step 9|xorlab worksheet: --step 9 is past the run's last update: --epochs 2 of 4 updates each make 8",
        "--hidden 4,4|xorlab worksheet: a worksheet covers the notebook's network (one hidden layer of 1 to 8 sigmoid "
                + "units, mean squared error, plain SGD) on XOR, AND, OR or XNOR with batch size 1 to 4; this run has "
                + "2 hidden layers",
        "--optimizer adam --activation tanh|xorlab worksheet: a worksheet covers the notebook's network (one hidden "
                + "layer of 1 to 8 sigmoid units, mean squared error, plain SGD) on XOR, AND, OR or XNOR with batch "
                + "size 1 to 4; this run has tanh units, adam",
    })
    void badInputIsOneLineAndStatusTwo(String options, String message) throws Exception {
        Path pdf = dir.resolve("sheet.pdf");
        String[] given = options.split(" ");
        String[] args = new String[given.length + 3];
        args[0] = "worksheet";
        args[1] = "--out";
        args[2] = pdf.toString();
        System.arraycopy(given, 0, args, 3, given.length);
        CliRun run = CliRun.of(args);
        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(message);
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.listing(dir)).isEmpty();
    }

    @Test
    void theOutputIsRequiredAndNeverStandardOutput() {
        CliRun none = CliRun.of("worksheet");
        assertThat(none.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.errLines()).hasSize(1).first().asString().contains("--out");
        CliRun stdout = CliRun.of("worksheet", "--out", "-");
        assertThat(stdout.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stdout.errLines()).containsExactly("xorlab worksheet: --out must name a "
                + "file: a PDF is not written to standard output (use ./- for a file named -) (got '-')");
    }

    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        Path fifo = Fifos.make(dir.resolve("sheet.fifo"));
        Future<byte[]> read = Fifos.drain(fifo);

        CliRun run = Fifos.within(() -> CliRun.of("worksheet", "--out", fifo.toString()));

        assertThat(run.status()).as(run.err()).isZero();
        byte[] pdf = Fifos.await(read);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Fifos.isFifo(fifo)).isTrue();
        assertThat(CliRun.listing(dir)).containsExactly("sheet.fifo");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("lesson-3.pdf"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.pdf"), target.getFileName());

        CliRun run = CliRun.of("worksheet", "--out", link.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
        assertThat(text(target)).contains(Worksheet.TITLE);
        assertThat(CliRun.listing(dir)).containsExactly("latest.pdf", "lesson-3.pdf");
    }

    @Test
    void theHelpListsTrainsOptionsAndTheWorksheetsOwn() {
        CliRun run = CliRun.of("worksheet", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: xorlab worksheet").contains("--batch-size=K", "--hidden",
                "--dataset", "--seed", "--learning-rate", "--epochs", "--out=FILE", "--step=N", "--epoch=E");
    }
}
