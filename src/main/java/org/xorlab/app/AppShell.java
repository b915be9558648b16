package org.xorlab.app;

import atlantafx.base.theme.PrimerLight;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Label;

/**
 * The whole window: the menu bar, and a tab per view ("Train" for one run; more views add their own tabs). Owns
 * the keyboard shortcuts and sends the transport keys to the view that is showing.
 */
final class AppShell extends BorderPane {
    static final String STYLESHEET = "/org/xorlab/app/xorlab.css";

    private final MainWindow train;
    private final Tab compareTab = new Tab("Compare");
    /** The compare view, created when its tab is first shown (its training thread with it). */
    private CompareView compare;
    private final TabPane tabs = new TabPane();
    private final MenuBar menus = new MenuBar();
    private final Shortcuts shortcuts = new Shortcuts();
    private final Menu fileMenu = new Menu("_File");
    private final Menu viewMenu = new Menu("_View");
    private final Menu helpMenu = new Menu("_Help");

    AppShell(RunModel model) {
        this.train = new MainWindow(model);
        createView();
        initShortcuts();
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
            }
        });
        tabs.getTabs().addAll(trainTab, compareTab);
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        MenuItem quit = new MenuItem("Quit");
        quit.setId("menu-quit");
        quit.setOnAction(e -> Platform.exit());
        fileMenu.getItems().add(quit);

        MenuItem log = new MenuItem("Log / linear loss axis   (L)");
        log.setOnAction(e -> toggleLogScale());
        viewMenu.getItems().add(log);

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
        shortcuts.add("Space", "Play / Pause", () -> transport().togglePlay())
                .add("Right", "Step one update (one sample, or one mini-batch)", () -> transport().stepUpdate())
                .add("Shift+Right", "Step one epoch", () -> transport().stepEpochs(1))
                .add("1", "Train 10 epochs", () -> transport().stepEpochs(10))
                .add("2", "Train 100 epochs", () -> transport().stepEpochs(100))
                .add("3", "Train 1,000 epochs", () -> transport().stepEpochs(1000))
                .add("R", "Reset to the seed's initial weights", () -> transport().reset())
                .add("N", "New random seed", this::newSeed)
                .add("Up", "Play faster", () -> nudgeSpeed(1))
                .add("Down", "Play slower", () -> nudgeSpeed(-1))
                .add("L", "Log / linear loss axis", this::toggleLogScale)
                .add("I", "Show / hide the step inspector (every number of the last step)", train::toggleInspector)
                .add("Left", "Rewind: one epoch back on the timeline", () -> train.model().rewindBy(1))
                .add("Shift+Left", "Rewind: 100 epochs back", () -> train.model().rewindBy(100))
                .add("Esc", "Back to live after a rewind", () -> train.model().live())
                .add("Shift+Slash", "Show these shortcuts", this::showShortcuts);
    }

    /** The transport of the view that is showing. */
    private Transport transport() {
        return showingCompare() ? compare.model() : train.model();
    }

    private boolean showingCompare() {
        return compare != null && compareTab.isSelected();
    }

    private void newSeed() {
        if (showingCompare()) {
            compare.transport().newSeed();
        } else {
            train.transport().newSeed();
        }
    }

    private void nudgeSpeed(int direction) {
        if (showingCompare()) {
            compare.transport().nudgeSpeed(direction);
        } else {
            train.transport().nudgeSpeed(direction);
        }
    }

    private void toggleLogScale() {
        if (showingCompare()) {
            compare.toggleLogScale();
        } else {
            train.toggleLogScale();
        }
    }

    /** The compare view, created with its own model and training thread on first use. */
    CompareView compare() {
        if (compare == null) {
            compare = new CompareView(new CompareModel(CompareSetup.NOTEBOOK,
                    TransportBar.SPEEDS[TransportBar.DEFAULT_SPEED_INDEX]));
            compareTab.setContent(compare);
        }
        return compare;
    }

    /** The compare view if it has been shown, else null (does not create it). */
    CompareView startedCompare() {
        return compare;
    }

    /** Stops the compare view's training thread, if it was started. */
    void shutdown() {
        if (compare != null) {
            compare.model().shutdown();
        }
    }

    /** Installs the theme, the stylesheet and the shortcuts on the scene that shows this window. */
    void attach(Scene scene) {
        scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        shortcuts.install(scene);
    }

    MainWindow train() {
        return train;
    }

    Shortcuts shortcuts() {
        return shortcuts;
    }

    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        int row = 0;
        for (Map.Entry<String, String> e : shortcuts.describe().entrySet()) {
            Label key = new Label(e.getKey().equals("Shift+/") ? "?" : e.getKey());
            key.getStyleClass().add("keycap");
            grid.addRow(row++, key, new Label(e.getValue()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }
}
