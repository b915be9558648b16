package org.xorlab.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.view.DecisionSurfaceView;
import org.xorlab.app.view.HiddenUnitMaps;
import org.xorlab.app.view.NetworkView;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;

/**
 * The main window's content: settings on the left, the transport bar on top, the live loss chart, the network, the
 * decision surface and the truth table in the middle, the step inspector on the right, the status bar at the bottom.
 * Every view draws from the newest {@link TrainingFrame} only; while the timeline is rewound, from its preview.
 */
final class MainWindow extends BorderPane {
    /** Narrowest and widest the step inspector on the right gets; between, it takes the room the views leave. */
    static final double INSPECTOR_MIN_WIDTH = 380;
    static final double INSPECTOR_MAX_WIDTH = 500;
    /** The settings' width beside the inspector: a little narrower than alone, which they read well at. */
    static final double SETTINGS_BESIDE_INSPECTOR = 300;

    private final RunModel model;
    private final TransportBar transport;
    private final LossChart chart = new LossChart();
    private final NetworkView network = new NetworkView();
    private final DecisionSurfaceView surface = new DecisionSurfaceView();
    private final HiddenUnitMaps hiddenMaps = new HiddenUnitMaps();
    private final CheckBox logScale = new CheckBox("Log scale");
    /** The canvases' magnification: the window's zoom, so their fonts grow with the controls'. */
    private final DoubleProperty canvasZoom = new SimpleDoubleProperty(1.0);
    private final BooleanProperty settingsShown = new SimpleBooleanProperty(true);
    private final ZoomPane chartPane = new ZoomPane(chart, canvasZoom);
    private final ZoomPane networkPane = new ZoomPane(network, canvasZoom);
    private final ZoomPane surfacePane = new ZoomPane(surface, canvasZoom);
    private final ZoomPane hiddenMapsPane = new ZoomPane(hiddenMaps, canvasZoom);
    private final StepInspector inspector = new StepInspector();
    private final RewindBar rewind;
    private final BooleanProperty inspectorShown = new SimpleBooleanProperty(false);
    /** False until the user shows or hides the inspector; until then it follows the window's width. */
    private boolean inspectorChosen;
    private VBox centre;
    private ScrollPane settings;
    private int run;
    private long chartGeneration = -1;
    private int chartEpochs;
    private Weights shownWeights;
    private boolean gradientsShown;

    MainWindow(RunModel model) {
        this.model = model;
        this.transport = new TransportBar(model);
        this.rewind = new RewindBar(model);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("main-window");
        setTop(transport);
        settings = new ScrollPane(new SettingsPanel(model));
        settings.setFitToWidth(true);
        settings.getStyleClass().add("settings-scroll");
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.visibleProperty().bind(settingsShown);
        settings.managedProperty().bind(settingsShown);
        setLeft(settings);
        setBottom(new StatusBar(model));

        run = chart.addRun("Loss", model.configProperty().get().updatesPerEpoch());
        chart.setId("loss-chart");
        logScale.setId("log-scale");
        logScale.setSelected(true);
        chart.logScaleProperty().bindBidirectional(logScale.selectedProperty());
        HBox chartHeader = header("Loss per epoch", logScale);
        VBox chartCard = card(chartHeader, chartPane, rewind);
        VBox.setVgrow(chartPane, Priority.ALWAYS);

        network.setId("network-view");
        HBox inputs = new HBox(4);
        inputs.setAlignment(Pos.CENTER_LEFT);
        ToggleGroup group = new ToggleGroup();
        Label showing = new Label("Input x =");
        showing.getStyleClass().add("field-label");
        showing.setMinWidth(Region.USE_PREF_SIZE);
        inputs.getChildren().add(showing);
        for (int i = 0; i < Dataset.SIZE; i++) {
            ToggleButton b = new ToggleButton((int) Dataset.x0(i) + "," + (int) Dataset.x1(i));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new javafx.scene.control.Tooltip("Show the activations for input (" + (int) Dataset.x0(i)
                    + ", " + (int) Dataset.x1(i) + "); or click its row in the truth table"));
            b.setId("input-" + i);
            b.setToggleGroup(group);
            b.setSelected(i == model.selectedInputProperty().get());
            int index = i;
            b.setOnAction(e -> {
                model.selectedInputProperty().set(index);
                b.setSelected(true);
            });
            model.selectedInputProperty().addListener((o, old, now) -> b.setSelected(now.intValue() == index));
            inputs.getChildren().add(b);
        }
        VBox networkCard = card(header("Network", inputs), networkPane);
        VBox.setVgrow(networkPane, Priority.ALWAYS);

        surface.setId("decision-surface");
        hiddenMaps.setId("hidden-maps");
        VBox surfaceCard = card(header("Decision surface ŷ(x1, x2)"), surfacePane, hiddenMapsPane);
        surfaceCard.setMinWidth(380);
        hiddenMaps.setMinHeight(150);
        hiddenMaps.setPrefHeight(170);
        networkCard.setMinWidth(420);
        VBox.setVgrow(surfacePane, Priority.ALWAYS);

        VBox tableCard = card(header("Truth table"), new TruthTable(model));
        // Numbers never shorten to "0...." when zoomed in; the canvases beside it give way instead.
        tableCard.setMinWidth(Region.USE_PREF_SIZE);

        HBox lower = new HBox(12, networkCard, surfaceCard, tableCard);
        HBox.setHgrow(networkCard, Priority.ALWAYS);
        HBox.setHgrow(surfaceCard, Priority.ALWAYS);
        centre = new VBox(12, chartCard, lower);
        centre.setPadding(new Insets(12));
        VBox.setVgrow(chartCard, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        chartCard.setPrefHeight(320);
        lower.setPrefHeight(440);
        setCenter(centre);

        inspector.getStyleClass().add("inspector-panel");
        inspector.setMinWidth(INSPECTOR_MIN_WIDTH);
        inspector.setMaxWidth(INSPECTOR_MAX_WIDTH);
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> show(f));
        model.selectedInputProperty().addListener((o, old, i) -> {
            TrainingFrame f = model.frameProperty().get();
            if (f != null) {
                network.show(f.runs().get(0).shownWeights(), i.intValue());
            }
        });
        inspectorShown.addListener(o -> arrangeSides());
        inspector.textSize().addListener(o -> arrangeSides());
        widthProperty().addListener(o -> arrangeSides());
    }

    /**
     * Puts the inspector on the right when it is shown; until the user chooses, it shows whenever the window is wide
     * enough for it beside the settings and every view. On a narrower window the settings fold away while the
     * inspector shows (the views keep their minimum sizes), and come back when it is hidden.
     */
    private void arrangeSides() {
        // The inspector's widths grow with presenter zoom, so its formulas keep fitting.
        double scale = Math.max(1, inspector.textScale());
        double minWidth = INSPECTOR_MIN_WIDTH * scale;
        double maxWidth = INSPECTOR_MAX_WIDTH * scale;
        inspector.setMinWidth(minWidth);
        inspector.setMaxWidth(maxWidth);
        double views = getWidth() - centre.minWidth(-1);
        double besideSettings = views - SETTINGS_BESIDE_INSPECTOR;
        boolean room = besideSettings >= minWidth;
        if (!inspectorChosen && inspectorShown.get() != room) {
            inspectorShown.set(room);
            return;
        }
        boolean shown = inspectorShown.get();
        double width = Math.max(minWidth, Math.min(maxWidth, room ? besideSettings : views));
        inspector.setPrefWidth(width);
        settings.setPrefWidth(shown ? SETTINGS_BESIDE_INSPECTOR : Region.USE_COMPUTED_SIZE);
        setRight(shown ? inspector : null);
        setLeft(!shown || room ? settings : null);
    }

    /**
     * Without the inspector: so that a narrowing window shrinks this view (and the inspector makes room) rather than
     * pushing the inspector off the window's edge.
     */
    @Override
    protected double computeMinWidth(double height) {
        double min = super.computeMinWidth(height);
        return getRight() == null ? min : min - inspector.minWidth(height);
    }

    /** Shows or hides the step inspector (key I); from then on it no longer follows the window's width. */
    void toggleInspector() {
        inspectorChosen = true;
        inspectorShown.set(!inspectorShown.get());
    }

    /** True while the step inspector is showing. */
    BooleanProperty inspectorShownProperty() {
        return inspectorShown;
    }

    StepInspector inspector() {
        return inspector;
    }

    RewindBar rewind() {
        return rewind;
    }

    /** True while the network view marks the last step's gradients. */
    boolean gradientsShown() {
        return gradientsShown;
    }

    /** True while the settings panel is on the left (it folds away for the inspector on a narrow window). */
    boolean settingsShown() {
        return getLeft() == settings;
    }

    /** The weights the network view was last given. */
    Weights shownWeights() {
        return shownWeights;
    }

    RunModel model() {
        return model;
    }

    TransportBar transport() {
        return transport;
    }

    /** The magnification of the chart, network and surface canvases (bound to the window's zoom). */
    DoubleProperty canvasZoomProperty() {
        return canvasZoom;
    }

    /** Whether the settings panel on the left shows. */
    BooleanProperty settingsShownProperty() {
        return settingsShown;
    }

    LossChart chart() {
        return chart;
    }

    /** The network as it shows on screen (zoom included), for export. */
    Region networkView() {
        return networkPane;
    }

    /** The decision surface as it shows on screen (zoom included), for export. */
    Region surfaceView() {
        return surfacePane;
    }

    /** Flips the loss chart between log and linear. */
    void toggleLogScale() {
        logScale.setSelected(!logScale.isSelected());
    }

    private void show(TrainingFrame f) {
        if (f == null) {
            return;
        }
        if (f.generation() != chartGeneration) {
            chart.clearRun(run);
            chartGeneration = f.generation();
            chartEpochs = 0;
        }
        int available = (int) Math.min(f.snapshot().epoch(), f.history().size());
        if (available > chartEpochs) {
            double[] losses = f.history().copyRange(chartEpochs, available);
            chart.append(run, chartEpochs + 1L, losses, losses.length);
            chartEpochs = available;
        }
        RunFrame only = f.runs().get(0);
        Preview preview = only.preview();
        shownWeights = only.shownWeights();
        network.show(shownWeights, model.selectedInputProperty().get());
        surface.show(only.shownGrid(), f.snapshot().config().dataset());
        hiddenMaps.show(only.shownGrid());
        UpdateTrace trace = f.snapshot().lastUpdate();
        // The arrows belong to the live weights' last step: none while playing, rewound or before any step.
        if (trace != null && preview == null && !f.playing()) {
            network.showGradients(trace);
            gradientsShown = true;
        } else if (gradientsShown) {
            network.clearGradients();
            gradientsShown = false;
        }
        if (preview != null) {
            chart.setMarkerEpoch(preview.epoch());
            if (!centre.getStyleClass().contains("rewound")) {
                centre.getStyleClass().add("rewound");
            }
        } else {
            chart.clearMarker();
            centre.getStyleClass().remove("rewound");
        }
        inspector.show(trace, f.playing(), preview == null ? -1 : preview.epoch());
    }

    private static HBox header(String title, Node... extras) {
        Label label = new Label(title);
        label.getStyleClass().add("card-title");
        HBox box = new HBox(12, label);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(extras);
        return box;
    }

    private static VBox card(Node... children) {
        VBox box = new VBox(8, children);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(10, 12, 12, 12));
        return box;
    }
}
