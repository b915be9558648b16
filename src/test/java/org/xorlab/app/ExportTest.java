package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.files.Exports;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/** File ▸ Export writes files a reader gets back: the CSV parses to the engine's losses, the PNGs decode at size. */
@ExtendWith(ApplicationExtension.class)
class ExportTest {
    @TempDir
    Path dir;

    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = FxTesting.show(stage, 1440, 900);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    /** Waits until the task's outcome is shown (its state changes on the FX thread), and returns its file. */
    private Path finish(Task<Path> task) {
        waitFor(() -> onFx(task::isDone));
        return onFx(task::getValue);
    }

    private String notice() {
        return onFx(() -> window.notice().message());
    }

    @Test
    void lossHistoryIsEpochAndLossForEveryEpochAsTheEngineComputesIt() throws Exception {
        FxTesting.trainEpochs(window, 25);
        Path file = dir.resolve("loss.csv");
        assertThat(finish(onFx(() -> window.exports().lossHistory(file)))).isEqualTo(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("epoch,loss");
        assertThat(lines).hasSize(26);
        List<Double> engine = new ArrayList<>();
        new Trainer(TrainingConfig.NOTEBOOK).runEpochs(25, (e, loss) -> engine.add(loss));
        for (int e = 1; e <= 25; e++) {
            String[] cells = lines.get(e).split(",");
            assertThat(Integer.parseInt(cells[0])).isEqualTo(e);
            assertThat(Double.parseDouble(cells[1])).as("epoch %d", e).isEqualTo(engine.get(e - 1));
        }
        assertThat(notice()).isEqualTo("Exported the loss history (25 epochs) to " + file);
        assertThat(onFx(() -> window.notice().isError())).isFalse();
    }

    /**
     * File > Export > Python script writes the Train tab's run as `xorlab script` does, training as many epochs as
     * Play would; python3 runs it to the engine's losses (ScriptCommandTest checks that for many settings).
     */
    @Test
    void thePythonScriptIsTheRunsNotebookCodeForThePlayEpochs() throws Exception {
        FxTesting.trainEpochs(window, 3);
        runFx(() -> {
            window.train().model().configProperty().set(TrainingConfig.NOTEBOOK.withBatchSize(4).withLearningRate(0.5));
            window.train().model().stopRuleProperty().set(new org.xorlab.run.StopRule(false, 2500, 0.01));
        });
        waitFor(() -> FxTesting.frame(window).snapshot().config().batchSize() == 4);
        Path file = dir.resolve("run.py");
        finish(onFx(() -> window.exports().script(file)));
        assertThat(Files.readString(file)).isEqualTo(org.xorlab.export.NotebookScript.of(
                TrainingConfig.NOTEBOOK.withBatchSize(4).withLearningRate(0.5), 2500));
        assertThat(notice()).isEqualTo("Exported the run as a Python script (2,500 epochs; run it with python3) to "
                + file);
    }

    /** File > Export > Worksheet prints the last update as exercises with an answer key; before any step it says why not. */
    @Test
    void theWorksheetPrintsTheLastStepWithItsKey() throws Exception {
        FxTesting.trainEpochs(window, 0);
        Path none = dir.resolve("none.pdf");
        assertThat(finish(onFx(() -> window.exports().worksheet(none)))).as("refused: no file").isNull();
        assertThat(notice()).isEqualTo("A worksheet prints the last weight update: press Step update (→) first.");
        assertThat(none).doesNotExist();
        runFx(() -> window.train().model().stepUpdate());
        waitFor(() -> FxTesting.frame(window).snapshot().updates() == 1);
        Path file = dir.resolve("sheet.pdf");
        finish(onFx(() -> window.exports().worksheet(file)));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(text).contains(org.xorlab.export.Worksheet.TITLE, org.xorlab.export.Worksheet.KEY_TITLE);
        }
        assertThat(notice()).isEqualTo("Exported a worksheet of update 1 (epoch 1) to " + file);
    }

    @Test
    void theChartIsASlideSizedPng() throws Exception {
        FxTesting.trainEpochs(window, 30);
        Path file = dir.resolve("chart.png");
        finish(onFx(() -> window.exports().chart(file)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(Exports.CHART_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Exports.CHART_HEIGHT);
        assertThat(colours(image)).as("a drawn chart, not a blank image").isGreaterThan(10);
        keep(file, "export-chart");
        assertThat(notice()).isEqualTo("Exported the loss chart (1280 x 720 px) to " + file);
    }

    @Test
    void networkSurfaceAndWindowAreTwiceTheirSizeOnScreen() throws Exception {
        FxTesting.trainEpochs(window, 5);
        for (String what : List.of("network", "surface", "window")) {
            Path file = dir.resolve(what + ".png");
            Task<Path> task = onFx(() -> switch (what) {
                case "network" -> window.exports().network(file);
                case "surface" -> window.exports().surface(file);
                default -> window.exports().window(file);
            });
            finish(task);
            double[] size = onFx(() -> switch (what) {
                case "network" -> new double[] {window.train().networkView().getWidth(), window.train().networkView().getHeight()};
                case "surface" -> new double[] {window.train().surfaceView().getWidth(), window.train().surfaceView().getHeight()};
                default -> new double[] {stage.getScene().getWidth(), stage.getScene().getHeight()};
            });
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(what).isEqualTo((int) Math.ceil(size[0] * Exports.IMAGE_SCALE));
            assertThat(image.getHeight()).as(what).isEqualTo((int) Math.ceil(size[1] * Exports.IMAGE_SCALE));
            assertThat(colours(image)).as(what + " is drawn").isGreaterThan(10);
            keep(file, "export-" + what);
        }
    }

    @Test
    void theWindowImageLeavesOutTheNotice() throws Exception {
        FxTesting.trainEpochs(window, 5);
        onFx(() -> {
            window.notice().error("A notice that must not be in the picture");
            return null;
        });
        Path file = dir.resolve("window.png");
        finish(onFx(() -> window.exports().window(file)));
        BufferedImage image = ImageIO.read(file.toFile());
        // The notice floats centred near the bottom, in the danger colour; the picture has the cards there.
        int red = 0;
        for (int x = image.getWidth() / 3; x < 2 * image.getWidth() / 3; x += 4) {
            for (int y = image.getHeight() - 260; y < image.getHeight() - 60; y += 4) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
                    red++;
                }
            }
        }
        assertThat(red).isZero();
        assertThat(onFx(() -> window.notice().isVisible())).as("the notice is back after the picture").isTrue();
    }

    @Test
    void aFileThatCannotBeWrittenIsAClearErrorAndLeavesNothing() {
        FxTesting.trainEpochs(window, 3);
        Path file = dir.resolve("no-such-folder").resolve("loss.csv");
        Task<Path> task = onFx(() -> window.exports().lossHistory(file));
        waitFor(() -> onFx(task::isDone));
        assertThat(onFx(task::getException)).isNotNull();
        assertThat(notice()).isEqualTo("Could not export the loss history (3 epochs) to " + file
                + ": no such file or directory");
        assertThat(onFx(() -> window.notice().isError())).isTrue();
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void nothingToExportBeforeTheFirstEpochSaysSo() {
        waitFor(() -> FxTesting.frame(window) != null);
        Path file = dir.resolve("loss.csv");
        Task<Path> task = onFx(() -> window.exports().lossHistory(file));
        waitFor(() -> onFx(task::isDone));
        assertThat(notice()).isEqualTo("There is no loss history to export yet: train at least one epoch first.");
        assertThat(file).doesNotExist();
    }

    @Test
    void theExportMenuAsksForAFileAndWritesIt() throws Exception {
        FxTesting.trainEpochs(window, 4);
        Path file = dir.resolve("chosen");
        List<String> asked = new ArrayList<>();
        onFx(() -> {
            window.setFileDialogs(new FakeDialogs(file, asked));
            menuItem("menu-export-csv").fire();
            return null;
        });
        Path written = dir.resolve("chosen.csv");
        waitFor(() -> Files.exists(written));
        waitFor(() -> notice().startsWith("Exported"));
        assertThat(asked).containsExactly("save: Export the loss history, xor-seed42-epoch4-loss.csv, csv");
        assertThat(Files.readAllLines(written)).hasSize(5).first().isEqualTo("epoch,loss");
    }

    /** Keeps a copy in target/view-snapshots/ to look at. */
    private static void keep(Path file, String name) throws java.io.IOException {
        Path dir = Path.of("target", "view-snapshots");
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.getTop();
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, all);
        }
        return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static void collect(Menu menu, List<MenuItem> out) {
        for (MenuItem item : menu.getItems()) {
            out.add(item);
            if (item instanceof Menu sub) {
                collect(sub, out);
            }
        }
    }

    /** Distinct colours in a sample of the image: a blank image has one. */
    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
