package org.xorlab.app.train;

import static org.xorlab.app.controls.Cards.card;
import static org.xorlab.app.controls.Cards.header;
import static org.xorlab.app.controls.Cards.title;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.run.Preview;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.controls.LabTab;
import org.xorlab.app.controls.LossFeed;
import org.xorlab.app.controls.TransportBar;
import org.xorlab.app.view.DecisionSurfaceView;
import org.xorlab.app.view.HiddenUnitMaps;
import org.xorlab.app.view.LandscapePanel;
import org.xorlab.app.view.NetworkView;
import org.xorlab.app.view.ZoomPane;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.run.DataDraft;
import org.xorlab.engine.Weights;
import org.xorlab.run.Preview;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;

/**
 * The Train tab, one run: settings on the left, the transport bar on top, the live loss chart, the network, the
 * decision surface and the truth table in the middle, the step inspector on the right, the status bar at the bottom.
 * Every view draws from the newest {@link TrainingFrame} only; while the timeline is rewound, from its preview.
 */
public final class TrainTab extends BorderPane implements LabTab {
    /** Narrowest and widest the step inspector on the right gets; between, it takes the room the views leave. */
    static final double INSPECTOR_MIN_WIDTH = 340;
    static final double INSPECTOR_MAX_WIDTH = 500;
    /** The settings' width beside the inspector: a little narrower than alone, which they read well at. */
    static final double SETTINGS_BESIDE_INSPECTOR = 300;
    /** The views' smallest sizes: below them they scroll rather than squeeze a canvas until its labels collide. */
    static final double NETWORK_MIN_WIDTH = 280;
    static final double NETWORK_MIN_HEIGHT = 220;
    static final double SURFACE_MIN_WIDTH = 270;
    static final double SURFACE_MIN_HEIGHT = 190;
    static final double GAP = 12;
    /** One run needs no legend above the plot: this still leaves it {@link LossChart#MIN_PLOT_HEIGHT}. */
    static final double CHART_MIN_HEIGHT = LossChart.MIN_HEIGHT - 34;
    /**
     * The room the views need in their narrowest layout (the network beside the surface, the truth table under it,
     * a scroll bar): what a 1024 px window leaves beside the narrowest inspector.
     */
    static final double VIEWS_MIN_WIDTH = 1024 - INSPECTOR_MIN_WIDTH;
    /** Below this height for the network row the hidden units' maps fold away, leaving the surface its room. */
    static final double MAPS_MIN_ROW_HEIGHT = 430;
    /** What the transport buttons say: they act on the one run. */
    private static final TransportBar.Wording WORDING = new TransportBar.Wording("Start or pause training",
            "Epochs per second while playing", "Train on the next sample (or mini-batch) once",
            "Finish the current epoch", "Train %s epochs", "Back to this seed's initial weights",
            "Draw new initial weights from a random seed");
    /**
     * Presenter mode's card widths at zoom 1 (they grow with the zoom): the chart's smallest; the network's, room
     * for the whole diagram and its legend; the surface's, a 200 px square plot beside its axes and colour scale.
     */
    static final double PRESENTER_CHART_MIN_WIDTH = 330;
    static final double PRESENTER_NETWORK_WIDTH = 344;
    static final double PRESENTER_SURFACE_WIDTH = 370;
    /** The views' width at zoom 1 (less a scroll bar) that holds the chart and network side by side, and the surface. */
    static final double PRESENTER_TWO_COLUMNS = 3 * GAP + PRESENTER_CHART_MIN_WIDTH + PRESENTER_NETWORK_WIDTH;
    static final double PRESENTER_THREE_COLUMNS = PRESENTER_TWO_COLUMNS + GAP + PRESENTER_SURFACE_WIDTH;
    /** The views' narrowest width in presenter mode at zoom 1: one column, what the inspector leaves them. */
    static final double PRESENTER_VIEWS_MIN_WIDTH = 400;

    private final RunModel model;
    private final TransportBar transport;
    private final LossChart chart = new LossChart();
    private final NetworkView network = new NetworkView();
    private final DecisionSurfaceView surface = new DecisionSurfaceView();
    private final HiddenUnitMaps hiddenMaps = new HiddenUnitMaps();
    /** The hidden layer whose units the maps show: "layer 1" to "layer L", one item for the notebook's network. */
    private final ChoiceBox<String> hiddenLayer = new ChoiceBox<>();
    private final CheckBox logScale = new CheckBox("Log scale");
    /** The canvases' magnification: the window's zoom, so their fonts grow with the controls'. */
    private final DoubleProperty canvasZoom = new SimpleDoubleProperty(1.0);
    private final BooleanProperty settingsShown = new SimpleBooleanProperty(true);
    /** Presenter mode: the chart, the network and the surface only, large. */
    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    private final ZoomPane chartPane = new ZoomPane(chart, canvasZoom);
    private final ZoomPane networkPane = new ZoomPane(network, canvasZoom);
    private final ZoomPane surfacePane = new ZoomPane(surface, canvasZoom);
    private final ZoomPane hiddenMapsPane = new ZoomPane(hiddenMaps, canvasZoom);
    /** The loss landscape, shown in the surface's card instead of it. */
    private final LandscapePanel landscape = new LandscapePanel("landscape", canvasZoom);
    private final BooleanProperty landscapeShown = new SimpleBooleanProperty(false);
    private final StepInspector inspector = new StepInspector();
    private final RewindBar rewind;
    private final DiagnosisList diagnosis;
    private final BookmarkList bookmarks;
    private final BooleanProperty inspectorShown = new SimpleBooleanProperty(false);
    /** False until the user shows or hides the inspector; until then it follows the window's width. */
    private boolean inspectorChosen;
    private VBox centre;
    private VBox chartCard;
    /** The views, scrolling only when the window is too small for even their smallest layout. */
    private ScrollPane views;
    private VBox networkCard;
    private VBox surfaceCard;
    private VBox tableCard;
    private final HBox lower = new HBox();
    /** The decision surface with the truth table under it, when the window is too narrow for three columns. */
    private final VBox surfaceColumn = new VBox();
    private int columns;
    private boolean mapsShown = true;
    /** Presenter mode's pages, a screenful each: the first holds as many views side by side as fit. */
    private final DoubleProperty screenful = new SimpleDoubleProperty(0);
    private final List<Page> pages = List.of(new Page(screenful), new Page(screenful), new Page(screenful));
    /** Presenter mode's arrangement: how many views share the first page, and whether the network leads. */
    private int presenterColumns;
    private boolean networkFirst;
    private ScrollPane settings;
    private final DataPanel data;
    private int run;
    private final LossFeed chartFeed = new LossFeed(chart);
    private Weights shownWeights;
    private boolean gradientsShown;
    /** The step last shown, so that only a new step moves the selected input. */
    private UpdateTrace shownTrace;

    public TrainTab(RunModel model) {
        this(model, PointFiles.NONE);
    }

    /** @param files where the data panel's Import CSV… and Export CSV… ask for a file */
    public TrainTab(RunModel model, PointFiles files) {
        this.model = model;
        this.data = new DataPanel(model, files);
        this.transport = new TransportBar(model, "", WORDING, List.of(10L, 100L, 1000L));
        this.rewind = new RewindBar(model);
        this.diagnosis = new DiagnosisList(model);
        this.bookmarks = new BookmarkList(model);
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("main-window");
        setTop(transport);
        settings = new ScrollPane(new SettingsPanel(model, data));
        settings.setFitToWidth(true);
        settings.getStyleClass().add("settings-scroll");
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.visibleProperty().bind(settingsShown);
        settings.managedProperty().bind(settingsShown);
        setLeft(settings);
        setBottom(new TrainStatusBar(model));

        run = chart.addRun(RunModel.RUN_NAME, model.configProperty().get().updatesPerEpoch());
        chart.setId("loss-chart");
        logScale.setId("log-scale");
        logScale.setTooltip(new javafx.scene.control.Tooltip("Plot the loss on a log axis (L)"));
        logScale.setSelected(true);
        logScale.setMinWidth(Region.USE_PREF_SIZE);
        chart.logScaleProperty().bindBidirectional(logScale.selectedProperty());
        Button mark = new Button("Bookmark");
        mark.setId("bookmark-add");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        mark.setTooltip(new javafx.scene.control.Tooltip("Mark the epoch shown, with a note, to come back to it (B;"
                + " Page Up / Page Down go from mark to mark)"));
        mark.setOnAction(e -> bookmarkShown());
        Region chartGrow = new Region();
        HBox.setHgrow(chartGrow, Priority.ALWAYS);
        HBox chartHeader = header("Loss per epoch", logScale, chartGrow, mark);
        chartCard = card(chartHeader, chartPane, rewind, diagnosis, bookmarks);
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
        // On data the four inputs are not the points trained on: a row of the data table chooses the point shown.
        Label pointHint = new Label("a point: click its row in the data table");
        pointHint.setId("network-point-hint");
        pointHint.getStyleClass().add("field-label");
        pointHint.setMinWidth(Region.USE_PREF_SIZE);
        java.util.function.Consumer<TrainingConfig> onData = c -> {
            inputs.setVisible(c.onTruthTable());
            inputs.setManaged(c.onTruthTable());
            pointHint.setVisible(!c.onTruthTable());
            pointHint.setManaged(!c.onTruthTable());
        };
        onData.accept(model.configProperty().get());
        model.configProperty().addListener((o, old, c) -> onData.accept(c));
        javafx.scene.layout.FlowPane networkHeader = new javafx.scene.layout.FlowPane(12, 6, title("Network"), inputs,
                pointHint);
        networkHeader.setAlignment(Pos.CENTER_LEFT);
        networkHeader.setMinHeight(Region.USE_PREF_SIZE);
        inputs.setMinWidth(Region.USE_PREF_SIZE);
        networkCard = card(networkHeader, networkPane);
        VBox.setVgrow(networkPane, Priority.ALWAYS);
        networkCard.setMinWidth(NETWORK_MIN_WIDTH);
        // Magnified with the canvas: a zoomed network squeezed below its smallest size would draw nothing.
        networkPane.minHeightProperty().bind(canvasZoom.multiply(NETWORK_MIN_HEIGHT));

        surface.setId("decision-surface");
        hiddenMaps.setId("hidden-maps");
        hiddenLayer.setId("hidden-layer");
        hiddenLayer.setMinWidth(Region.USE_PREF_SIZE);
        hiddenLayer.setPrefWidth(110);
        hiddenLayer.setTooltip(new javafx.scene.control.Tooltip("Which hidden layer's units the maps show"));
        hiddenLayer.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (i.intValue() >= 0) {
                hiddenMaps.showLayer(i.intValue() + 1);
            }
        });
        Label layerLabel = new Label("Hidden units of");
        layerLabel.getStyleClass().add("field-label");
        layerLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox layerChooser = new HBox(8, layerLabel, hiddenLayer);
        layerChooser.setAlignment(Pos.CENTER_LEFT);
        // Only a deeper network has a layer to choose, and only while the maps show.
        layerChooser.visibleProperty().bind(hiddenMapsPane.visibleProperty()
                .and(javafx.beans.binding.Bindings.size(hiddenLayer.getItems()).greaterThan(1)));
        layerChooser.managedProperty().bind(layerChooser.visibleProperty());
        // The card shows the decision surface (with the hidden units' maps) or the loss landscape.
        VBox surfaceContent = new VBox(8, surfacePane, layerChooser, hiddenMapsPane);
        VBox.setVgrow(surfaceContent, Priority.ALWAYS);
        landscape.setId("landscape-panel");
        VBox.setVgrow(landscape, Priority.ALWAYS);
        ToggleGroup shows = new ToggleGroup();
        ToggleButton surfaceButton = new ToggleButton("Decision surface");
        surfaceButton.setId("show-surface");
        surfaceButton.setTooltip(new javafx.scene.control.Tooltip("The network's output over the inputs (x1, x2)"));
        ToggleButton landscapeButton = new ToggleButton("Landscape");
        landscapeButton.setId("show-landscape");
        landscapeButton.setTooltip(new javafx.scene.control.Tooltip(
                "The loss over a plane through the weights, with the run's path on it"));
        for (ToggleButton b : List.of(surfaceButton, landscapeButton)) {
            b.setToggleGroup(shows);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("card-title-toggle");
        }
        surfaceButton.setSelected(true);
        // A toggle group lets the last button be unpressed; one of the two always shows.
        shows.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                landscapeShown.set(now == landscapeButton);
            }
        });
        landscapeShown.addListener((o, was, now) -> (now ? landscapeButton : surfaceButton).setSelected(true));
        surfaceContent.visibleProperty().bind(landscapeShown.not());
        surfaceContent.managedProperty().bind(landscapeShown.not());
        landscape.visibleProperty().bind(landscapeShown);
        landscape.managedProperty().bind(landscapeShown);
        HBox toggles = new HBox(surfaceButton, landscapeButton);
        toggles.getStyleClass().add("segmented");
        toggles.setMinWidth(Region.USE_PREF_SIZE);
        // The two buttons are the card's title: a title beside them would not fit the card's narrowest width.
        HBox surfaceHeader = new HBox(toggles);
        surfaceHeader.setAlignment(Pos.CENTER_LEFT);
        surfaceCard = card(surfaceHeader, surfaceContent, landscape);
        surfaceCard.setMinWidth(SURFACE_MIN_WIDTH);
        surfacePane.minHeightProperty().bind(canvasZoom.multiply(SURFACE_MIN_HEIGHT));
        hiddenMaps.setMinHeight(150);
        hiddenMaps.setPrefHeight(170);
        VBox.setVgrow(surfacePane, Priority.ALWAYS);

        TruthTable table = new TruthTable(model);
        tableCard = card(header(table.titleProperty()), table);
        tableCard.setId("truth-table-card");
        // Numbers never shorten to "0...." when zoomed in; the canvases beside it give way instead.
        tableCard.setMinWidth(Region.USE_PREF_SIZE);
        tableCard.setMinHeight(Region.USE_PREF_SIZE);

        lower.setSpacing(GAP);
        HBox.setHgrow(networkCard, Priority.ALWAYS);
        surfaceColumn.setSpacing(GAP);
        VBox.setVgrow(surfaceCard, Priority.ALWAYS);
        centre = new VBox(GAP, chartCard, lower);
        centre.setPadding(new Insets(GAP));
        VBox.setVgrow(chartCard, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        chartCard.setPrefHeight(320);
        // The axes and their labels magnified with the canvases, the plot kept at its 180 px on screen at any zoom.
        chartPane.minHeightProperty().bind(canvasZoom.multiply(CHART_MIN_HEIGHT - LossChart.MIN_PLOT_HEIGHT)
                .add(LossChart.MIN_PLOT_HEIGHT));
        chartCard.setMinHeight(Region.USE_COMPUTED_SIZE);
        lower.setPrefHeight(440);
        views = new ScrollPane(centre);
        views.setId("train-views");
        views.getStyleClass().addAll("edge-to-edge", "views-scroll");
        views.setFitToWidth(true);
        views.setFitToHeight(true);
        views.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        views.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        arrangeViews(3, true);
        setCenter(views);

        inspector.getStyleClass().add("inspector-panel");
        inspector.setMinWidth(INSPECTOR_MIN_WIDTH);
        inspector.setMaxWidth(INSPECTOR_MAX_WIDTH);
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> show(f));
        // The own points show as they are drawn, before training restarts on them.
        data.draft().addListener(() -> showPoints(model.configProperty().get()));
        Runnable editing = () -> {
            surface.edit(data.editing() ? data.draft() : null, data::selectedClass);
            showPoints(model.configProperty().get());
        };
        data.editingProperty().addListener(o -> editing.run());
        editing.run();
        model.selectedInputProperty().addListener((o, old, i) -> {
            TrainingFrame f = model.frameProperty().get();
            if (f != null) {
                network.show(f.runs().get(0).shownWeights(), f.snapshot().config(), i.intValue());
            }
        });
        presenting.addListener(o -> {
            // In a presenter column every em counts; the slider beside the chart needs no caption.
            rewind.showCaption(!presenting.get());
            arrangeSides();
            requestLayout();
        });
        inspectorShown.addListener(o -> arrangeSides());
        inspector.textSize().addListener(o -> arrangeSides());
        widthProperty().addListener(o -> arrangeSides());
    }

    /**
     * Chooses the views' layout for the room they have: three columns (network, surface, truth table) when they fit
     * side by side, else the truth table under the surface; the hidden units' maps fold away when the row is short.
     */
    private void fitViews() {
        double width = views.getWidth() - 16; // a vertical scroll bar's width
        double height = views.getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        if (presenting.get()) {
            fitPresenting(width, height);
            return;
        }
        double three = 2 * GAP + NETWORK_MIN_WIDTH + SURFACE_MIN_WIDTH + tableCard.prefWidth(-1) + 2 * GAP + 40;
        int wanted = width >= three ? 3 : 2;
        double row = height - 3 * GAP - chartCard.minHeight(-1) - (wanted == 2 ? tableCard.prefHeight(-1) + GAP : 0);
        arrangeViews(wanted, row >= MAPS_MIN_ROW_HEIGHT);
    }

    /**
     * Presenter mode's own layout, for a projector: no truth table and no hidden units' maps (the surface shows the
     * same four points), and the chart, the network and the surface in as many columns as their smallest readable
     * widths at this zoom allow. On a wide screen all three share the screen; on a 4:3 projector the chart and the
     * network do, and the surface is a screenful further down; beside the step inspector on a small screen each
     * view is a screenful of its own, one under the other. It scrolls down, never sideways, and never shrinks a
     * view below its readable size: the text stays large enough to read from the back of the room.
     *
     * <p>Beside the inspector in one column the network comes first: its change arrows are the step the inspector
     * spells out, while one step hardly moves the loss chart, which follows below.
     */
    private void fitPresenting(double width, double height) {
        double z = canvasZoom.get();
        double room = width / z;
        int wanted = room >= PRESENTER_THREE_COLUMNS ? 3 : room >= PRESENTER_TWO_COLUMNS ? 2 : 1;
        screenful.set(Math.floor(height - 2 * GAP));
        networkCard.setMinWidth(PRESENTER_NETWORK_WIDTH * z);
        surfaceCard.setMinWidth(PRESENTER_SURFACE_WIDTH * z);
        // The chart and the network share the room left over; the surface, a square, keeps its width beside them.
        chartCard.setPrefWidth(PRESENTER_CHART_MIN_WIDTH * z);
        networkCard.setPrefWidth(PRESENTER_NETWORK_WIDTH * z);
        surfaceCard.setPrefWidth(PRESENTER_SURFACE_WIDTH * z);
        arrangePresenting(wanted, wanted == 1 && inspectorShown.get());
    }

    private void arrangePresenting(int wanted, boolean networkLeads) {
        if (mapsShown) {
            mapsShown = false;
            hiddenMapsPane.setVisible(false);
            hiddenMapsPane.setManaged(false);
        }
        if (columns == PRESENTER_COLUMNS && wanted == presenterColumns && networkLeads == networkFirst) {
            return;
        }
        columns = PRESENTER_COLUMNS;
        presenterColumns = wanted;
        networkFirst = networkLeads;
        lower.getChildren().clear();
        surfaceColumn.getChildren().clear();
        List<Region> order = networkLeads ? List.of(networkCard, chartCard, surfaceCard)
                : List.of(chartCard, networkCard, surfaceCard);
        List<Node> shown = new ArrayList<>();
        for (Page page : pages) {
            page.getChildren().clear();
        }
        for (int i = 0; i < order.size(); i++) {
            Page page = pages.get(Math.max(0, i - wanted + 1));
            page.getChildren().add(order.get(i));
            if (!shown.contains(page)) {
                shown.add(page);
            }
        }
        for (Page page : pages) {
            page.fill = shown.size() > 1;
        }
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        HBox.setHgrow(networkCard, Priority.ALWAYS);
        HBox.setHgrow(surfaceCard, wanted == 3 ? Priority.NEVER : Priority.ALWAYS);
        VBox.setVgrow(shown.get(0), Priority.ALWAYS);
        centre.getChildren().setAll(shown);
    }

    /**
     * A screenful of presenter mode's views: when more follow below, at least as tall as the views' viewport, so
     * that the next starts at the screen's edge; never shorter than its views' smallest sizes.
     */
    private static final class Page extends HBox {
        private final DoubleProperty screenful;
        private boolean fill;

        Page(DoubleProperty screenful) {
            super(GAP);
            this.screenful = screenful;
            screenful.addListener(o -> requestLayout());
        }

        @Override
        protected double computeMinHeight(double width) {
            return Math.max(fill ? screenful.get() : 0, super.computeMinHeight(width));
        }
    }

    @Override
    protected void layoutChildren() {
        fitViews();
        super.layoutChildren();
        // The views' new size is known only now: rearranged for it at once, in this same pass. (A layout asked for
        // from inside this one would wait for the next unrelated event, showing the old arrangement until then.)
        Object chosen = arrangement();
        fitViews();
        if (!arrangement().equals(chosen)) {
            super.layoutChildren();
        }
    }

    /** The views' arrangement as chosen last, to tell whether a layout changed it. */
    private Object arrangement() {
        return List.of(columns, mapsShown, presenterColumns, networkFirst, screenful.get());
    }

    private void arrangeViews(int wanted, boolean maps) {
        if (maps != mapsShown) {
            mapsShown = maps;
            hiddenMapsPane.setVisible(maps);
            hiddenMapsPane.setManaged(maps);
        }
        if (wanted == columns) {
            return;
        }
        if (columns == PRESENTER_COLUMNS) {
            // Back from presenter mode: the cards' own sizes, the chart above the row of views.
            for (Page page : pages) {
                page.getChildren().clear();
            }
            networkCard.setMinWidth(NETWORK_MIN_WIDTH);
            surfaceCard.setMinWidth(SURFACE_MIN_WIDTH);
            for (Region card : List.of(chartCard, networkCard, surfaceCard)) {
                card.setPrefWidth(Region.USE_COMPUTED_SIZE);
            }
            HBox.setHgrow(networkCard, Priority.ALWAYS);
            centre.getChildren().setAll(chartCard, lower);
            presenterColumns = 0;
        }
        columns = wanted;
        if (wanted == 3) {
            surfaceColumn.getChildren().clear();
            lower.getChildren().setAll(networkCard, surfaceCard, tableCard);
            HBox.setHgrow(surfaceCard, Priority.ALWAYS);
        } else {
            lower.getChildren().setAll(networkCard, surfaceColumn);
            surfaceColumn.getChildren().setAll(surfaceCard, tableCard);
            HBox.setHgrow(surfaceColumn, Priority.ALWAYS);
        }
    }

    /** {@link #viewColumns} in presenter mode, which has a layout of its own (see {@link #fitPresenting}). */
    public static final int PRESENTER_COLUMNS = 1;

    /**
     * 3 while the network, surface and truth table sit side by side, 2 while the table is under the surface,
     * {@link #PRESENTER_COLUMNS} in presenter mode.
     */
    public int viewColumns() {
        return columns;
    }

    /** True while the hidden units' maps show under the decision surface. */
    boolean hiddenMapsShown() {
        return mapsShown;
    }

    /**
     * Puts the inspector on the right when it is shown; until the user chooses, it shows whenever the window is wide
     * enough for it beside the settings and every view. On a narrower window the settings fold away while the
     * inspector shows (the views keep their minimum sizes), and come back when it is hidden.
     *
     * <p>In presenter mode the inspector keeps its own width at the presenter zoom (so its formulas fit without
     * scrolling sideways) and the views take the rest, rearranged to make room (see {@link #fitPresenting}). An
     * inspector the user has not asked for stays hidden there.
     */
    private void arrangeSides() {
        // The inspector's widths grow with presenter zoom, so its formulas keep fitting.
        double scale = Math.max(1, inspector.textScale());
        boolean projector = presenting.get();
        double viewsMin = projector ? PRESENTER_VIEWS_MIN_WIDTH * scale : VIEWS_MIN_WIDTH;
        double settingsWidth = projector ? SETTINGS_BESIDE_INSPECTOR * scale : SETTINGS_BESIDE_INSPECTOR;
        // ...but never so wide that the views no longer fit beside it: then it scrolls its formulas instead.
        double minWidth = Math.max(INSPECTOR_MIN_WIDTH, Math.min(INSPECTOR_MIN_WIDTH * scale,
                getWidth() - viewsMin));
        // On a projector the views come first: the inspector gets the width its formulas need, no more.
        double maxWidth = projector ? minWidth : INSPECTOR_MAX_WIDTH * scale;
        inspector.setMinWidth(minWidth);
        inspector.setMaxWidth(maxWidth);
        double free = getWidth() - viewsMin;
        double besideSettings = free - settingsWidth;
        boolean room = besideSettings >= minWidth;
        // Until the user chooses, presenter mode starts without it: the class sees the views first; I brings it.
        if (!inspectorChosen && inspectorShown.get() != (room && !projector)) {
            inspectorShown.set(room && !projector);
            return;
        }
        boolean shown = inspectorShown.get();
        double width = Math.max(minWidth, Math.min(maxWidth, room ? besideSettings : free));
        inspector.setPrefWidth(width);
        settings.setPrefWidth(shown ? settingsWidth : Region.USE_COMPUTED_SIZE);
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
    @Override
    public void toggleInspector() {
        inspectorChosen = true;
        inspectorShown.set(!inspectorShown.get());
    }

    /** True while the step inspector is showing. */
    public BooleanProperty inspectorShownProperty() {
        return inspectorShown;
    }

    public StepInspector inspector() {
        return inspector;
    }

    public RewindBar rewind() {
        return rewind;
    }

    /** True while the network view marks the last step's gradients. */
    public boolean gradientsShown() {
        return gradientsShown;
    }

    /** True while the settings panel is on the left (it folds away for the inspector on a narrow window). */
    public boolean settingsShown() {
        return getLeft() == settings;
    }

    /** The weights the network view was last given. */
    public Weights shownWeights() {
        return shownWeights;
    }

    @Override
    public RunModel model() {
        return model;
    }

    @Override
    public TransportBar transport() {
        return transport;
    }

    /** The magnification of the chart, network and surface canvases (bound to the window's zoom). */
    public DoubleProperty canvasZoomProperty() {
        return canvasZoom;
    }

    /** True in presenter mode, which shows only the chart, the network and the surface. */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** Whether the settings panel on the left shows. */
    public BooleanProperty settingsShownProperty() {
        return settingsShown;
    }

    @Override
    public LossChart chart() {
        return chart;
    }

    /** The network as it shows on screen (zoom included), for export. */
    public Region networkView() {
        return networkPane;
    }

    /** The loss landscape's panel (shown in the surface's card when chosen). */
    public LandscapePanel landscape() {
        return landscape;
    }

    @Override
    public long playEpochs() {
        return model.stopRuleProperty().get().epochs();
    }

    /** The epoch the views show: the rewound one, or the live one; 0 before the first frame. */
    private long shownEpoch() {
        TrainingFrame f = model.frameProperty().get();
        if (f == null) {
            return 0;
        }
        Preview p = f.runs().get(0).preview();
        return p != null ? p.epoch() : f.snapshot().epoch();
    }

    /** Marks the epoch shown (B), keeping its note if it has one, and puts the keyboard in its note's field. */
    @Override
    public void bookmarkShown() {
        long epoch = shownEpoch();
        String note = model.bookmarks().stream().filter(b -> b.epoch() == epoch).map(
                org.xorlab.session.Bookmark::note).findFirst().orElse("");
        try {
            model.bookmark(epoch, note);
        } catch (IllegalArgumentException e) {
            return; // a hundred marks already: the button's tooltip says how many a run keeps
        }
        javafx.application.Platform.runLater(() -> {
            var field = bookmarks.noteField(epoch);
            if (field != null) {
                field.requestFocus();
            }
        });
    }

    /** Rewinds to the nearest bookmark before ({@code direction} -1) or after (+1) the epoch shown; after the last, live. */
    @Override
    public void jumpBookmark(int direction) {
        long shown = shownEpoch();
        var marks = model.bookmarks();
        if (direction < 0) {
            for (int i = marks.size() - 1; i >= 0; i--) {
                if (marks.get(i).epoch() < shown) {
                    model.preview(marks.get(i).epoch());
                    return;
                }
            }
        } else {
            for (var b : marks) {
                if (b.epoch() > shown) {
                    model.preview(b.epoch());
                    return;
                }
            }
            model.live();
        }
    }

    @Override
    public void toggleLandscape() {
        landscapeShown.set(!landscapeShown.get());
    }

    @Override
    public void toggleGradients() {
        boolean on = !(landscapeShown.get() && landscape.gradientsShown());
        landscapeShown.set(true);
        landscape.showGradients(on);
    }

    /** True while the surface's card shows the loss landscape. */
    public BooleanProperty landscapeShownProperty() {
        return landscapeShown;
    }

    /** The decision surface as it shows on screen (zoom included), for export. */
    public Region surfaceView() {
        return surfacePane;
    }

    @Override
    public Region view() {
        return this;
    }

    @Override
    public List<ShownRun> shownRuns() {
        return List.of(new ShownRun(RunModel.RUN_NAME, networkPane, surfacePane));
    }

    @Override
    public boolean hasInspector() {
        return true;
    }

    @Override
    public boolean hasTimeline() {
        return true;
    }

    @Override
    public void rewindBy(long epochs) {
        model.rewindBy(epochs);
    }

    @Override
    public void live() {
        model.live();
    }

    @Override
    public boolean holdsSession() {
        return true;
    }

    /** Draws the data's points on the surface, and lets it edit them while the own points are chosen. */
    private void showPoints(TrainingConfig c) {
        Samples[] shown = data.shownPoints(c);
        surface.showPoints(shown[0], shown[1]);
    }

    /** The data panel's own points, for tests. */
    DataDraft draft() {
        return data.draft();
    }

    /** Offers layers 1 to {@code depth} for the hidden-unit maps, keeping the chosen one where it still exists. */
    private void chooseLayers(int depth) {
        if (hiddenLayer.getItems().size() == depth) {
            return;
        }
        int chosen = Math.max(0, Math.min(hiddenLayer.getSelectionModel().getSelectedIndex(), depth - 1));
        List<String> items = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            items.add("layer " + l);
        }
        hiddenLayer.getItems().setAll(items);
        hiddenLayer.getSelectionModel().select(chosen);
    }

    private void show(TrainingFrame f) {
        if (f == null) {
            return;
        }
        if (chartFeed.startsOver(f)) {
            chart.clearRun(run);
            chart.describeLoss(List.of(f.runs().get(0).snapshot().config()));
            chartFeed.restart(f);
        }
        chartFeed.append(f);
        RunFrame only = f.runs().get(0);
        Preview preview = only.preview();
        shownWeights = only.shownWeights();
        network.show(shownWeights, f.snapshot().config(), model.selectedInputProperty().get());
        surface.show(only.shownGrid(), f.snapshot().config().dataset());
        showPoints(f.snapshot().config());
        chooseLayers(only.shownGrid().hiddenLayerCount());
        hiddenMaps.show(only.shownGrid(), f.snapshot().config().samples());
        landscape.show(f.runs());
        UpdateTrace trace = f.snapshot().lastUpdate();
        // The arrows belong to the live weights' last step: none while playing, rewound or before any step.
        if (trace != null && preview == null && !f.playing()) {
            if (trace != shownTrace && trace.samples() == 1) {
                // The network follows the sample the inspector walks through: (0,0), (0,1), (1,0), (1,1).
                model.selectedInputProperty().set(trace.firstSample());
            }
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
        shownTrace = trace;
    }
}
