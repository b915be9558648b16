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

/**
 * The main window's content: settings on the left, the transport bar on top, the live loss chart, the network, the
 * decision surface and the truth table in the middle, the status bar at the bottom. Every view draws from the
 * newest {@link TrainingFrame} only.
 */
final class MainWindow extends BorderPane {
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
    private int run;
    private long chartGeneration = -1;
    private int chartEpochs;

    MainWindow(RunModel model) {
        this.model = model;
        this.transport = new TransportBar(model);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("main-window");
        setTop(transport);
        ScrollPane settings = new ScrollPane(new SettingsPanel(model));
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
        VBox chartCard = card(chartHeader, chartPane);
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
        hiddenMaps.setMinHeight(110);
        hiddenMaps.setPrefHeight(130);
        networkCard.setMinWidth(420);
        VBox.setVgrow(surfacePane, Priority.ALWAYS);

        VBox tableCard = card(header("Truth table"), new TruthTable(model));
        // Numbers never shorten to "0...." when zoomed in; the canvases beside it give way instead.
        tableCard.setMinWidth(Region.USE_PREF_SIZE);

        HBox lower = new HBox(12, networkCard, surfaceCard, tableCard);
        HBox.setHgrow(networkCard, Priority.ALWAYS);
        HBox.setHgrow(surfaceCard, Priority.ALWAYS);
        VBox centre = new VBox(12, chartCard, lower);
        centre.setPadding(new Insets(12));
        VBox.setVgrow(chartCard, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        chartCard.setPrefHeight(320);
        lower.setPrefHeight(440);
        setCenter(centre);

    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> show(f));
        model.selectedInputProperty().addListener((o, old, i) -> {
            TrainingFrame f = model.frameProperty().get();
            if (f != null) {
                network.show(f.snapshot().weights(), i.intValue());
            }
        });
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
        network.show(f.snapshot().weights(), model.selectedInputProperty().get());
        surface.show(f.grid(), f.snapshot().config().dataset());
        hiddenMaps.show(f.grid());
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
