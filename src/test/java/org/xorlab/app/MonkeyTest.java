package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.compare.CompareModel;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.RunFrame;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;

/**
 * A monkey: 10,000 random user actions on whatever controls the showing tab has (buttons, choices, spinners,
 * sliders, text fields with good and bad values, shortcut keys, tab switches), from a fixed seed, with a watchdog
 * on the FX thread (see {@link Heartbeat}): it never keeps a pulse waiting longer than {@value #FX_STALL_MILLIS} ms.
 * No exception escapes on any thread, the epoch never goes backwards within a run (only Reset and new settings start
 * a new one; rewinding shows old weights without moving the epoch), and the weights stay finite unless a divergence
 * was reported. Now and then it exports (every kind from File ▸ Export, on both tabs) through answered file dialogs
 * into a temporary folder; afterwards every file there is complete and no temporary file is left.
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {
    private static final int ACTIONS = 10_000;
    /** The second, shorter run at 1024x768. */
    private static final int SMALL_SCREEN_ACTIONS = 2_000;
    /**
     * The longest the FX thread may keep a posted pulse waiting: a window frozen this long has hung. Measured on a
     * 2-core machine at load average 17 to 19 (six builds and test runs sharing it), the 10,000 actions' 12,595 pulses
     * waited more than 100 ms 4,854 times, more than 1 s 41 times, and at most 3.9 s; the 1024x768 run's at most
     * 1.8 s. On an idle machine pulses wait milliseconds.
     */
    private static final long FX_STALL_MILLIS = 10_000;
    /**
     * Off the FX thread only a hang is an error: the training threads' taking of commands and an export's file write
     * wait on the CPU and the disk the machine shares with whatever else runs, so their limit is generous.
     */
    private static final long HANG_MILLIS = 60_000;
    private static final List<String> TEXTS = List.of("0.1", "0.5", "2", "10", "1e-6", "1e6", "1e300", "abc", "",
            "-1", "0", "NaN", "Infinity", "1e999", "42", "4294967295", "4294967296", "7", "100", "0.01", "1e-300",
            " 3 ", "٣", "😀", "99999999999999999999", "4,4", "8,8,8,8,8,8", "3,2", "1,8,1", "2,2,2,2,2,2,2", "4,,4",
            "0.9", "0.999", "1e-8");
    /** On average one export every this many actions, from a random stream of its own (the actions stay as they were). */
    private static final int EXPORT_EVERY = 250;
    /** The File ▸ Export items and the file extension each writes. */
    private static final List<String> EXPORT_ITEMS = List.of("menu-export-csv", "menu-export-chart",
            "menu-export-network", "menu-export-surface", "menu-export-window", "menu-export-script",
            "menu-export-worksheet");
    private static final String NOTHING_TO_EXPORT = "There is no loss history to export yet: train at least one epoch first.";
    private static final KeyCode[] KEYS = {KeyCode.SPACE, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.ESCAPE, KeyCode.DIGIT1,
        KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.R, KeyCode.N, KeyCode.UP, KeyCode.DOWN, KeyCode.L, KeyCode.I};

    /** What the runs trained with ("train optimizer adam", "compare loss cross-entropy", "train layers 2", ...). */
    private final Set<String> trainedWith = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    @TempDir
    Path exportDir;
    /**
     * Where the data panel's Import and Export of points go between File exports (its own folder, so the exports'
     * folder holds only what File ▸ Export wrote): a file that does not exist yet is refused on import.
     */
    @TempDir
    Path pointsDir;
    /** What was exported, as "item on tab", and the files written. */
    private final Set<String> exported = new TreeSet<>();
    private final List<Path> exportedFiles = new ArrayList<>();
    private long exportNanos;
    private RunModel model;
    private AppShell shell;
    private Scene scene;
    /** The compare tab's model once a tab switch started it; read by the watchdog off the FX thread. */
    private volatile CompareModel compareModel;
    private Heartbeat heartbeat;

    @Start
    void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        model = new RunModel(TrainingConfig.NOTEBOOK, StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
        shell = new AppShell(model);
        shell.setFileDialogs(pointDialogs());
        scene = new Scene(shell, 1560, 960);
        shell.attach(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        watch(model.frameProperty(), "train");
        heartbeat = new Heartbeat();
    }

    private void watch(javafx.beans.value.ObservableValue<TrainingFrame> frames, String where) {
        frames.addListener((o, old, now) -> {
            if (now == null) {
                return;
            }
            for (RunFrame run : now.runs()) {
                var config = run.snapshot().config();
                if (run.snapshot().epoch() > 0) {
                    trainedWith.add(where + " optimizer " + config.options().optimizer().id());
                    trainedWith.add(where + " loss " + config.options().loss().id());
                    trainedWith.add(where + " layers " + config.hiddenLayers().length);
                    trainedWith.add(where + " activation " + config.options().activation().id());
                }
            }
            for (int i = 0; i < now.runs().size(); i++) {
                RunFrame run = now.runs().get(i);
                if (!run.snapshot().diverged() && !run.snapshot().weights().isFinite()) {
                    violations.add(where + ": non-finite weights without a divergence at epoch " + run.snapshot().epoch());
                }
                if (old != null && old.generation() == now.generation() && i < old.runs().size()
                        && run.snapshot().epoch() < old.runs().get(i).snapshot().epoch()) {
                    violations.add(where + ": epoch went back from " + old.runs().get(i).snapshot().epoch()
                            + " to " + run.snapshot().epoch() + " in generation " + now.generation());
                }
            }
        });
    }

    /** True once the compare tab's frames are being watched (it is made when first shown). */
    private boolean compareWatched;

    @AfterEach
    void stop() {
        System.out.println("Monkey: " + heartbeat.summary());
        heartbeat.close();
        WaitForAsyncUtils.asyncFx(() -> shell.shutdown());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.setDefaultUncaughtExceptionHandler(null);
    }

    @Test
    void tenThousandRandomActionsLeaveTheAppConsistent() throws Exception {
        Random random = new Random(20261125L);
        Random exportRandom = new Random(20261126L);
        int exports = 0;
        for (int i = 0; i < ACTIONS; i++) {
            actAndCheck(i, random);
            if (exportRandom.nextInt(EXPORT_EVERY) == 0) {
                export(exports++, i);
            }
        }
        List<String> all = new ArrayList<>();
        for (String item : EXPORT_ITEMS) {
            all.add(item + " on tab 0");
            all.add(item + " on tab 1");
        }
        System.out.printf("Monkey: %d exports took %.1f s%n", exports, exportNanos / 1e9);
        System.out.println("Monkey: trained with " + new TreeSet<>(trainedWith));
        // The general network's settings were reached and trained with, on both tabs.
        assertThat(trainedWith).as("settings the runs trained with").contains("train optimizer adam",
                "train loss cross-entropy", "train activation tanh", "compare optimizer momentum",
                "compare loss cross-entropy");
        assertThat(trainedWith.stream().filter(w -> w.startsWith("train layers ")).count())
                .as("depths trained on the Train tab").isGreaterThan(1);
        assertThat(exported).as("every export on both tabs").containsAll(all);
        assertThat(exportedFiles).as("exports that wrote a file").hasSizeGreaterThan(EXPORT_ITEMS.size() * 2);
        for (Path file : exportedFiles) {
            assertComplete(file);
        }
        try (Stream<Path> left = Files.list(exportDir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("only the exported files, no temporary ones")
                    .containsExactlyInAnyOrderElementsOf(exportedFiles.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * The same monkey, shorter, on the smallest classroom screen: the layout that reflows and scrolls there (truth
     * table under the surface, folded maps, the inspector folding the settings) must stay as consistent.
     */
    @Test
    void twoThousandRandomActionsAt1024x768LeaveTheAppConsistent() throws Exception {
        FxTesting.onFx(() -> {
            Stage stage = (Stage) scene.getWindow();
            stage.setWidth(1024);
            stage.setHeight(768);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTesting.onFx(() -> scene.getWidth())).isEqualTo(1024.0);
        Random random = new Random(20261207L);
        for (int i = 0; i < SMALL_SCREEN_ACTIONS; i++) {
            actAndCheck(i, random);
        }
        assertThat(FxTesting.onFx(() -> scene.getWidth())).as("still the small screen's width").isEqualTo(1024.0);
    }

    /**
     * Action number {@code i}: one random user action, then the watchdog's wait and every consistency check; the
     * compare tab's frames are watched from the first action that opened it.
     */
    private void actAndCheck(int i, Random random) throws Exception {
        String action = FxTesting.onFx(() -> act(random));
        settle(i, action);
        if (!compareWatched && compareModel != null) {
            FxTesting.onFx(() -> {
                watch(compareModel.frameProperty(), "compare");
                return null;
            });
            compareWatched = true;
        }
        if (!uncaught.isEmpty()) {
            uncaught.forEach(e -> e.printStackTrace());
        }
        assertThat(uncaught).as("uncaught exceptions after action %d (%s)", i, action).isEmpty();
        assertThat(violations).as("after action %d (%s)", i, action).isEmpty();
        assertThat(model.failureProperty().get()).as("training thread after action %d (%s)", i, action).isEmpty();
    }

    /**
     * Export number {@code n}: the next kind in turn, on the tab whose turn it is (switching to it as a user would),
     * through the menu and a file dialog answered with a new file; waits for the write on the file thread (the
     * watchdog goes on timing the FX thread meanwhile; the write itself only has to finish).
     */
    private void export(int n, int afterAction) throws Exception {
        String item = EXPORT_ITEMS.get(n % EXPORT_ITEMS.size());
        int tab = (n / EXPORT_ITEMS.size()) % 2;
        String action = "export " + n + " (" + item + " on tab " + tab + ") after action " + afterAction;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(HANG_MILLIS);
        Path answer = exportDir.resolve("export-" + n);
        Task<Path> task = FxTesting.onFx(() -> {
            closeStrayWindows();
            ((TabPane) scene.lookup("#tabs")).getSelectionModel().select(tab);
            shell.setFileDialogs(new FakeDialogs(answer, new ArrayList<>()));
            Task<Path> before = shell.exports().lastTask();
            menuItem(item).fire();
            Task<Path> started = shell.exports().lastTask();
            return started == before ? null : started;
        });
        assertThat(task).as(action + " started an export").isNotNull();
        CompareTab compare = FxTesting.onFx(shell::startedCompare);
        compareModel = compare == null ? null : compare.model();
        while (!FxTesting.onFx(task::isDone)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(action + " did not finish writing within " + HANG_MILLIS / 1000 + " s");
            }
            Thread.sleep(5);
        }
        Throwable failure = FxTesting.onFx(task::getException);
        if (failure == null) {
            exportedFiles.add(FxTesting.onFx(task::getValue));
        } else {
            // Only the loss history can be refused before the first epoch, and a worksheet of a step it does not
            // cover (or before any step); each says why in a sentence.
            assertThat(item).as(action + " failed: " + failure.getMessage()).isIn("menu-export-csv",
                    "menu-export-worksheet");
            if (item.equals("menu-export-csv")) {
                assertThat(failure.getMessage()).as(action).isEqualTo(NOTHING_TO_EXPORT);
            } else {
                assertThat(failure.getMessage()).as(action).isNotBlank().doesNotContain("Exception");
            }
        }
        exported.add(item + " on tab " + tab);
        FxTesting.runFx(() -> shell.setFileDialogs(pointDialogs()));
        settle(afterAction, action);
        exportNanos += System.nanoTime() - start;
    }

    private FakeDialogs pointDialogs() {
        return new FakeDialogs(pointsDir.resolve("points.csv"), new ArrayList<>());
    }

    /** The cells of a CSV line as RFC 4180 has them: a quoted cell may hold commas and doubled quotes. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private MenuItem menuItem(String id) {
        for (Menu menu : ((MenuBar) shell.getTop()).getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item instanceof Menu sub) {
                    for (MenuItem inner : sub.getItems()) {
                        if (id.equals(inner.getId())) {
                            return inner;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    /** A CSV whose every row has a cell per header column, with numbers in it; or a PNG that decodes. */
    private static void assertComplete(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv")) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).as(name).hasSizeGreaterThan(1);
            assertThat(lines.get(0)).as(name).startsWith("epoch,");
            int columns = cells(lines.get(0)).size();
            assertThat(columns).as(name + " columns").isBetween(2, 1 + CompareSetup.MAX_RUNS);
            for (int row = 1; row < lines.size(); row++) {
                String[] cells = lines.get(row).split(",", -1); // numbers only: no quotes
                assertThat(cells).as(name + " row " + row).hasSize(columns);
                assertThat(Long.parseLong(cells[0])).as(name + " row " + row).isEqualTo(row);
                for (int c = 1; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        Double.parseDouble(cells[c]);
                    }
                }
            }
        } else if (name.endsWith(".py")) {
            assertThat(Files.readString(file)).as(name).contains("import numpy as np");
        } else if (name.endsWith(".pdf")) {
            assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(name)
                    .startsWith("%PDF-").contains("%%EOF");
        } else {
            assertThat(name).endsWith(".png");
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as(name + " decodes").isNotNull();
            assertThat(image.getWidth() * image.getHeight()).as(name).isPositive();
        }
    }

    /** One random user action on the FX thread; returns what it did. */
    private String act(Random random) {
        String done = randomAction(random);
        CompareTab compare = shell.startedCompare();
        compareModel = compare == null ? null : compare.model();
        return done;
    }

    private String randomAction(Random random) {
        closeStrayWindows();
        int kind = random.nextInt(20);
        if (kind == 0) {
            TabPane tabs = (TabPane) scene.lookup("#tabs");
            int tab = random.nextInt(tabs.getTabs().size());
            tabs.getSelectionModel().select(tab);
            return "tab " + tab;
        }
        if (kind == 1 && random.nextInt(10) == 0) {
            // The classic races' shortcuts, Ctrl+1 to Ctrl+3, now and then.
            KeyCode key = new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3}[random.nextInt(3)];
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, true, false, false));
            return "key Ctrl+" + key;
        }
        if (kind <= 4) {
            KeyCode key = KEYS[random.nextInt(KEYS.length)];
            boolean shift = random.nextInt(4) == 0;
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, shift, false, false, false));
            return "key " + (shift ? "Shift+" : "") + key;
        }
        List<Node> controls = new ArrayList<>();
        collect(selectedContent(), controls);
        if (controls.isEmpty()) {
            return "nothing to press";
        }
        Node control = controls.get(random.nextInt(controls.size()));
        String name = control.getClass().getSimpleName() + (control.getId() == null ? "" : "#" + control.getId());
        if (control instanceof MenuButton m && !m.getItems().isEmpty()) {
            MenuItem item = m.getItems().get(random.nextInt(m.getItems().size()));
            item.fire();
            return "choose " + name + " '" + item.getText() + "'";
        }
        if (control instanceof TitledPane t) {
            t.setExpanded(!t.isExpanded());
            return (t.isExpanded() ? "open " : "close ") + name;
        }
        if (control instanceof ButtonBase b) {
            b.fire();
            return "press " + name + " '" + b.getText() + "'";
        }
        if (control instanceof ComboBox<?> c && !c.getItems().isEmpty()) {
            int index = random.nextInt(c.getItems().size());
            c.getSelectionModel().select(index);
            return "choose " + name + " item " + index;
        }
        if (control instanceof Spinner<?> s) {
            int steps = random.nextInt(5) - 2;
            if (steps >= 0) {
                s.increment(steps);
            } else {
                s.decrement(-steps);
            }
            return "spin " + name + " by " + steps;
        }
        if (control instanceof Slider s) {
            double v = s.getMin() + random.nextDouble() * (s.getMax() - s.getMin());
            s.setValueChanging(true);
            s.setValue(v);
            s.setValueChanging(false);
            return "slide " + name + " to " + v;
        }
        if (control instanceof TextField f) {
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            f.setText(text);
            f.fireEvent(new ActionEvent());
            return "type '" + text + "' into " + name;
        }
        return "skip " + name;
    }

    private Parent selectedContent() {
        TabPane tabs = (TabPane) scene.lookup("#tabs");
        return (Parent) tabs.getSelectionModel().getSelectedItem().getContent();
    }

    /** Enabled, visible controls a user could reach. */
    private static void collect(Parent parent, List<Node> out) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (!n.isVisible() || n.isDisabled()) {
                continue;
            }
            if (n instanceof TitledPane t) {
                // The fold (the Train tab's advanced settings) is pressed like a control, and what it shows is reachable.
                out.add(t);
                if (t.isExpanded()) {
                    collect(t, out);
                }
            } else if (n instanceof ButtonBase || n instanceof ComboBox || n instanceof Spinner || n instanceof Slider
                    || n instanceof TextField && !(n.getParent() instanceof Spinner)) {
                out.add(n);
            } else if (n instanceof Parent p) {
                collect(p, out);
            }
        }
    }

    /** Dialogs a monkey opened (the shortcut sheet, an error) are closed again, as a user would. */
    private void closeStrayWindows() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != scene.getWindow() && w instanceof Stage s && w.isShowing()) {
                s.close();
            }
        }
    }

    /**
     * Waits until the FX thread has run what the action queued and both training threads have taken every command,
     * then asks the watchdog how long the FX thread kept its pulses waiting meanwhile.
     */
    private void settle(int index, String action) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(() -> null).get(FX_STALL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("action " + index + " (" + action + "): the FX thread did not answer within "
                    + FX_STALL_MILLIS / 1000 + " s", e);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANG_MILLIS);
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("action " + index + " (" + action + "): the training threads did not take "
                        + "their commands within " + HANG_MILLIS / 1000 + " s");
            }
            Thread.sleep(1);
        }
        long stall = heartbeat.worstSinceLastAsked();
        if (stall > FX_STALL_MILLIS) {
            throw new AssertionError("action " + index + " (" + action + "): the FX thread kept a pulse waiting "
                    + stall + " ms (limit " + FX_STALL_MILLIS + " ms)");
        }
    }

    private int pending() {
        CompareModel compare = compareModel;
        return model.pendingCommands() + (compare == null ? 0 : compare.pendingCommands());
    }

    /**
     * The watchdog: a thread of its own posts a pulse with {@link Platform#runLater} every {@value #PERIOD_MILLIS} ms
     * and times it from posting to running. That is how long the FX thread, busy with whatever came first, would keep
     * a user's click waiting: its own responsiveness. Time the test spends elsewhere (waiting for an export's file
     * write, reading files, waiting for the training threads) is not in it, unless the FX thread is slow then too.
     */
    private static final class Heartbeat implements AutoCloseable {
        private static final long PERIOD_MILLIS = 20;
        private final Thread thread = new Thread(this::beat, "monkey-heartbeat");
        private volatile boolean running = true;
        /** When the pulse now waiting was posted, or 0 when none is waiting. */
        private volatile long waitingSince;
        /** The longest wait, in nanoseconds, since {@link #worstSinceLastAsked} was last called. */
        private final AtomicLong worst = new AtomicLong();
        private final AtomicLong worstEver = new AtomicLong();
        private final AtomicLong pulses = new AtomicLong();
        private final AtomicLong over100 = new AtomicLong();
        private final AtomicLong over1000 = new AtomicLong();

        Heartbeat() {
            thread.setDaemon(true);
            thread.start();
        }

        private void beat() {
            try {
                while (running) {
                    CountDownLatch ran = new CountDownLatch(1);
                    long posted = System.nanoTime();
                    waitingSince = posted;
                    Platform.runLater(() -> {
                        record(System.nanoTime() - posted);
                        waitingSince = 0;
                        ran.countDown();
                    });
                    ran.await();
                    Thread.sleep(PERIOD_MILLIS);
                }
            } catch (InterruptedException e) {
                // closed
            }
        }

        private void record(long nanos) {
            worst.accumulateAndGet(nanos, Math::max);
            worstEver.accumulateAndGet(nanos, Math::max);
            pulses.incrementAndGet();
            if (nanos > 100_000_000L) {
                over100.incrementAndGet();
            }
            if (nanos > 1_000_000_000L) {
                over1000.incrementAndGet();
            }
        }

        /** The longest a pulse waited since the last call, in milliseconds, counting one that is still waiting. */
        long worstSinceLastAsked() {
            long w = worst.getAndSet(0);
            long since = waitingSince;
            if (since != 0) {
                w = Math.max(w, System.nanoTime() - since);
            }
            return TimeUnit.NANOSECONDS.toMillis(w);
        }

        String summary() {
            return String.format("the FX thread ran %,d pulses, %,d after more than 100 ms, %,d after more than 1 s; "
                    + "the longest waited %,d ms", pulses.get(), over100.get(), over1000.get(),
                    TimeUnit.NANOSECONDS.toMillis(worstEver.get()));
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
