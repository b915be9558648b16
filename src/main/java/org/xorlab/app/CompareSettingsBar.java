package org.xorlab.app;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;

/**
 * The settings every run of the comparison shares, in one strip: dataset, hidden units and seed (so one set of
 * initial weights), the epochs to train and the target loss, and a line saying that changing them starts over.
 */
final class CompareSettingsBar extends HBox {
    static final String RESTART_NOTE = "Every run starts from the same initial weights and trains in lockstep."
            + " Changing any setting (here or a run's) starts the comparison over, so it stays fair.";

    private final CompareModel model;
    private final ComboBox<Dataset> dataset = new ComboBox<>();
    private final Spinner<Integer> hidden = new Spinner<>();
    private ValidatedField<Long> seed;
    private ValidatedField<Long> epochs;
    private ValidatedField<Double> targetLoss;

    CompareSettingsBar(CompareModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("compare-settings");
        setSpacing(16);
        setAlignment(Pos.TOP_LEFT);
        CompareSetup s = model.setupProperty().get();

        dataset.getItems().setAll(Dataset.values());
        dataset.setValue(s.dataset());
        dataset.setId("compare-dataset");
        dataset.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dataset d) {
                return d == null ? "" : d.name();
            }

            @Override
            public Dataset fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        hidden.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                TrainingConfig.MIN_HIDDEN, TrainingConfig.MAX_HIDDEN, s.hidden()));
        hidden.setId("compare-hidden");
        hidden.setPrefWidth(90);

        seed = new ValidatedField<>("Seed", "compare-seed", s.seed(), text -> {
            long v = ValidatedField.parseLong(text, "Seed");
            TrainingConfig.checkSeed(v);
            return v;
        }, String::valueOf, v -> update(setup().withSeed(v)));
        epochs = new ValidatedField<>("Epochs", "compare-epochs", s.epochs(), text -> {
            long v = ValidatedField.parseLong(text, "Epochs");
            if (v < 1 || v > StopRule.MAX_EPOCHS) {
                throw new IllegalArgumentException("Epochs must be from 1 to " + String.format("%,d", StopRule.MAX_EPOCHS));
            }
            return v;
        }, String::valueOf, v -> update(setup().withEpochs(v)));
        targetLoss = new ValidatedField<>("Target loss", "compare-target-loss", s.targetLoss(), text -> {
            double v = ValidatedField.parseDouble(text, "Target loss");
            if (v <= 0) {
                throw new IllegalArgumentException("Target loss must be greater than 0 (got " + text + ")");
            }
            return v;
        }, String::valueOf, v -> update(setup().withTargetLoss(v)));
        seed.setPrefWidth(130);
        epochs.setPrefWidth(120);
        targetLoss.setPrefWidth(110);
        for (ValidatedField<?> f : new ValidatedField<?>[] {seed, epochs, targetLoss}) {
            f.setMaxWidth(Region.USE_PREF_SIZE);
            f.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label note = new Label(RESTART_NOTE);
        note.setId("compare-restart-note");
        note.getStyleClass().add("compare-note");
        note.setWrapText(true);
        note.setMinWidth(220);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(note, Priority.ALWAYS);

        getChildren().addAll(captioned("Dataset", dataset), captioned("Hidden units", hidden), seed, epochs,
                targetLoss, note);
    }

    private void initListeners() {
        dataset.valueProperty().addListener((o, old, d) -> update(setup().withDataset(d)));
        hidden.valueProperty().addListener((o, old, h) -> update(setup().withHidden(h)));
        model.setupProperty().addListener((o, old, s) -> {
            if (s.seed() != seed.value()) {
                seed.show(s.seed());
            }
        });
    }

    private CompareSetup setup() {
        return model.setupProperty().get();
    }

    private void update(CompareSetup s) {
        model.setupProperty().set(s);
    }

    private static VBox captioned(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        VBox box = new VBox(4, label, control);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
