package org.xorlab.app.compare;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.app.controls.ValidatedField;
import org.xorlab.app.view.DecisionSurfaceView;
import org.xorlab.app.view.NetworkView;
import org.xorlab.engine.TrainingOptions.Loss;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.RunFrame;
import org.xorlab.text.NumberText;

/**
 * One run of the comparison: its name in its chart colour, its optimiser, loss, learning rate and batch size (editing
 * any starts the comparison over), and its network (activations for input (0, 1)) and decision surface, side by side when there is room, else one above the
 * other.
 */
public final class RunPanel extends VBox {
    /** The network's input whose activations every run shows: (0, 1), whose target is 1. */
    static final int SHOWN_INPUT = 1;
    /** Narrowest a panel gets (three fit side by side on a 1024 px screen); below it the runs' row scrolls sideways. */
    static final double MIN_WIDTH = 300;
    /** Lowest a panel gets: its settings, and the network above the surface when the panel is narrow. */
    static final double MIN_HEIGHT = 470;

    private final CompareModel model;
    private final int index;
    private final Label name = new Label();
    private final ValidatedField<Double> learningRate;
    private final ComboBox<Integer> batchSize = new ComboBox<>();
    private final ComboBox<Optimizer> optimizer = new ComboBox<>();
    private final ComboBox<Loss> loss = new ComboBox<>();
    private final NetworkView network = new NetworkView();
    private final DecisionSurfaceView surface = new DecisionSurfaceView();
    private boolean showing;

    RunPanel(CompareModel model, int index) {
        this.model = model;
        this.index = index;
        CompareSetup.Run run = model.setupProperty().get().runs().get(index);
        learningRate = new ValidatedField<>("Learning rate", prefix() + "learning-rate", run.learningRate(),
                ValidatedField::parseLearningRate, NumberText::plain,
                lr -> update(current().withLearningRate(lr)));
        createView();
        initListeners();
        showSetup(model.setupProperty().get());
    }

    private void createView() {
        getStyleClass().addAll("card", "run-panel");
        setPadding(new Insets(6, 12, 10, 12));
        setMinWidth(MIN_WIDTH);
        setSpacing(6);

        Region swatch = new Region();
        swatch.getStyleClass().addAll("run-swatch", "run-" + index);
        name.setId(prefix() + "name");
        name.getStyleClass().add("card-title");
        name.setGraphic(swatch);
        name.setMinWidth(Region.USE_PREF_SIZE);

        learningRate.setPrefWidth(110);
        learningRate.setMaxWidth(Region.USE_PREF_SIZE);
        batchSize.getItems().setAll(batchSizes(4, 1));
        batchSize.setId(prefix() + "batch-size");
        batchSize.setConverter(new ChoiceText<>(String::valueOf));
        batchSize.setTooltip(new Tooltip("Samples per weight update: 1 is the notebook's SGD, 4 is full-batch"
                + " gradient descent"));
        batchSize.setPrefWidth(80);
        optimizer.getItems().setAll(Optimizer.values());
        optimizer.setId(prefix() + "optimizer");
        optimizer.setConverter(new ChoiceText<>(CompareSetup::optimizerName));
        optimizer.setTooltip(new Tooltip("How the run turns a gradient into a step: plain SGD, momentum's running"
                + " velocity, Nesterov's look-ahead, RMSprop's scaled steps or Adam's moments"));
        loss.getItems().setAll(Loss.values());
        loss.setId(prefix() + "loss");
        loss.setConverter(new ChoiceText<>(CompareSetup::lossName));
        loss.setTooltip(new Tooltip("What the run minimises: the notebook's mean squared error, or cross-entropy,"
                + " whose gradient does not vanish when the output saturates"));

        // The name, then the run's settings under it, in one row when the panel is wide enough, else in two.
        optimizer.setPrefWidth(150);
        loss.setPrefWidth(170);
        javafx.scene.layout.FlowPane fields = new javafx.scene.layout.FlowPane(12, 4, learningRate,
                CompareSettingsBar.captioned("Batch size", batchSize), CompareSettingsBar.captioned("Optimizer", optimizer),
                CompareSettingsBar.captioned("Loss", loss));
        fields.setAlignment(Pos.BOTTOM_LEFT);
        fields.setRowValignment(javafx.geometry.VPos.BOTTOM);
        fields.setPrefWrapLength(600);
        fields.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(4, name, fields);
        header.setMinHeight(Region.USE_PREF_SIZE);

        network.setId(prefix() + "network");
        surface.setId(prefix() + "surface");
        RunViews views = new RunViews(network, surface);
        VBox.setVgrow(views, Priority.ALWAYS);
        getChildren().addAll(header, views);
    }

    private void initListeners() {
        batchSize.valueProperty().addListener((o, old, k) -> {
            if (k != null && showing && k != current().batchSize()) {
                update(current().withBatchSize(k));
            }
        });
        optimizer.valueProperty().addListener((o, old, v) -> {
            if (v != null && showing && v != current().optimizer()) {
                update(current().withOptimizer(v));
            }
        });
        loss.valueProperty().addListener((o, old, v) -> {
            if (v != null && showing && v != current().loss()) {
                update(current().withLoss(v));
            }
        });
    }

    /** Shows this run's settings and name from {@code setup} (which must still have this run). */
    void showSetup(CompareSetup setup) {
        showing = false;
        CompareSetup.Run run = setup.runs().get(index);
        name.setText(setup.names().get(index));
        learningRate.show(run.learningRate());
        int n = setup.sampleCount();
        List<Integer> sizes = batchSizes(n, run.batchSize());
        if (!batchSize.getItems().equals(sizes)) {
            batchSize.getItems().setAll(sizes);
            batchSize.getTooltip().setText("Samples per weight update: 1 is the notebook's SGD, " + n
                    + " is full-batch gradient descent");
        }
        batchSize.setValue(run.batchSize());
        optimizer.setValue(run.optimizer());
        loss.setValue(run.loss());
        showing = true;
    }

    /**
     * The batch sizes offered for {@code n} training samples: every one up to 8, beyond that 1, 2, 5, 10, 20, 50, ...
     * below n, then n itself (full-batch gradient descent, always one choice away), with the run's own size
     * {@code current} among them.
     */
    static List<Integer> batchSizes(int n, int current) {
        java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>();
        if (n <= 8) {
            for (int k = 1; k <= n; k++) {
                sizes.add(k);
            }
        } else {
            for (int decade = 1; decade < n; decade *= 10) {
                for (int m : new int[] {1, 2, 5}) {
                    if (m * decade < n) {
                        sizes.add(m * decade);
                    }
                }
            }
            sizes.add(n);
        }
        if (current >= 1 && current <= n) {
            sizes.add(current);
        }
        return List.copyOf(sizes);
    }

    /** Draws the run's weights and decision surface from its part of a frame. */
    void show(RunFrame frame) {
        network.show(frame.snapshot().weights(), frame.snapshot().config(), SHOWN_INPUT);
        org.xorlab.engine.TrainingConfig c = frame.snapshot().config();
        // On data the run's own points (test points hollow); on a truth table its four.
        surface.showPoints(c.onTruthTable() ? null : c.samples(), c.onTruthTable() ? null : c.testSamples());
        surface.show(frame.grid(), c.dataset());
    }

    /** The run's name as its header shows it, for example "SGD (batch size 1)". */
    public String runName() {
        return name.getText();
    }

    public NetworkView networkView() {
        return network;
    }

    public DecisionSurfaceView surfaceView() {
        return surface;
    }

    ValidatedField<Double> learningRate() {
        return learningRate;
    }

    private CompareSetup.Run current() {
        return model.setupProperty().get().runs().get(index);
    }

    private void update(CompareSetup.Run run) {
        model.setupProperty().set(model.setupProperty().get().withRun(index, run));
    }

    private String prefix() {
        return "compare-run-" + index + "-";
    }

    /**
     * The network and the surface side by side, the surface as tall as the space if the network keeps enough room
     * (stacked only if very narrow). The network's legend is hidden: it needs more room than a run gets here, and
     * the Train tab shows it.
     */
    private static final class RunViews extends Region {
        /** Width the decision surface adds to its square plot (axis labels and colour legend). */
        private static final double SURFACE_EXTRA_WIDTH = 152;
        private static final double SURFACE_EXTRA_HEIGHT = 68;
        private static final double NETWORK_MIN_WIDTH = 290;
        private static final double GAP = 8;

        private final NetworkView network;
        private final DecisionSurfaceView surface;

        RunViews(NetworkView network, DecisionSurfaceView surface) {
            this.network = network;
            this.surface = surface;
            network.setMinSize(0, 0);
            surface.setMinSize(0, 0);
            network.setLegendVisible(false);
            getChildren().addAll(network, surface);
            setMinSize(200, 340);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 700;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 320;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            if (w >= 2 * NETWORK_MIN_WIDTH) {
                double surfaceWidth = Math.min(h - SURFACE_EXTRA_HEIGHT + SURFACE_EXTRA_WIDTH,
                        w - NETWORK_MIN_WIDTH - GAP);
                double networkWidth = w - surfaceWidth - GAP;
                placeNetwork(0, networkWidth, h);
                surface.resizeRelocate(networkWidth + GAP, 0, surfaceWidth, h);
            } else {
                double surfaceHeight = Math.max(h * 0.5, Math.min(h * 0.62, w - SURFACE_EXTRA_WIDTH
                        + SURFACE_EXTRA_HEIGHT));
                placeNetwork(0, w, h - surfaceHeight - GAP);
                surface.resizeRelocate(0, h - surfaceHeight, w, surfaceHeight);
            }
        }

        private void placeNetwork(double x, double width, double height) {
            network.resizeRelocate(x, 0, width, height);
        }
    }
}
