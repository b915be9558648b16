package org.xorlab.app.train;

import javafx.geometry.Insets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.app.controls.HiddenUnits;
import org.xorlab.app.controls.ValidatedField;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.StopRule;
import org.xorlab.text.NumberText;

/**
 * The run's settings: dataset, width, learning rate, batch size, seed and stopping rule, the notebook's; then the
 * general network's in a fold ({@link AdvancedSettings}).
 */
public final class SettingsPanel extends VBox {
    private final RunModel model;
    private final ComboBox<Dataset> dataset = new ComboBox<>();
    private final Spinner<Integer> hidden = new Spinner<>();
    private final ComboBox<Integer> batchSize = new ComboBox<>();
    private final Button fullBatch = new Button("Full batch");
    private final DataPanel data;
    private ValidatedField<Double> learningRate;
    private ValidatedField<Long> seed;
    private ValidatedField<Long> stopEpochs;
    private ValidatedField<Double> stopLoss;
    private final RadioButton byEpochs = new RadioButton("Stop after epochs");
    private final RadioButton byLoss = new RadioButton("Stop when loss is below");

    SettingsPanel(RunModel model, DataPanel data) {
        this.model = model;
        this.data = data;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("settings-panel");
        setSpacing(10);
        setPadding(new Insets(14));
        TrainingConfig c = model.configProperty().get();

        dataset.getItems().setAll(Dataset.values());
        dataset.setValue(c.dataset());
        dataset.setId("dataset");
        dataset.setTooltip(new javafx.scene.control.Tooltip("The truth table the network learns (a new one starts a"
                + " new run)"));
        dataset.setDisable(!c.onTruthTable());
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setConverter(new ChoiceText<>(d -> d.name() + "  (" + targets(d) + ")"));

        Label hiddenError = HiddenUnits.makeSpinner(hidden, "hidden", c.hidden());
        hidden.setMaxWidth(Double.MAX_VALUE);

        learningRate = new ValidatedField<>("Learning rate", "learning-rate", c.learningRate(),
                ValidatedField::parseLearningRate, NumberText::plain,
                lr -> update(model.configProperty().get().withLearningRate(lr)));

        showBatchChoices(c);
        batchSize.setId("batch-size");
        batchSize.setMaxWidth(Double.MAX_VALUE);
        batchSize.setTooltip(new Tooltip("Samples per weight update. 1 updates after every sample (the notebook's SGD);"
                + " all of them averages every sample into one update (full-batch gradient descent)."));
        fullBatch.setId("full-batch");
        fullBatch.setMinWidth(Region.USE_PREF_SIZE);
        fullBatch.setTooltip(new Tooltip("One update per epoch from every training sample"));

        seed = new ValidatedField<>("Seed", "seed", c.seed(), ValidatedField::parseSeed,
                String::valueOf, s -> update(model.configProperty().get().withSeed(s)));

        StopRule rule = model.stopRuleProperty().get();
        ToggleGroup group = new ToggleGroup();
        byEpochs.setToggleGroup(group);
        byLoss.setToggleGroup(group);
        byEpochs.setId("stop-by-epochs");
        byLoss.setId("stop-by-loss");
        byEpochs.setTooltip(new javafx.scene.control.Tooltip("Play stops after the number of epochs below"));
        byLoss.setTooltip(new javafx.scene.control.Tooltip("Play stops at the first epoch whose loss is below the"
                + " target below"));
        (rule.byTarget() ? byLoss : byEpochs).setSelected(true);
        stopEpochs = new ValidatedField<>("", "stop-epochs", rule.epochs(), text -> {
            long v = ValidatedField.parseCount(text, "Epochs");
            if (v < 1 || v > StopRule.MAX_EPOCHS) {
                throw new IllegalArgumentException("Epochs must be from 1 to " + NumberText.count(StopRule.MAX_EPOCHS));
            }
            return v;
        }, NumberText::count, v -> updateStopRule());
        stopLoss = new ValidatedField<>("", "stop-loss", rule.targetLoss(), StopRule::parseTargetLoss,
                NumberText::plain, v -> updateStopRule());
        group.selectedToggleProperty().addListener((o, old, now) -> updateStopRule());

        Label title = new Label("Settings");
        title.getStyleClass().add("panel-title");
        getChildren().addAll(title,
                data,
                caption("Truth table", dataset), dataset,
                caption("Hidden units", hidden), hidden, hiddenError,
                learningRate,
                caption("Batch size", batchSize), batchSize, fullBatch,
                seed,
                sectionTitle("Play stops"), byEpochs, stopEpochs, byLoss, stopLoss,
                new AdvancedSettings(model));
    }

    private void initListeners() {
        dataset.valueProperty().addListener((o, old, d) -> update(model.configProperty().get().withDataset(d)));
        hidden.valueProperty().addListener((o, old, h) -> update(model.configProperty().get().withHidden(h)));
        batchSize.valueProperty().addListener((o, old, k) -> {
            if (k != null && k != model.configProperty().get().batchSize()) {
                update(model.configProperty().get().withBatchSize(k));
            }
        });
        fullBatch.setOnAction(e -> batchSize.setValue(model.configProperty().get().sampleCount()));
        model.configProperty().addListener((o, old, c) -> {
            if (c.seed() != seed.value()) {
                seed.show(c.seed());
            }
            // Settings set elsewhere (an opened session) show here too; equal values change nothing.
            dataset.setValue(c.dataset());
            dataset.setDisable(!c.onTruthTable());
            hidden.getValueFactory().setValue(c.hidden());
            showBatchChoices(c);
            if (c.learningRate() != learningRate.value()) {
                learningRate.show(c.learningRate());
            }
        });
        model.stopRuleProperty().addListener((o, old, r) -> {
            if (r.epochs() != stopEpochs.value()) {
                stopEpochs.show(r.epochs());
            }
            if (r.targetLoss() != stopLoss.value()) {
                stopLoss.show(r.targetLoss());
            }
            (r.byTarget() ? byLoss : byEpochs).setSelected(true);
        });
    }

    private void update(TrainingConfig c) {
        model.configProperty().set(c);
    }

    private void updateStopRule() {
        model.stopRuleProperty().set(new StopRule(byLoss.isSelected(), stopEpochs.value(), stopLoss.value()));
    }

    /** Offers batch sizes 1 to n for the config's n training samples, showing its own. */
    private void showBatchChoices(TrainingConfig c) {
        int n = c.sampleCount();
        if (batchSize.getItems().size() != n) {
            List<Integer> sizes = new ArrayList<>(n);
            for (int k = 1; k <= n; k++) {
                sizes.add(k);
            }
            batchSize.setValue(null);
            batchSize.getItems().setAll(sizes);
            batchSize.setConverter(new ChoiceText<>(k -> batchName(k, n)));
            batchSize.setVisibleRowCount(Math.min(n, 12));
        }
        batchSize.setValue(c.batchSize());
        fullBatch.setDisable(c.batchSize() == n);
    }

    /** "1 · SGD, as in the notebook", ..., "4 · Batch GD" for the truth tables' four samples. */
    static String batchName(int k) {
        return batchName(k, TrainingConfig.MAX_BATCH);
    }

    /** The name of batch size {@code k} of {@code n} samples: SGD, mini-batch or (k = n) batch GD. */
    static String batchName(int k, int n) {
        if (k == 1) {
            return "1 · SGD, as in the notebook";
        }
        return k == n ? k + " · Batch GD (full batch)" : k + " · mini-batch";
    }

    private static String targets(Dataset d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Dataset.SIZE; i++) {
            sb.append((int) d.target(i));
        }
        return sb.toString();
    }

    static Label caption(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(target);
        return label;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
