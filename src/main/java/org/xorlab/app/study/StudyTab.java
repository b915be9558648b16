package org.xorlab.app.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.xorlab.app.controls.Cards;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.plot.ChartLook;
import org.xorlab.plot.StudyCharts;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.StopRule;
import org.xorlab.run.study.Study;
import org.xorlab.run.study.StudyCurves;
import org.xorlab.run.study.StudyGrid;
import org.xorlab.run.study.StudyMethod;
import org.xorlab.run.study.StudyResult;
import org.xorlab.run.study.StudyRun;
import org.xorlab.run.study.StudySummary;
import org.xorlab.run.study.StudyVerdict;
import org.xorlab.text.NumberText;

/**
 * The Study tab: the Train tab's network trained over a grid of seeds, learning rates, batch sizes and optimisers,
 * each run until its loss first falls below the target or its budget ends, and what that says about which method
 * converges faster: a table of configurations, the ECDF and sensitivity charts, the paired comparison and its verdict.
 * A run of the table can be opened in the Train tab, or its seed raced in Compare, through the callbacks the window
 * gives.
 */
public final class StudyTab extends BorderPane {
    /**
     * How often the table and the verdict follow a study under way, and how often the charts do: often enough to
     * watch, rare enough to leave the cores to the study (a chart is redrawn whole, in Java2D, tens of ms each on a
     * slow machine, and measured at 10 per second it slowed an 800-run study several times over).
     */
    private static final long TABLE_NANOS = 250_000_000L;
    private static final long CHART_NANOS = 1_000_000_000L;
    private static final double GAP = 12;
    /** The verdict's box around its text: padding and border. */
    private static final double VERDICT_INSETS = 26;
    /** Below this width of the table's card, the runs list goes under the table rather than beside it. */
    private static final double NARROW = 1100;

    private final ObservableValue<TrainingConfig> network;
    private final Consumer<TrainingConfig> openInTrain;
    private final Consumer<CompareSetup> openPair;
    private final StudyModel model = new StudyModel();

    private final Label networkLabel = new Label();
    private final StudyField<List<Long>> seeds = new StudyField<>("Seeds", "study-seeds", "1-100", 8,
            GridText::seeds);
    private final StudyField<List<Double>> rates = new StudyField<>("Learning rates", "study-rates", "0.1, 0.3, 1, 3",
            10, GridText::rates);
    private final StudyField<List<Integer>> batchSizes;
    private final StudyField<List<TrainingOptions.Optimizer>> optimizers = new StudyField<>("Optimizers",
            "study-optimizers", "sgd", 8, GridText::optimizers);
    private final StudyField<Double> targetLoss = new StudyField<>("Target loss", "study-target-loss", "0.01", 5,
            StopRule::parseTargetLoss);
    private final ChoiceBox<Measure> budgetMeasure = measures("study-budget-measure");
    private final StudyField<Long> budget;
    private final StudyField<Long> threads = new StudyField<>("Threads", "study-threads",
            Integer.toString(Study.allCores()), 3, t -> GridText.count(t, "Threads", 1, 256));
    private final ChoiceBox<Measure> resultMeasure = measures("study-measure");

    private final Button start = new Button("_Start");
    private final Button cancel = new Button("_Cancel");
    private final Label reason = new Label();
    private final HBox confirmRow = new HBox(8);
    private final Label confirmText = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();

    private final StudyTable table = new StudyTable();
    private final ListView<StudyRun> seedList = new ListView<>();
    private final Label seedCaption = new Label("Runs of the chosen configuration");
    private final Button openTrain = new Button("Open in Train");
    private final Button openCompare = new Button("Open pair in Compare");
    private final Label openReason = new Label();
    private final ChartViewer ecdf = new ChartViewer(null, false);
    private final ChartViewer sensitivity = new ChartViewer(null, false);
    private final Label pairs = new Label();
    private final TextArea verdict = new TextArea();
    private final VBox results = new VBox(GAP);
    private final javafx.beans.property.StringProperty tableTitle = new javafx.beans.property.SimpleStringProperty(
            "Configurations: epochs to the target (★ each method's best rate)");

    private StudySummary summary;
    /** The verdict's text node inside its skin, found on its first layout. */
    private javafx.scene.text.Text verdictText;
    private long lastRefresh;
    private long lastChart;

    /**
     * @param network     the Train tab's settings: every study trains their network on their data
     * @param openInTrain loads a run's settings into the Train tab and shows it
     * @param openPair    sets up a race in the Compare tab and shows it
     */
    public StudyTab(ObservableValue<TrainingConfig> network, Consumer<TrainingConfig> openInTrain,
                    Consumer<CompareSetup> openPair) {
        this.network = network;
        this.openInTrain = openInTrain;
        this.openPair = openPair;
        int n = network.getValue().sampleCount();
        this.batchSizes = new StudyField<>("Batch sizes", "study-batch-sizes", "1, " + GridText.FULL, 7,
                t -> GridText.batchSizes(t, n));
        this.budget = new StudyField<>("Budget per run", "study-budget", "5,000", 6, this::parseBudget);
        createView();
        initListeners();
        showNetwork(network.getValue());
        updateStart();
    }

    private static ChoiceBox<Measure> measures(String id) {
        ChoiceBox<Measure> box = new ChoiceBox<>();
        box.getItems().addAll(Measure.values());
        box.setValue(Measure.EPOCHS);
        box.setConverter(new ChoiceText<>(Measure::plural));
        box.setId(id);
        box.setTooltip(new Tooltip(id.equals("study-budget-measure") ? "What the budget per run counts: epochs,"
                + " weight updates or samples seen" : "What the results count to the target: epochs, weight"
                + " updates or samples seen"));
        return box;
    }

    private long parseBudget(String text) {
        Measure m = budgetMeasure.getValue();
        return GridText.count(text, "Budget", 1, CompareSetup.maxBudget(m));
    }

    private void createView() {
        getStyleClass().addAll("main-window", "study-view");
        networkLabel.setId("study-network");
        networkLabel.setWrapText(true);
        networkLabel.getStyleClass().add("field-label");

        Label measureCaption = new Label("in");
        measureCaption.getStyleClass().add("field-label");
        VBox budgetMeasureBox = new VBox(2, measureCaption, budgetMeasure);
        HBox budgetBox = new HBox(6, budget, budgetMeasureBox);
        FlowPane fields = new FlowPane(GAP, 8, seeds, rates, batchSizes, optimizers, targetLoss, budgetBox, threads);
        fields.setId("study-fields");
        fields.setAlignment(Pos.TOP_LEFT);

        start.setId("study-start");
        start.setMnemonicParsing(true);
        start.getStyleClass().add("accent");
        start.setTooltip(new Tooltip("Train every run of the grid (Alt+S)"));
        cancel.setId("study-cancel");
        cancel.setMnemonicParsing(true);
        cancel.setTooltip(new Tooltip("Stop the study; the runs it finished are kept (Alt+C)"));
        progress.setId("study-progress");
        progress.setPrefWidth(220);
        progress.setMinWidth(120);
        progressText.setId("study-progress-text");
        progressText.setWrapText(true);
        HBox.setHgrow(progressText, Priority.ALWAYS);
        progressText.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(GAP, start, cancel, progress, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        reason.setId("study-start-reason");
        reason.getStyleClass().add("field-error");
        reason.setWrapText(true);
        reason.managedProperty().bind(reason.visibleProperty());

        Button confirm = new Button("Start anyway");
        confirm.setId("study-confirm");
        Button notNow = new Button("Not now");
        notNow.setId("study-not-now");
        confirmText.setId("study-confirm-text");
        confirmText.setWrapText(true);
        confirmRow.getChildren().addAll(confirmText, confirm, notNow);
        confirmRow.setAlignment(Pos.CENTER_LEFT);
        confirmRow.managedProperty().bind(confirmRow.visibleProperty());
        confirmRow.setVisible(false);
        confirm.setOnAction(e -> {
            confirmRow.setVisible(false);
            StudyGrid g = grid();
            if (g != null) {
                begin(g);
            }
        });
        notNow.setOnAction(e -> confirmRow.setVisible(false));

        VBox settings = Cards.card(Cards.header("Study: every seed, rate and batch size"), networkLabel, fields,
                actions, reason, confirmRow);
        settings.setId("study-settings");

        // Results.
        VBox tableBox = new VBox(6, table);
        HBox.setHgrow(tableBox, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        seedList.setId("study-seed-list");
        seedList.setPrefWidth(260);
        seedList.setMinWidth(200);
        // As tall as the table beside it, less the caption and buttons under it.
        seedList.prefHeightProperty().bind(Bindings.max(120, table.prefHeightProperty().subtract(120)));
        seedList.setMinHeight(120);
        seedList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StudyRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : describe(run));
            }
        });
        seedCaption.getStyleClass().add("field-label");
        seedCaption.setWrapText(true);
        openTrain.setId("study-open-train");
        openTrain.setTooltip(new Tooltip("Load this run (its seed, rate, batch size, optimiser) into the Train tab"));
        openCompare.setId("study-open-compare");
        openCompare.setTooltip(new Tooltip("Race this seed in Compare: the two methods, each at its best rate"));
        openTrain.setMaxWidth(Double.MAX_VALUE);
        openCompare.setMaxWidth(Double.MAX_VALUE);
        openReason.setId("study-open-reason");
        openReason.setWrapText(true);
        openReason.getStyleClass().add("field-label");
        VBox seedBox = new VBox(6, seedCaption, seedList, openTrain, openCompare, openReason);
        seedBox.setPrefWidth(260);
        seedBox.setMinWidth(200);
        seedBox.setMaxWidth(300);
        VBox.setVgrow(seedList, Priority.ALWAYS);
        HBox tableRow = new HBox(GAP, tableBox, seedBox);
        // Where the table needs the width (below about 1,100 px), the runs and their buttons go under it.
        HBox seedRow = new HBox(GAP);
        seedRow.managedProperty().bind(seedRow.visibleProperty());
        seedRow.setVisible(false);
        // What the results count is chosen beside them, and can change while the study runs or after it.
        Label resultCaption = new Label("Results by");
        resultCaption.getStyleClass().add("field-label");
        resultCaption.setLabelFor(resultMeasure);
        resultCaption.setMinWidth(Region.USE_PREF_SIZE);
        resultMeasure.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox tableHeader = Cards.header(tableTitle, grow, resultCaption, resultMeasure);
        ((Label) tableHeader.getChildren().get(0)).setMinWidth(0);
        ((Label) tableHeader.getChildren().get(0)).setWrapText(true);
        VBox tableCard = Cards.card(tableHeader, tableRow, seedRow);
        tableCard.widthProperty().addListener((o, old, w) -> {
            boolean narrow = w.doubleValue() < NARROW;
            if (narrow == seedRow.isVisible()) {
                return;
            }
            seedRow.setVisible(narrow);
            if (narrow) {
                VBox buttons = new VBox(6, openTrain, openCompare, openReason);
                buttons.setPrefWidth(260);
                buttons.setMinWidth(200);
                VBox runsBox = new VBox(6, seedCaption, seedList);
                HBox.setHgrow(runsBox, Priority.ALWAYS);
                seedList.prefHeightProperty().unbind();
                seedList.setPrefHeight(150);
                seedRow.getChildren().setAll(runsBox, buttons);
                tableRow.getChildren().setAll(tableBox);
            } else {
                seedList.prefHeightProperty().bind(Bindings.max(120, table.prefHeightProperty().subtract(120)));
                seedBox.getChildren().setAll(seedCaption, seedList, openTrain, openCompare, openReason);
                seedRow.getChildren().clear();
                tableRow.getChildren().setAll(tableBox, seedBox);
            }
        });
        tableCard.setId("study-table-card");

        ecdf.setId("study-ecdf");
        sensitivity.setId("study-sensitivity");
        VBox ecdfCard = Cards.card(Cards.header("Fraction of seeds converged"), ecdf);
        VBox sensitivityCard = Cards.card(Cards.header("Sensitivity to the learning rate"), sensitivity);
        for (ChartViewer v : List.of(ecdf, sensitivity)) {
            v.setPrefSize(400, 440);
            v.setMinSize(200, 320);
            VBox.setVgrow(v, Priority.ALWAYS);
        }
        for (VBox c : List.of(ecdfCard, sensitivityCard)) {
            c.setPrefWidth(0);
            c.setMinWidth(0);
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        HBox charts = new HBox(GAP, ecdfCard, sensitivityCard);

        pairs.setId("study-pairs");
        pairs.setWrapText(true);
        verdict.setId("study-verdict");
        verdict.setEditable(false);
        verdict.setWrapText(true);
        verdict.setPrefRowCount(3);
        // The box as tall as the wrapped sentence at its width, once its skin has laid it out: all of it shows.
        verdict.widthProperty().addListener((o, old, w) -> fitVerdict());
        verdict.getStyleClass().add("study-verdict");
        VBox verdictCard = Cards.card(Cards.header("Paired comparison at each method's best rate"), pairs, verdict);
        verdictCard.setId("study-verdict-card");

        results.getChildren().addAll(tableCard, verdictCard, charts);
        results.setId("study-results");
        results.managedProperty().bind(results.visibleProperty());
        results.setVisible(false);

        VBox content = new VBox(GAP, settings, results);
        content.setPadding(new Insets(GAP));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("study-scroll");
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        setCenter(scroll);
    }

    private void initListeners() {
        for (StudyField<?> f : List.of(seeds, rates, batchSizes, optimizers, targetLoss, budget, threads)) {
            f.valueProperty().addListener((o, old, now) -> updateStart());
            f.problemProperty().addListener((o, old, now) -> updateStart());
        }
        budgetMeasure.valueProperty().addListener((o, old, now) -> budget.revalidate(this::parseBudget));
        network.addListener((o, old, now) -> {
            showNetwork(now);
            int n = now.sampleCount();
            batchSizes.revalidate(t -> GridText.batchSizes(t, n));
            updateStart();
        });
        model.runningProperty().addListener((o, was, now) -> {
            updateStart();
            refresh(true);
        });
        cancel.disableProperty().bind(model.runningProperty().not());
        model.resultProperty().addListener((o, old, r) -> refresh(false));
        progressText.textProperty().bind(Bindings.createStringBinding(() -> model.failureProperty().get().isEmpty()
                ? model.progressProperty().get() : model.failureProperty().get(), model.progressProperty(),
                model.failureProperty()));
        resultMeasure.valueProperty().addListener((o, old, now) -> refresh(true));
        start.setOnAction(e -> requestStart());
        cancel.setOnAction(e -> model.cancel());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> showSeeds());
        seedList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> updateOpen());
        openTrain.setOnAction(e -> openInTrain());
        ecdf.getCanvas().setOnMouseClicked(e -> chooseOnEcdf(e.getX(), e.getY()));
        Tooltip.install(ecdf, new Tooltip("Click a step of a curve to choose that seed's run"));
        openCompare.setOnAction(e -> openPairInCompare());
        updateOpen();
    }

    private void showNetwork(TrainingConfig c) {
        StringBuilder shape = new StringBuilder().append(c.inputs());
        for (int w : c.hiddenLayers()) {
            shape.append('-').append(w);
        }
        shape.append("-1 ").append(c.options().activation().id());
        if (c.options().loss() != TrainingOptions.Loss.MSE) {
            shape.append(", ").append(c.options().loss().id());
        }
        String data = c.onTruthTable() ? c.dataset().id().toUpperCase(Locale.ROOT) : c.dataName();
        networkLabel.setText("Network and data: as on the Train tab (" + shape + ", " + data + ", "
                + NumberText.count(c.sampleCount()) + " training samples)");
    }

    /** The grid the fields describe, or null (with the reason shown) while one is invalid. */
    private StudyGrid grid() {
        List<StudyField<?>> fields = List.of(seeds, rates, batchSizes, optimizers, targetLoss, budget, threads);
        for (StudyField<?> f : fields) {
            if (f.valueProperty().get() == null) {
                reason.setText("Start needs valid settings: " + f.problemProperty().get());
                return null;
            }
        }
        try {
            StudyGrid g = new StudyGrid(network.getValue(), seeds.valueProperty().get(), rates.valueProperty().get(),
                    batchSizes.valueProperty().get(), optimizers.valueProperty().get(),
                    targetLoss.valueProperty().get(), new Budget(budgetMeasure.getValue(),
                    budget.valueProperty().get()));
            reason.setText("");
            return g;
        } catch (IllegalArgumentException e) {
            reason.setText("Start needs a valid grid: " + e.getMessage());
            return null;
        }
    }

    private void updateStart() {
        StudyGrid g = grid();
        boolean running = model.runningProperty().get();
        start.setDisable(g == null || running);
        reason.setVisible(g == null);
        if (g != null && !running) {
            start.setText("_Start " + NumberText.count(g.size()) + (g.size() == 1 ? " run" : " runs"));
        }
        confirmRow.setVisible(confirmRow.isVisible() && g != null && !running);
    }

    private void requestStart() {
        StudyGrid g = grid();
        if (g == null || model.runningProperty().get()) {
            return;
        }
        if (g.size() > StudyGrid.CONFIRM_ABOVE) {
            confirmText.setText("This study has " + NumberText.count(g.size()) + " runs (more than "
                    + NumberText.count(StudyGrid.CONFIRM_ABOVE) + "), which can take minutes to hours.");
            confirmRow.setVisible(true);
            return;
        }
        begin(g);
    }

    private void begin(StudyGrid g) {
        table.getSelectionModel().clearSelection();
        summary = null;
        model.start(g, threads.valueProperty().get().intValue());
        cancel.requestFocus(); // Space now stops it, as Start's key started it
    }

    /** Shows the newest result: at once when {@code now} or at the end, else at most every {@link #TABLE_NANOS}. */
    private void refresh(boolean now) {
        StudyResult r = model.resultProperty().get();
        if (r == null) {
            return;
        }
        progress.setProgress(r.total() == 0 ? 0 : (double) r.done() / r.total());
        long t = System.nanoTime();
        boolean live = !now && model.runningProperty().get();
        if (live && t - lastRefresh < TABLE_NANOS) {
            return;
        }
        lastRefresh = t;
        boolean charts = !live || t - lastChart >= CHART_NANOS;
        Measure m = resultMeasure.getValue();
        summary = StudySummary.of(r, m);
        results.setVisible(true);
        table.show(summary, m);
        tableTitle.set("Configurations: " + m.plural() + " to the target (★ each method's best rate)");
        if (charts) {
            lastChart = t;
            ecdf.setChart(StudyCharts.ecdf(StudyCurves.ecdfs(r, summary), m, ChartLook.WINDOW));
            sensitivity.setChart(StudyCharts.sensitivity(StudyCurves.sensitivities(r, summary), m, ChartLook.WINDOW));
        }
        pairs.setText(pairsText(summary));
        String sentence = r.done() == 0 ? "No run has finished yet." : summary.verdict(r.grid());
        if (!sentence.equals(verdict.getText())) {
            verdict.setText(sentence);
        }
        if (table.getSelectionModel().getSelectedItem() == null && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        showSeeds();
    }

    private void fitVerdict() {
        if (verdictText == null && verdict.lookup(".content .text") instanceof javafx.scene.text.Text t) {
            verdictText = t;
            t.layoutBoundsProperty().addListener((b, was, now) -> fitVerdict());
        }
        if (verdictText != null) {
            verdict.setPrefHeight(Math.ceil(verdictText.getLayoutBounds().getHeight()) + VERDICT_INSETS);
        }
    }

    /** The most distance, in pixels, from a click to the step of the ECDF it chooses. */
    private static final double CLICK_REACH = 24;

    /**
     * Chooses the run of the ECDF step nearest to ({@code x}, {@code y}) in the chart's pixels (within
     * {@link #CLICK_REACH}): its configuration in the table and its seed in the list. A step is one run reaching the
     * target; where several seeds did at the same cost, the first is chosen.
     *
     * @return true if a step was near enough
     */
    private boolean chooseOnEcdf(double x, double y) {
        StudyResult r = model.resultProperty().get();
        var info = ecdf.getCanvas().getRenderingInfo();
        if (r == null || summary == null || info == null || ecdf.getChart() == null) {
            return false;
        }
        org.jfree.chart.plot.XYPlot plot = ecdf.getChart().getXYPlot();
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        Measure m = summary.measure();
        List<StudyCurves.Ecdf> curves = StudyCurves.ecdfs(r, summary);
        StudyCurves.Ecdf nearest = null;
        long cost = 0;
        double best = CLICK_REACH;
        for (StudyCurves.Ecdf c : curves) {
            for (int i = 0; i < c.costs().length; i++) {
                double px = plot.getDomainAxis().valueToJava2D(c.costs()[i], area, plot.getDomainAxisEdge());
                double py = plot.getRangeAxis().valueToJava2D(c.fractions()[i], area, plot.getRangeAxisEdge());
                double d = Math.hypot(px - x, py - y);
                if (d < best) {
                    best = d;
                    nearest = c;
                    cost = c.costs()[i];
                }
            }
        }
        if (nearest == null) {
            return false;
        }
        for (StudyRun run : r.runs()) {
            if (nearest.method().covers(run) && run.learningRate() == nearest.learningRate()
                    && run.toTarget(m).orElse(-1) == cost) {
                choose(nearest.method(), nearest.learningRate(), run.seed());
                return true;
            }
        }
        return false;
    }

    /** Chooses {@code method} at {@code rate} in the table and {@code seed}'s run in the list. */
    private void choose(StudyMethod method, double rate, long seed) {
        for (int i = 0; i < table.getItems().size(); i++) {
            StudySummary.Configuration c = table.getItems().get(i);
            if (c.method().equals(method) && c.learningRate() == rate) {
                table.getSelectionModel().select(i);
                table.scrollTo(i);
            }
        }
        for (int i = 0; i < seedList.getItems().size(); i++) {
            if (seedList.getItems().get(i).seed() == seed) {
                seedList.getSelectionModel().select(i);
                seedList.scrollTo(i);
            }
        }
    }

    /** Each pair on its own line, as {@link StudyVerdict#pairLine} writes it for the command line too. */
    static String pairsText(StudySummary s) {
        if (s.pairs().isEmpty()) {
            return "One method only: add a batch size or an optimiser to compare two.";
        }
        StringBuilder b = new StringBuilder();
        for (StudySummary.PairedComparison p : s.pairs()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(StudyVerdict.pairLine(p));
        }
        return b.toString();
    }

    /** The runs of the chosen configuration, seed by seed, keeping the chosen seed. */
    private void showSeeds() {
        StudySummary.Configuration c = table.getSelectionModel().getSelectedItem();
        StudyResult r = model.resultProperty().get();
        StudyRun chosen = seedList.getSelectionModel().getSelectedItem();
        List<StudyRun> runs = new ArrayList<>();
        if (c != null && r != null) {
            for (StudyRun run : r.runs()) {
                if (c.method().covers(run) && run.learningRate() == c.learningRate()) {
                    runs.add(run);
                }
            }
            seedCaption.setText("Runs of " + c.method().name() + " at rate " + NumberText.plain(c.learningRate())
                    + ": choose a seed");
        }
        if (!runs.equals(seedList.getItems())) {
            seedList.getItems().setAll(runs);
        }
        int keep = -1;
        for (int i = 0; chosen != null && i < runs.size(); i++) {
            if (runs.get(i).seed() == chosen.seed()) {
                keep = i;
            }
        }
        if (keep >= 0) {
            seedList.getSelectionModel().select(keep);
        } else if (!runs.isEmpty()) {
            seedList.getSelectionModel().select(0);
        }
        updateOpen();
    }

    private String describe(StudyRun run) {
        Measure m = resultMeasure.getValue();
        String what;
        if (run.reachedTarget()) {
            what = NumberText.count(run.toTarget(m).getAsLong()) + " " + m.plural();
        } else if (run.diverged()) {
            what = "diverged";
        } else {
            what = "not reached";
        }
        return "seed " + run.seed() + ": " + what;
    }

    private void updateOpen() {
        StudyRun run = seedList.getSelectionModel().getSelectedItem();
        openTrain.setDisable(run == null);
        String why = "";
        if (run == null) {
            why = "Choose a configuration and a seed to open its run.";
        } else if (pairFor(run) == null) {
            why = "Open pair needs two methods: add a batch size or an optimiser.";
        } else if (pairSetup(run) == null) {
            why = "Compare cannot race this pair (its budget is larger than Compare allows).";
        }
        openCompare.setDisable(run == null || pairSetup(run) == null);
        openReason.setText(why);
    }

    private void openInTrain() {
        StudyRun run = seedList.getSelectionModel().getSelectedItem();
        StudyResult r = model.resultProperty().get();
        if (run == null || r == null) {
            return;
        }
        StudyGrid g = r.grid();
        openInTrain.accept(g.config(new StudyGrid.StudyCell(run.seed(), run.optimizer(), run.batchSize(),
                run.learningRate())));
    }

    /** The pair the chosen run's method is first or second in (the first such of the grid's order), or null. */
    private StudySummary.PairedComparison pairFor(StudyRun run) {
        if (summary == null) {
            return null;
        }
        for (StudySummary.PairedComparison p : summary.pairs()) {
            if (p.first().covers(run) || p.second().covers(run)) {
                return p;
            }
        }
        return null;
    }

    /** The Compare race of the chosen run's seed: its pair's two methods, each at its best rate; null if none. */
    private CompareSetup pairSetup(StudyRun run) {
        StudySummary.PairedComparison p = run == null ? null : pairFor(run);
        StudyResult r = model.resultProperty().get();
        if (p == null || r == null) {
            return null;
        }
        StudyGrid g = r.grid();
        TrainingConfig base = g.base();
        TrainingOptions.Loss loss = base.options().loss();
        try {
            return new CompareSetup(base.dataset(), base.hidden(), run.seed(), g.budget(), g.targetLoss(),
                    List.of(new CompareSetup.Run(p.firstRate(), p.first().batchSize(), p.first().optimizer(), loss),
                            new CompareSetup.Run(p.secondRate(), p.second().batchSize(), p.second().optimizer(),
                                    loss)), base.options());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void openPairInCompare() {
        CompareSetup setup = pairSetup(seedList.getSelectionModel().getSelectedItem());
        if (setup != null) {
            openPair.accept(setup);
        }
    }

    /** Stops a study under way and waits for its threads. */
    public void shutdown() {
        model.shutdown();
    }

    /** Each method's best rate, as the table marks it (for tests). */
    Map<StudyMethod, Double> bestRates() {
        return summary == null ? Map.of() : summary.best();
    }
}
