package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
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
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.files.Exports;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/** File ▸ Export on the Compare tab: every run's losses in one CSV, the compare chart, every run's views side by side. */
@ExtendWith(ApplicationExtension.class)
class CompareExportTest {
    private static final int EPOCHS = 40;

    @TempDir
    Path dir;

    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = FxTesting.show(stage, 1560, 960);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    /** Shows the Compare tab and trains every run {@code epochs} epochs. */
    private CompareTab compareAfter(int epochs) {
        CompareTab view = FxTesting.showCompare(window);
        FxTesting.runFx(() -> view.model().stepEpochs(epochs));
        waitFor(() -> onFx(() -> view.model().frameProperty().get().runs().stream()
                .allMatch(r -> r.snapshot().epoch() == epochs)));
        return view;
    }

    private Path finish(Task<Path> task) {
        waitFor(() -> onFx(task::isDone));
        assertThat(onFx(task::getException)).isNull();
        return onFx(task::getValue);
    }

    private String notice() {
        return onFx(() -> window.notice().message());
    }

    @Test
    void theLossCsvHasAColumnPerRunEqualToThePlainEngine() throws Exception {
        compareAfter(EPOCHS);
        Path file = dir.resolve("compare.csv");
        finish(onFx(() -> window.exports().lossHistory(file)));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("epoch,SGD (batch size 1),Batch GD (batch size 4)");
        assertThat(lines).hasSize(EPOCHS + 1);
        double[][] engine = {losses(1), losses(Dataset.SIZE)};
        for (int e = 1; e <= EPOCHS; e++) {
            String[] cells = lines.get(e).split(",");
            assertThat(cells).hasSize(3);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(e);
            for (int run = 0; run < 2; run++) {
                assertThat(Double.parseDouble(cells[run + 1])).as("epoch %d run %d", e, run)
                        .isCloseTo(engine[run][e - 1], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(engine[0][EPOCHS - 1]).as("the two runs differ, so the columns are not swapped")
                .isNotEqualTo(engine[1][EPOCHS - 1]);
        assertThat(notice()).isEqualTo("Exported the loss history (40 epochs, 2 runs) to " + file);
    }

    /** The loss of every epoch of a plain engine trainer with the notebook's seed and learning rate. */
    private static double[] losses(int batchSize) {
        double[] out = new double[EPOCHS];
        new Trainer(new TrainingConfig(Dataset.XOR, 2, 42, 0.1, batchSize))
                .runEpochs(EPOCHS, (epoch, loss) -> out[(int) epoch - 1] = loss);
        return out;
    }

    @Test
    void theChartIsTheCompareChartWithBothRuns() throws Exception {
        compareAfter(EPOCHS);
        Path file = dir.resolve("chart.png");
        finish(onFx(() -> window.exports().chart(file)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(Exports.CHART_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Exports.CHART_HEIGHT);
        // Both runs' curves are drawn in their colours (the Train chart has one run only).
        assertThat(count(image, 0x0072B2)).as("SGD's blue curve").isGreaterThan(100);
        assertThat(count(image, 0xD55E00)).as("batch GD's vermilion curve").isGreaterThan(100);
        keep(file, "export-compare-chart");
    }

    @Test
    void networksAndSurfacesAreEveryRunSideBySideUnderItsName() throws Exception {
        CompareTab view = compareAfter(EPOCHS);
        for (String what : List.of("network", "surface")) {
            Path file = dir.resolve(what + ".png");
            finish(onFx(() -> what.equals("network") ? window.exports().network(file)
                    : window.exports().surface(file)));
            double[][] sizes = onFx(() -> view.panels().stream().map(p -> {
                var node = what.equals("network") ? p.networkView() : p.surfaceView();
                return new double[] {node.getWidth(), node.getHeight()};
            }).toArray(double[][]::new));
            assertThat(sizes.length).isEqualTo(2);
            int width = 2 * Exports.RUNS_PADDING + Exports.RUNS_GAP;
            int height = 0;
            for (double[] s : sizes) {
                width += (int) Math.ceil(s[0] * Exports.IMAGE_SCALE);
                height = Math.max(height, (int) Math.ceil(s[1] * Exports.IMAGE_SCALE));
            }
            height += 2 * Exports.RUNS_PADDING + Exports.RUNS_CAPTION_HEIGHT;
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(what).isEqualTo(width);
            assertThat(image.getHeight()).as(what).isEqualTo(height);
            assertThat(colours(image)).as(what + " is drawn").isGreaterThan(10);
            // Each caption has its run's swatch colour and dark text, in the strip above the views.
            BufferedImage captions = image.getSubimage(0, 0, image.getWidth(),
                    Exports.RUNS_PADDING + Exports.RUNS_CAPTION_HEIGHT);
            assertThat(count(captions, 0x0072B2)).as(what + ": SGD's swatch").isGreaterThan(100);
            assertThat(count(captions, 0xD55E00)).as(what + ": batch GD's swatch").isGreaterThan(100);
            assertThat(dark(captions.getSubimage(0, 0, image.getWidth() / 2, captions.getHeight())))
                    .as(what + ": first caption's text").isGreaterThan(200);
            assertThat(dark(captions.getSubimage(image.getWidth() / 2, 0, image.getWidth() / 2, captions.getHeight())))
                    .as(what + ": second caption's text").isGreaterThan(200);
            keep(file, "export-compare-" + what);
            assertThat(notice()).startsWith("Exported the " + (what.equals("network") ? "networks" : "decision surfaces")
                    + " (" + width + " x " + height + " px) to ");
        }
    }

    @Test
    void theWholeWindowShowsTheCompareTab() throws Exception {
        compareAfter(5);
        Path file = dir.resolve("window.png");
        finish(onFx(() -> window.exports().window(file)));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(stage.getScene().getWidth() * Exports.IMAGE_SCALE));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(stage.getScene().getHeight() * Exports.IMAGE_SCALE));
        assertThat(count(image, 0xD55E00)).as("the batch run's colour, which only the Compare tab shows")
                .isGreaterThan(100);
    }

    @Test
    void theMenuExportsOnCompareAndSessionsSayTheyAreTheTrainTabs() throws Exception {
        compareAfter(6);
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
        assertThat(asked).containsExactly("save: Export the loss history, xor-seed42-compare-epoch6-loss.csv, csv");
        assertThat(Files.readAllLines(written)).hasSize(7).first()
                .isEqualTo("epoch,SGD (batch size 1),Batch GD (batch size 4)");

        for (String id : List.of("menu-export-csv", "menu-export-chart", "menu-export-network",
                "menu-export-surface", "menu-export-window")) {
            assertThat(onFx(() -> menuItem(id).isDisable())).as(id).isFalse();
        }
        assertThat(onFx(() -> menuItem("menu-save-session").isDisable())).isTrue();
        assertThat(onFx(() -> menuItem("menu-save-session").getText())).isEqualTo("Save session…   (Train tab only)");
        onFx(() -> {
            ((TabPane) window.lookup("#tabs")).getSelectionModel().select(0);
            return null;
        });
        assertThat(onFx(() -> menuItem("menu-save-session").isDisable())).isFalse();
        assertThat(onFx(() -> menuItem("menu-save-session").getText())).isEqualTo("Save session…");
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

    /** Keeps a copy in target/view-snapshots/ to look at. */
    private static void keep(Path file, String name) throws java.io.IOException {
        Path out = Path.of("target", "view-snapshots");
        Files.createDirectories(out);
        Files.copy(file, out.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Pixels within a small distance of {@code rgb}. */
    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Near-black pixels (text). */
    private static int dark(BufferedImage image) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int p = image.getRGB(x, y);
                if (((p >> 16) & 0xff) < 80 && ((p >> 8) & 0xff) < 80 && (p & 0xff) < 80) {
                    n++;
                }
            }
        }
        return n;
    }

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
