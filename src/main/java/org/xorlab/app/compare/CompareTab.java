package org.xorlab.app.compare;

import static org.xorlab.app.controls.Cards.card;
import static org.xorlab.app.controls.Cards.header;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.CompareSummary;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.chart.XAxisMode;
import org.xorlab.app.view.LandscapePanel;
import org.xorlab.engine.Data;
import org.xorlab.engine.Feature;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.CompareSummary;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.controls.LabTab;
import org.xorlab.app.controls.LossFeed;
import org.xorlab.app.controls.StatusBar;
import org.xorlab.app.controls.TransportBar;
import org.xorlab.text.NumberText;

/**
 * The notebook's exercise side by side: "Extend to batch gradient descent. Which one converges faster? Plot the loss
 * over time for both approaches." The transport bar and the shared settings on top; the loss curves of every run in
 * one chart next to the table of epochs and updates to the target loss and the verdict (on a narrow window, the
 * verdict next to the chart and the table under them); under them each run's settings, network and decision surface.
 * Everything draws from the newest {@link TrainingFrame} only.
 */
public final class CompareTab extends BorderPane implements LabTab {
    static final String STYLESHEET = "/org/xorlab/app/compare.css";
    /** What the transport buttons say: they act on every run at once. */
    private static final TransportBar.Wording WORDING = new TransportBar.Wording(
            "Train every run, in lockstep, until the epochs are done", "Lockstep epochs per second while playing",
            "Every run makes one weight update: one sample for SGD, all four for batch GD",
            "Every run finishes one epoch (one pass over the four samples)", "Train every run %s epochs",
            "Every run back to the shared initial weights",
            "Start over from new initial weights (still the same for every run)");

    private final CompareModel model;
    private final TransportBar transport;
    private final LossChart chart = new LossChart();
    private final CheckBox logScale = new CheckBox("Log scale");
    private final ToggleGroup xAxis = new ToggleGroup();
    private final CompareTable table;
    private final Button addRun = new Button("Add run");
    private final HBox runsRow = new HBox(12);
    /** Scrolls the runs sideways when the window is too narrow for all of them. */
    private ScrollPane runs;
    /** Everything between the settings and the status bar; scrolls only when the window is too small for it. */
    private ScrollPane views;
    /** The chart beside the table, or above it when the window is too narrow for both side by side. */
    private final VBox upper = new VBox();
    private VBox chartCard;
    private VBox tableCard;
    private Label tableTitle;
    private static final String QUESTION = "Which converges faster?";
    private static final String NUMBERS = "Epochs, updates and samples to the target";
    /** The verdict's narrowest and widest beside the chart (when the table does not fit there). */
    private static final double VERDICT_MIN_WIDTH = 300;
    private static final double VERDICT_MAX_WIDTH = 460;
    private boolean upperSideBySide;
    private static final double GAP = 12;
    /** The chart's narrowest width beside the table. */
    private static final double CHART_MIN_WIDTH = 460;
    /** The runs on one loss landscape, shown in the chart's card instead of the chart. */
    private final LandscapePanel landscape = new LandscapePanel("compare-landscape",
            new javafx.beans.property.SimpleDoubleProperty(1));
    private final ToggleButton landscapeButton = new ToggleButton("Landscape");
    private final List<RunPanel> panels = new ArrayList<>();
    private final StatusBar status;
    /** The runs the chart shows now: their names, and the epochs of each already appended. */
    private final LossFeed chartFeed = new LossFeed(chart);
    private List<String> chartNames = List.of();
    private double chartTarget = Double.NaN;

    public CompareTab(CompareModel model) {
        this.model = model;
        this.transport = new TransportBar(model, "compare-", WORDING, List.of(100L, 1000L));
        this.status = new StatusBar(model, "compare-", List.of("Epoch"));
        this.table = new CompareTable(model);
        createView();
        initListeners();
        showPanels(model.setupProperty().get());
    }

    private void createView() {
        getStyleClass().addAll("main-window", "compare-view");
        getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        VBox top = new VBox(transport, new CompareSettingsBar(model));
        setTop(top);

        chart.setId("compare-chart");
        logScale.setId("compare-log-scale");
        logScale.setTooltip(new Tooltip("Plot the loss on a log axis (L)"));
        logScale.setSelected(true);
        logScale.setMinWidth(Region.USE_PREF_SIZE);
        chart.logScaleProperty().bindBidirectional(logScale.selectedProperty());
        HBox axisButtons = new HBox();
        axisButtons.setMinWidth(Region.USE_PREF_SIZE);
        axisButtons.getStyleClass().add("segmented");
        for (XAxisMode mode : XAxisMode.values()) {
            ToggleButton b = new ToggleButton(toggleName(mode));
            b.setId("compare-x-" + mode.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(mode);
            b.setToggleGroup(xAxis);
            b.setSelected(mode == chart.getXAxis());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip("Plot the loss against " + mode.label().toLowerCase(java.util.Locale.ROOT)));
            axisButtons.getChildren().add(b);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // The card shows the loss chart or, instead, every run's path on one loss landscape; the two buttons are
        // its title (a caption besides them would not leave the x axis's buttons room on a 1024 px screen).
        ToggleButton chartButton = new ToggleButton("Loss curves");
        chartButton.setId("compare-show-chart");
        chartButton.setTooltip(new Tooltip("Show every run's loss per epoch, update or sample"));
        landscapeButton.setId("compare-show-landscape");
        landscapeButton.setTooltip(new Tooltip("Show the runs' paths on the loss over a plane through the weights"
                + " (they start from the same weights)"));
        ToggleGroup shows = new ToggleGroup();
        for (ToggleButton b : List.of(chartButton, landscapeButton)) {
            b.setToggleGroup(shows);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("card-title-toggle");
        }
        chartButton.setSelected(true);
        shows.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
        });
        HBox viewButtons = new HBox(chartButton, landscapeButton);
        viewButtons.getStyleClass().add("segmented");
        viewButtons.setMinWidth(Region.USE_PREF_SIZE);
        landscape.setId("compare-landscape-panel");
        var showing = landscapeButton.selectedProperty();
        for (javafx.scene.Node n : List.of(chart, axisButtons, logScale)) {
            n.visibleProperty().bind(showing.not());
            n.managedProperty().bind(showing.not());
        }
        landscape.visibleProperty().bind(showing);
        landscape.managedProperty().bind(showing);
        HBox chartHeader = new HBox(12, viewButtons, grow, axisButtons, logScale);
        chartHeader.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox chartCard = card(chartHeader, chart, landscape);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(landscape, Priority.ALWAYS);
        HBox.setHgrow(chartCard, Priority.ALWAYS);

        addRun.setId("compare-add-run");
        addRun.setTooltip(new Tooltip("Add a run with another batch size or learning rate (up to "
                + CompareSetup.MAX_RUNS + "; starts the comparison over)"));
        addRun.setMinWidth(Region.USE_PREF_SIZE);
        Region tableGrow = new Region();
        HBox.setHgrow(tableGrow, Priority.ALWAYS);
        HBox tableHeader = header(QUESTION, tableGrow, addRun);
        tableTitle = (Label) tableHeader.getChildren().get(0);
        VBox tableCard = card(tableHeader, table);
        tableCard.setMinWidth(Region.USE_PREF_SIZE); // the numbers are never clipped; the chart gives way
        tableCard.setPrefWidth(Region.USE_COMPUTED_SIZE);

        this.chartCard = chartCard;
        this.tableCard = tableCard;
        chart.setMinHeight(LossChart.MIN_HEIGHT);
        upper.setSpacing(GAP);
        arrangeUpper(true);
        runs = new ScrollPane(runsRow);
        runs.setId("compare-runs");
        runs.getStyleClass().addAll("edge-to-edge", "runs-scroll");
        runs.setFitToHeight(true);
        runs.setFitToWidth(true);
        runs.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        runs.setPrefHeight(360);
        runs.setMinHeight(RunPanel.MIN_HEIGHT + 4);
        VBox centre = new VBox(GAP, upper, runs);
        centre.setPadding(new Insets(GAP));
        VBox.setVgrow(upper, Priority.ALWAYS);
        VBox.setVgrow(runs, Priority.ALWAYS);
        views = new ScrollPane(centre);
        views.setId("compare-views");
        views.getStyleClass().addAll("edge-to-edge", "views-scroll");
        views.setFitToWidth(true);
        views.setFitToHeight(true);
        views.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        setCenter(views);

        setBottom(status);
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> show(f));
        model.setupProperty().addListener((o, old, s) -> {
            showPanels(s);
            if (old == null || old.budget().measure() != s.budget().measure()) {
                showAxis(s.budget().measure()); // a race on equal updates is read on the updates axis
            }
        });
        xAxis.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one mode is always chosen
            } else {
                chart.setXAxis((XAxisMode) now.getUserData());
            }
        });
        addRun.setOnAction(e -> {
            model.setupProperty().set(model.setupProperty().get().withAddedRun());
            transport.focusPlay(); // not into a run's text field, where Space and R would type
        });
    }

    @Override
    protected void layoutChildren() {
        fitUpper();
        super.layoutChildren();
    }

    /**
     * The chart beside the table when both fit. Otherwise the verdict beside the chart, taking what the chart's
     * header leaves, and the table under both.
     */
    private void fitUpper() {
        double width = getWidth() - 16; // a vertical scroll bar's width
        if (width > 0) {
            double chartWidth = Math.max(CHART_MIN_WIDTH, chartCard.minWidth(-1));
            arrangeUpper(width - 2 * GAP >= chartWidth + GAP + tableCard.prefWidth(-1));
            Region verdict = table.verdictPane();
            if (upperSideBySide) {
                verdict.setMinWidth(Region.USE_COMPUTED_SIZE);
                verdict.setPrefWidth(100); // wraps to the table's width instead of widening it
                verdict.setMaxWidth(Double.MAX_VALUE);
            } else {
                double beside = Math.max(VERDICT_MIN_WIDTH, Math.min(VERDICT_MAX_WIDTH,
                        width - 2 * GAP - GAP - chartWidth));
                verdict.setMinWidth(beside);
                verdict.setPrefWidth(beside);
                verdict.setMaxWidth(beside);
            }
        }
    }

    /**
     * Side by side: the chart beside the table, the verdict under the numbers. Otherwise the verdict beside the
     * chart, so it shows without scrolling on a small screen once the runs are done, and the table under both.
     */
    private void arrangeUpper(boolean sideBySide) {
        if (sideBySide == upperSideBySide && !upper.getChildren().isEmpty()) {
            return;
        }
        upperSideBySide = sideBySide;
        upper.getChildren().clear();
        Region verdict = table.verdictPane();
        Region box;
        if (sideBySide) {
            table.verdictUnderNumbers(true);
            tableTitle.setText(QUESTION);
            box = new HBox(GAP, chartCard, tableCard);
        } else {
            table.verdictUnderNumbers(false);
            tableTitle.setText(NUMBERS);
            HBox row = new HBox(GAP, chartCard, verdict);
            VBox.setVgrow(row, Priority.ALWAYS);
            box = new VBox(GAP, row, tableCard);
        }
        HBox.setHgrow(chartCard, Priority.ALWAYS);
        VBox.setVgrow(chartCard, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        upper.getChildren().setAll(box);
    }

    /** True while the chart and the table sit side by side (a wide window). */
    boolean chartBesideTable() {
        return upperSideBySide;
    }

    /** Selects the x axis that counts {@code measure}. */
    private void showAxis(org.xorlab.engine.Measure measure) {
        for (var toggle : xAxis.getToggles()) {
            if (((XAxisMode) toggle.getUserData()).name().equals(measure.name())) {
                toggle.setSelected(true);
            }
        }
    }

    @Override
    public CompareModel model() {
        return model;
    }

    /**
     * Races the runs on the Train tab's data and input features from now on ({@link Data#TRUTH_TABLE} and x1, x2
     * for the truth table chosen here): the runs start over from their shared initial weights, each batch size
     * following the new number of training samples (the full batch stays the full batch). Call on the FX thread.
     *
     * @throws IllegalArgumentException if the data or the features are missing or the features are not 1 to 7
     *     distinct ones; nothing changes then
     */
    public void useData(Data data, List<Feature> features) {
        CompareSetup now = model.setupProperty().get();
        CompareSetup next = now.withData(data, features);
        if (!next.equals(now)) {
            model.setupProperty().set(next);
        }
    }

    @Override
    public TransportBar transport() {
        return transport;
    }

    @Override
    public LossChart chart() {
        return chart;
    }

    public CompareTable table() {
        return table;
    }

    /** The landscape's panel (shown in the chart's card when chosen). */
    public LandscapePanel landscape() {
        return landscape;
    }

    @Override
    public void toggleLandscape() {
        landscapeButton.setSelected(!landscapeButton.isSelected());
    }

    @Override
    public void toggleGradients() {
        boolean on = !(landscapeButton.isSelected() && landscape.gradientsShown());
        landscapeButton.setSelected(true);
        landscape.showGradients(on);
    }

    /** Shows the landscape instead of the chart, or the chart again. */
    public void showLandscape(boolean on) {
        landscapeButton.setSelected(on);
    }

    public List<RunPanel> panels() {
        return List.copyOf(panels);
    }

    @Override
    public Region view() {
        return this;
    }

    @Override
    public List<ShownRun> shownRuns() {
        return panels.stream().map(p -> new ShownRun(p.runName(), p.networkView(), p.surfaceView())).toList();
    }

    /** One panel per run of the setup; rebuilt only when runs are added or removed. */
    private void showPanels(CompareSetup setup) {
        addRun.setDisable(!setup.canAddRun());
        if (panels.size() != setup.runs().size()) {
            panels.clear();
            for (int i = 0; i < setup.runs().size(); i++) {
                RunPanel panel = new RunPanel(model, i);
                HBox.setHgrow(panel, Priority.ALWAYS);
                panel.setMaxWidth(Double.MAX_VALUE);
                panel.setPrefWidth(RunPanel.MIN_WIDTH);
                panels.add(panel);
            }
            runsRow.getChildren().setAll(panels);
            runs.setHvalue(0); // all runs fit side by side at any supported width; open at the first
            TrainingFrame f = model.frameProperty().get();
            if (f != null && f.runs().size() == panels.size()) {
                showRuns(f);
            }
        } else {
            panels.forEach(p -> p.showSetup(setup));
        }
    }

    private void show(TrainingFrame f) {
        if (f == null) {
            return;
        }
        List<String> names = f.runs().stream().map(RunFrame::name).toList();
        if (chartFeed.startsOver(f) || !names.equals(chartNames)) {
            chart.removeAllRuns();
            chart.describeLoss(f.runs().stream().map(r -> r.snapshot().config()).toList());
            for (RunFrame r : f.runs()) {
                chart.addRun(r.name(), r.snapshot().config().updatesPerEpoch(), r.snapshot().config().sampleCount());
            }
            chartFeed.restart(f);
            chartNames = names;
            chart.clearTargetLoss();
            chartTarget = Double.NaN;
        }
        boolean anyLoss = f.runs().stream().anyMatch(r -> r.snapshot().epoch() > 0);
        if (anyLoss && f.targetLoss() != chartTarget) {
            chart.setTargetLoss(f.targetLoss()); // not on the empty chart, where it would cross "No loss values yet"
            chartTarget = f.targetLoss();
        }
        chartFeed.append(f);
        landscape.show(f.runs());
        if (f.runs().size() == panels.size()) {
            showRuns(f);
        }
        long lockstep = f.runs().stream().mapToLong(r -> r.snapshot().epoch()).max().orElse(0);
        org.xorlab.engine.Budget budget = model.setupProperty().get().budget();
        status.show("Epoch", NumberText.count(lockstep) + (budget.measure() == org.xorlab.engine.Measure.EPOCHS
                ? " of " + NumberText.count(budget.amount()) : " (budget " + budget.describe() + " each)"));
        showCutOff(model.summaryProperty().get());
    }

    /** Marks the end of every curve that stopped because its budget ran out before the target. */
    private void showCutOff(CompareSummary s) {
        if (s == null || s.result().runs().size() != chart.runCount()) {
            return;
        }
        for (int i = 0; i < chart.runCount(); i++) {
            chart.setRunCutOff(i, s.cutOff(i));
        }
    }

    private void showRuns(TrainingFrame f) {
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).show(f.runs().get(i));
        }
    }

    /**
     * An x axis toggle's name, in the table headers' words ("Epochs", "Updates", "Samples"): short, so the chart's
     * header leaves the verdict room beside it on a 1024 px screen. The tooltip and the axis say it in full.
     */
    private static String toggleName(XAxisMode mode) {
        return switch (mode) {
            case EPOCHS -> "Epochs";
            case UPDATES -> "Updates";
            case SAMPLES -> "Samples";
        };
    }
}
