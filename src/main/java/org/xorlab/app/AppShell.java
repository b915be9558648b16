package org.xorlab.app;

import atlantafx.base.theme.PrimerLight;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.xorlab.engine.Data;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Feature;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.run.CompareSetup;
import org.xorlab.app.compare.CompareModel;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.controls.LabTab;
import org.xorlab.app.controls.Notice;
import org.xorlab.app.controls.TransportBar;
import org.xorlab.app.files.Exports;
import org.xorlab.app.files.FileDialogs;
import org.xorlab.app.files.SessionCommands;
import org.xorlab.app.study.StudyTab;
import org.xorlab.app.train.PointFiles;
import org.xorlab.app.train.RunModel;
import org.xorlab.app.train.TrainTab;

/**
 * The whole window: the menu bar, and a tab per view ("Train" for one run, "Compare" for several). Owns the keyboard
 * shortcuts and the menus, and sends what they do to the {@link LabTab} that is showing.
 */
final class AppShell extends BorderPane {
    static final String STYLESHEET = "/org/xorlab/app/xorlab.css";
    /** Presenter mode, the shortcut sheet and notices. */
    static final String PRESENT_STYLESHEET = "/org/xorlab/app/present.css";

    private final TrainTab train;
    private final Tab compareTab = new Tab("Compare");
    /** The Compare tab, created when it is first shown (its training thread with it). */
    private CompareTab compare;
    private final Tab studyTab = new Tab("Study");
    /** The Study tab, created when it is first shown. */
    private StudyTab study;
    /** The Train tab's data and features as last handed to the Compare tab (see {@link #followTrainData}). */
    private Data comparedData = Data.TRUTH_TABLE;
    private List<Feature> comparedFeatures = Feature.DEFAULT;
    private final TabPane tabs = new TabPane();
    /** What each tab shows, for the tabs that train runs (not the Study tab); Compare is created on first use. */
    private final Map<Tab, Supplier<LabTab>> tabViews = new HashMap<>();
    private final MenuBar menus = new MenuBar();
    private final Shortcuts shortcuts = new Shortcuts();
    private final Menu fileMenu = new Menu("_File");
    private final Menu viewMenu = new Menu("_View");
    private final Menu helpMenu = new Menu("_Help");
    private final Presentation presentation = new Presentation();
    private final ShortcutOverlay shortcutSheet = new ShortcutOverlay(shortcuts);
    private final Notice notice = new Notice();
    /** Above everything else, covering the whole window: the shortcut sheet and the notice. */
    private final StackPane overlays = new StackPane(shortcutSheet, notice);
    /** Writes and reads files one at a time, off the FX thread. */
    private final ExecutorService files = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xorlab-files");
        t.setDaemon(true);
        return t;
    });
    private final FileDialogs.Swappable dialogs = new FileDialogs.Swappable(new FileDialogs.Native(this::window));
    private final Exports exports;
    private final SessionCommands sessions;

    AppShell(RunModel model) {
        TextLayoutGuard.install();
        FileDialogs.Kind csv = new FileDialogs.Kind("CSV table", "csv");
        this.train = new TrainTab(model, new PointFiles(() -> dialogs.open("Import points", csv),
                name -> dialogs.save("Export points", name, csv), files));
        this.exports = new Exports(this::showing, dialogs, notice, files, () -> overlays.setVisible(false),
                () -> overlays.setVisible(true));
        this.sessions = new SessionCommands(model, dialogs, notice, files);
        createView();
        initShortcuts();
        initPresentation();
    }

    private void createView() {
        getStyleClass().add("app-shell");
        Tab trainTab = new Tab("Train", train);
        trainTab.setId("train-tab");
        trainTab.setClosable(false);
        compareTab.setId("compare-tab");
        compareTab.setClosable(false);
        compareTab.setTooltip(new javafx.scene.control.Tooltip(
                "SGD against batch gradient descent from the same initial weights: which converges faster?"));
        compareTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                compare();
                followTrainData();
            }
        });
        // A session opened while the Compare tab shows brings its data there too.
        train.model().configProperty().addListener((o, old, c) -> {
            if (compareTab.isSelected()) {
                followTrainData();
            }
        });
        studyTab.setId("study-tab");
        studyTab.setClosable(false);
        studyTab.setTooltip(new javafx.scene.control.Tooltip(
                "Many seeds and learning rates: which method converges faster, and how sure is that?"));
        studyTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                study();
            }
        });
        tabViews.put(trainTab, () -> train);
        tabViews.put(compareTab, this::compare);
        tabs.getTabs().addAll(trainTab, compareTab, studyTab);
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        MenuItem quit = new MenuItem("Quit");
        quit.setId("menu-quit");
        quit.setOnAction(e -> Platform.exit());
        fileMenu.getItems().add(quit);
        fileMenu.getItems().addAll(0, fileItems());

        MenuItem log = new MenuItem("Log / linear loss axis   (L)");
        log.setOnAction(e -> onLab(LabTab::toggleLogScale));
        viewMenu.getItems().add(log);
        viewMenu.getItems().addAll(viewItems());

        CheckMenuItem inspector = new CheckMenuItem("Step inspector   (I)");
        inspector.setId("menu-inspector");
        inspector.setSelected(train.inspectorShownProperty().get());
        train.inspectorShownProperty().addListener((o, old, shown) -> inspector.setSelected(shown));
        inspector.setOnAction(e -> {
            if (inspector.isSelected() != train.inspectorShownProperty().get()) {
                train.toggleInspector();
            }
        });
        viewMenu.getItems().add(inspector);

        MenuItem keys = new MenuItem("Keyboard shortcuts   (?)");
        keys.setId("menu-shortcuts");
        keys.setOnAction(e -> showShortcuts());
        helpMenu.getItems().add(keys);

        menus.getMenus().addAll(fileMenu, viewMenu, helpMenu);
        setTop(menus);
        setCenter(tabs);
    }

    private void initShortcuts() {
        shortcuts.addWhen("Space", "Play / Pause", this::labShowing, () -> showing().model().togglePlay())
                .addWhen("Right", "Step one update (one sample, or one mini-batch)", this::labShowing,
                        () -> showing().model().stepUpdate())
                .addWhen("Shift+Right", "Step one epoch", this::labShowing, () -> showing().model().stepEpochs(1))
                .addWhen("1", "Train 10 epochs", this::labShowing, () -> showing().model().stepEpochs(10))
                .addWhen("2", "Train 100 epochs", this::labShowing, () -> showing().model().stepEpochs(100))
                .addWhen("3", "Train 1,000 epochs", this::labShowing, () -> showing().model().stepEpochs(1000))
                .addWhen("R", "Reset to the seed's initial weights", this::labShowing, () -> showing().model().reset())
                .addWhen("N", "New random seed", this::labShowing, () -> showing().model().newRandomSeed())
                .addWhen("Up", "Play faster", this::labShowing, () -> showing().transport().nudgeSpeed(1))
                .addWhen("Down", "Play slower", this::labShowing, () -> showing().transport().nudgeSpeed(-1))
                .addWhen("L", "Log / linear loss axis", this::labShowing, () -> showing().toggleLogScale())
                .addWhen("G", "Show / hide the loss landscape", this::labShowing, () -> showing().toggleLandscape())
                .addWhen("Shift+G", "Show / hide the gradient arrows on the loss landscape", this::labShowing,
                        () -> showing().toggleGradients())
                .addWhen("I", "Show / hide the step inspector (Train tab)",
                        () -> labShowing() && showing().hasInspector(),
                        () -> showing().toggleInspector())
                .addWhen("Left", "Rewind: one epoch back on the timeline (Train tab)",
                        () -> labShowing() && showing().hasTimeline(),
                        () -> showing().rewindBy(1))
                .addWhen("Shift+Left", "Rewind: 100 epochs back (Train tab)",
                        () -> labShowing() && showing().hasTimeline(),
                        () -> showing().rewindBy(100))
                .addWhen("Esc", "Back to live after a rewind (Train tab)",
                        () -> labShowing() && showing().hasTimeline(),
                        () -> showing().live())
                .addWhen("B", "Bookmark the epoch shown, with a note (Train tab)",
                        () -> labShowing() && showing().hasTimeline(),
                        () -> showing().bookmarkShown())
                .addWhen("Page Up", "Rewind to the previous bookmark (Train tab)",
                        () -> labShowing() && showing().hasTimeline(),
                        () -> showing().jumpBookmark(-1))
                .addWhen("Page Down", "Go to the next bookmark, or live after the last (Train tab)",
                        () -> labShowing() && showing().hasTimeline(),
                        () -> showing().jumpBookmark(1))
                .add("Shift+Slash", "Show these shortcuts", this::showShortcuts);
        // Presenting, zoom and files. Aliases share a description; the sheet shows at most two keys per line.
        shortcuts.add("F5", "Presenter mode: large, full screen, no settings", presentation::togglePresenting)
                .add("F11", "Full screen", presentation::toggleFullScreen)
                .addWhen("Tab", "Show / hide the settings (presenter mode)", presentation::isPresenting,
                        presentation::toggleSettings)
                .add("Shortcut+Equals", "Zoom in", () -> zoom(1))
                .add("Shortcut+Add", "Zoom in", () -> zoom(1))
                .add("Shortcut+Shift+Equals", "Zoom in", () -> zoom(1))
                .add("Shortcut+Minus", "Zoom out", () -> zoom(-1))
                .add("Shortcut+Subtract", "Zoom out", () -> zoom(-1))
                .add("Shortcut+0", "Reset zoom", () -> zoom(0))
                .addWhen("Shortcut+S", "Save session (Train tab)",
                        () -> labShowing() && showing().holdsSession(), sessions::save)
                .addWhen("Shortcut+O", "Open session (Train tab)",
                        () -> labShowing() && showing().holdsSession(), sessions::open)
                .add("Shortcut+Tab", "Switch to the next tab: Train, Compare, Study", this::nextTab);
        // The classic races, one key each, from either tab.
        CompareSetup.Preset[] presets = CompareSetup.Preset.values();
        for (int i = 0; i < presets.length; i++) {
            CompareSetup.Preset preset = presets[i];
            shortcuts.add("Shortcut+" + (i + 1), "Compare: " + preset.label(), () -> race(preset));
        }
    }

    /** Shows the Compare tab set up for {@code preset}'s race (which starts it over). */
    private void race(CompareSetup.Preset preset) {
        tabs.getSelectionModel().select(compareTab);
        compare().model().setupProperty().set(preset.setup());
    }

    private List<MenuItem> fileItems() {
        MenuItem open = item("Open session…", "menu-open-session", "Shortcut+O", sessions::open);
        MenuItem save = item("Save session…", "menu-save-session", "Shortcut+S", sessions::save);
        Menu export = new Menu("Export");
        export.setId("menu-export");
        export.getItems().addAll(
                item("Loss history (CSV)…", "menu-export-csv", null, exports::lossHistory),
                item("Loss chart (PNG)…", "menu-export-chart", null, exports::chart),
                item("Network (PNG)…", "menu-export-network", null, exports::network),
                item("Decision surface (PNG)…", "menu-export-surface", null, exports::surface),
                item("Whole window (PNG)…", "menu-export-window", null, exports::window),
                item("Python script (NumPy)…", "menu-export-script", null, exports::script),
                item("Worksheet of the last step (PDF)…", "menu-export-worksheet", null, exports::worksheet));
        // Exports act on the showing tab; sessions hold the Train tab's run only, and say so on the other tabs.
        BooleanBinding noSession = Bindings.createBooleanBinding(() -> showing() == null || !showing().holdsSession(),
                tabs.getSelectionModel().selectedItemProperty());
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> showing() == null,
                tabs.getSelectionModel().selectedItemProperty()));
        for (MenuItem item : List.of(open, save)) {
            String text = item.getText();
            item.disableProperty().bind(noSession);
            item.textProperty().bind(Bindings.when(noSession).then(text + "   (Train tab only)").otherwise(text));
        }
        return List.of(open, save, new SeparatorMenuItem(), export, new SeparatorMenuItem());
    }

    private List<MenuItem> viewItems() {
        CheckMenuItem presenting = new CheckMenuItem("Presenter mode");
        presenting.setId("menu-presenter");
        presenting.setAccelerator(KeyCombination.valueOf("F5"));
        presenting.setSelected(presentation.isPresenting());
        presentation.presentingProperty().addListener((o, was, on) -> presenting.setSelected(on));
        presenting.setOnAction(e -> {
            if (presenting.isSelected() != presentation.isPresenting()) {
                presentation.togglePresenting();
            }
        });
        CheckMenuItem fullScreen = new CheckMenuItem("Full screen");
        fullScreen.setId("menu-full-screen");
        fullScreen.setAccelerator(KeyCombination.valueOf("F11"));
        fullScreen.setOnAction(e -> presentation.toggleFullScreen());
        viewMenu.setOnShowing(e -> fullScreen.setSelected(window() instanceof Stage st && st.isFullScreen()));
        CheckMenuItem settings = new CheckMenuItem("Settings panel   (Tab in presenter mode)");
        settings.setId("menu-settings-panel");
        settings.selectedProperty().bindBidirectional(presentation.settingsShownProperty());
        return List.of(new SeparatorMenuItem(), presenting, fullScreen, settings, new SeparatorMenuItem(),
                item("Zoom in", "menu-zoom-in", "Shortcut+Equals", () -> zoom(1)),
                item("Zoom out", "menu-zoom-out", "Shortcut+Minus", () -> zoom(-1)),
                item("Reset zoom", "menu-zoom-reset", "Shortcut+0", () -> zoom(0)));
    }

    /**
     * A menu item; its accelerator only labels it, since the scene's shortcut filter acts on the key before menus
     * see it.
     */
    private static MenuItem item(String text, String id, String key, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (key != null) {
            item.setAccelerator(KeyCombination.valueOf(key));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void initPresentation() {
        presentation.attach(this);
        train.canvasZoomProperty().bind(presentation.effectiveZoomProperty());
        train.settingsShownProperty().bindBidirectional(presentation.settingsShownProperty());
        train.presentingProperty().bind(presentation.presentingProperty());
        overlays.setManaged(false);
        overlays.setPickOnBounds(false);
        StackPane.setAlignment(notice, Pos.BOTTOM_CENTER);
        StackPane.setMargin(notice, new Insets(0, 24, 64, 24));
        getChildren().add(overlays);
    }

    /** One zoom step in (+1) or out (-1), or back to the default (0), told briefly in a notice. */
    private void zoom(int steps) {
        if (steps == 0) {
            presentation.resetZoom();
        } else {
            presentation.zoomBy(steps);
        }
        double wanted = presentation.isPresenting() ? presentation.presenterZoomProperty().get()
                : presentation.zoomProperty().get();
        double shown = presentation.effectiveZoom();
        notice.success(zoomNotice(wanted, shown, presentation.isPresenting()));
    }

    /**
     * What a zoom step says: the zoom asked for, and, when the window shows another, which and why (more than this
     * window has room for, or below presenter mode's smallest text for this screen).
     */
    static String zoomNotice(double wanted, double shown, boolean presenting) {
        String text = "Zoom " + Presentation.percent(wanted) + (presenting ? " in presenter mode" : "");
        if (shown < wanted - 1e-9) {
            return text + " (" + Presentation.percent(shown) + " fits this window)";
        } else if (shown > wanted + 1e-9) {
            return text + " (shown at " + Presentation.percent(shown) + ", the smallest "
                    + (presenting ? "presenter mode uses on this screen)" : "zoom)");
        }
        return text;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        overlays.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    Presentation presentation() {
        return presentation;
    }

    Notice notice() {
        return notice;
    }

    ShortcutOverlay shortcutSheet() {
        return shortcutSheet;
    }

    Exports exports() {
        return exports;
    }

    SessionCommands sessions() {
        return sessions;
    }

    /** The file choosers; tests answer them instead of a user. */
    FileDialogs dialogs() {
        return dialogs;
    }

    /** Replaces the file choosers (tests), keeping the remembered folder. */
    void setFileDialogs(FileDialogs replacement) {
        dialogs.swap(replacement);
    }

    /**
     * The tab that is showing (the Train tab until the tab pane has chosen one), or null for the Study tab, which
     * trains no run of its own: the transport keys, the loss axis and File > Export do nothing there.
     */
    private LabTab showing() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return train;
        }
        Supplier<LabTab> view = tabViews.get(selected);
        return view == null ? null : view.get();
    }

    /** True while a tab that trains runs shows (Train or Compare): where the transport keys act. */
    private boolean labShowing() {
        return showing() != null;
    }

    private void onLab(java.util.function.Consumer<LabTab> action) {
        LabTab tab = showing();
        if (tab != null) {
            action.accept(tab);
        }
    }

    /** The Study tab, created on first use; its "open" buttons load the Train tab or set up a Compare race. */
    StudyTab study() {
        if (study == null) {
            study = new StudyTab(train.model().configProperty(), this::openInTrain, this::openInCompare);
            studyTab.setContent(study);
        }
        return study;
    }

    /** The Study tab if it has been shown, else null. */
    StudyTab startedStudy() {
        return study;
    }

    /** Shows the Train tab with {@code config}'s run (a study's run: its seed, rate, batch size and optimiser). */
    private void openInTrain(TrainingConfig config) {
        train.model().configProperty().set(config);
        tabs.getSelectionModel().select(0);
    }

    /** Shows the Compare tab set up for {@code setup}'s race (a study's pair on one seed). */
    private void openInCompare(CompareSetup setup) {
        tabs.getSelectionModel().select(compareTab);
        compare().model().setupProperty().set(setup);
    }

    /** The Compare tab, created with its own model and training thread on first use. */
    /**
     * The Compare tab races on the data and input features the Train tab has, from when they change there: a truth
     * table chosen on the Compare tab stays until the Train tab's data changes again.
     */
    private void followTrainData() {
        TrainingOptions o = train.model().configProperty().get().options();
        if (!o.data().equals(comparedData) || !o.features().equals(comparedFeatures)) {
            comparedData = o.data();
            comparedFeatures = o.features();
            compare().useData(o.data(), o.features());
        }
    }

    CompareTab compare() {
        if (compare == null) {
            compare = new CompareTab(new CompareModel(CompareSetup.NOTEBOOK,
                    TransportBar.SPEEDS[TransportBar.DEFAULT_SPEED_INDEX]));
            compareTab.setContent(compare);
        }
        return compare;
    }

    /** Shows the next tab (Train, Compare, Study, then Train again). */
    private void nextTab() {
        var selection = tabs.getSelectionModel();
        selection.select((selection.getSelectedIndex() + 1) % tabs.getTabs().size());
    }

    /** The Compare tab if it has been shown, else null (does not create it). */
    CompareTab startedCompare() {
        return compare;
    }

    /**
     * Stops the Compare tab's training thread and the Study tab's study, if they were started, and the file thread once
     * its files are done.
     */
    void shutdown() {
        if (compare != null) {
            compare.model().shutdown();
        }
        if (study != null) {
            study.shutdown();
        }
        files.shutdown();
    }

    /** Installs the theme, the stylesheet and the shortcuts on the scene that shows this window. */
    void attach(Scene scene) {
        scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        scene.getStylesheets().add(getClass().getResource(PRESENT_STYLESHEET).toExternalForm());
        // Before the shortcuts, so Escape closes the sheet rather than acting on the view behind it.
        shortcutSheet.install(scene);
        shortcuts.install(scene);
        presentation.setStage(scene.getWindow() instanceof Stage st ? st : null);
        scene.windowProperty().addListener((o, old, w) -> presentation.setStage(w instanceof Stage st ? st : null));
    }

    TrainTab train() {
        return train;
    }

    Shortcuts shortcuts() {
        return shortcuts;
    }

    /** Shows the shortcut sheet over the window, or closes it. */
    private void showShortcuts() {
        shortcutSheet.toggle();
    }
}
