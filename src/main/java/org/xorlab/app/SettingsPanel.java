package org.xorlab.app;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.text.NumberText;

/** The run's settings: dataset, width, learning rate, batch size, seed and stopping rule. */
final class SettingsPanel extends VBox {
    private final RunModel model;
    private final ComboBox<Dataset> dataset = new ComboBox<>();
    private final Spinner<Integer> hidden = new Spinner<>();
    private final ComboBox<Integer> batchSize = new ComboBox<>();
    private ValidatedField<Double> learningRate;
    private ValidatedField<Long> seed;
    private ValidatedField<Long> stopEpochs;
    private ValidatedField<Double> stopLoss;
    private final RadioButton byEpochs = new RadioButton("Stop after epochs");
    private final RadioButton byLoss = new RadioButton("Stop when loss is below");

    SettingsPanel(RunModel model) {
        this.model = model;
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
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setConverter(converter(d -> d.name() + "  (" + targets(d) + ")"));

        Label hiddenError = makeHiddenSpinner(hidden, "hidden", c.hidden());
        hidden.setMaxWidth(Double.MAX_VALUE);

        learningRate = new ValidatedField<>("Learning rate", "learning-rate", c.learningRate(), text -> {
            double v = ValidatedField.parseDouble(text, "Learning rate");
            if (v <= 0) {
                throw new IllegalArgumentException("Learning rate must be greater than 0 (got " + text + ")");
            }
            return v;
        }, NumberText::plain, lr -> update(model.configProperty().get().withLearningRate(lr)));

        batchSize.getItems().setAll(1, 2, 3, 4);
        batchSize.setValue(c.batchSize());
        batchSize.setId("batch-size");
        batchSize.setMaxWidth(Double.MAX_VALUE);
        batchSize.setConverter(converter(SettingsPanel::batchName));
        batchSize.setTooltip(new Tooltip("Samples per weight update. 1 updates after every sample (the notebook's SGD);"
                + " 4 averages all four samples into one update (full-batch gradient descent)."));

        seed = new ValidatedField<>("Seed", "seed", c.seed(), text -> {
            long v = ValidatedField.parseLong(text, "Seed");
            TrainingConfig.checkSeed(v);
            return v;
        }, String::valueOf, s -> update(model.configProperty().get().withSeed(s)));

        StopRule rule = model.stopRuleProperty().get();
        ToggleGroup group = new ToggleGroup();
        byEpochs.setToggleGroup(group);
        byLoss.setToggleGroup(group);
        byEpochs.setId("stop-by-epochs");
        byLoss.setId("stop-by-loss");
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
                caption("Dataset", dataset), dataset,
                caption("Hidden units", hidden), hidden, hiddenError,
                learningRate,
                caption("Batch size", batchSize), batchSize,
                seed,
                sectionTitle("Play stops"), byEpochs, stopEpochs, byLoss, stopLoss);
    }

    private void initListeners() {
        dataset.valueProperty().addListener((o, old, d) -> update(model.configProperty().get().withDataset(d)));
        hidden.valueProperty().addListener((o, old, h) -> update(model.configProperty().get().withHidden(h)));
        batchSize.valueProperty().addListener((o, old, k) -> {
            if (k != null) {
                update(model.configProperty().get().withBatchSize(k));
            }
        });
        model.configProperty().addListener((o, old, c) -> {
            if (c.seed() != seed.value()) {
                seed.show(c.seed());
            }
            // Settings set elsewhere (an opened session) show here too; equal values change nothing.
            dataset.setValue(c.dataset());
            hidden.getValueFactory().setValue(c.hidden());
            batchSize.setValue(c.batchSize());
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

    /**
     * Makes {@code spinner} a spinner over 1 to 8 hidden units that also takes typing, and returns the message to
     * place under it, as a {@link ValidatedField} has. The typed number applies on Enter or when the field loses
     * focus. While the text is not a whole number from 1 to 8 the message says what is allowed; committing such a
     * text shows the value in force again and the message stays until the next edit.
     *
     * @param id the spinner's id; the message gets {@code id + "-error"}
     */
    static Label makeHiddenSpinner(Spinner<Integer> spinner, String id, int value) {
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(TrainingConfig.MIN_HIDDEN,
                TrainingConfig.MAX_HIDDEN, value);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return parseHidden(text);
                } catch (IllegalArgumentException e) {
                    return factory.getValue(); // keep the value in force
                }
            }
        });
        spinner.setId(id);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.setTooltip(new Tooltip("Hidden units, " + TrainingConfig.MIN_HIDDEN + " to " + TrainingConfig.MAX_HIDDEN
                + ": type a number (Enter) or use the arrows"));
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        spinner.getEditor().textProperty().addListener((o, old, text) -> {
            String problem = hiddenProblem(text);
            var styles = spinner.getEditor().getStyleClass();
            styles.remove(ValidatedField.INVALID);
            if (problem == null) {
                error.setVisible(false);
            } else {
                styles.add(ValidatedField.INVALID);
                showKeeping(error, problem, factory.getValue());
            }
        });
        spinner.getEditor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> commit(spinner, error));
        spinner.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit(spinner, error);
            }
        });
        return error;
    }

    /** Applies the typed text, or shows the value in force again (and, under it, why the text was refused). */
    private static void commit(Spinner<Integer> spinner, Label error) {
        var factory = spinner.getValueFactory();
        String text = spinner.getEditor().getText();
        String problem = hiddenProblem(text);
        if (problem == null) {
            factory.setValue(parseHidden(text));
        }
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
        if (problem != null) {
            showKeeping(error, problem, factory.getValue());
        }
    }

    private static void showKeeping(Label error, String problem, int inForce) {
        error.setText(problem + "; keeping " + inForce + ".");
        error.setVisible(true);
    }

    /** A number of hidden units typed by the user, or a message saying what is allowed. */
    static int parseHidden(String text) {
        String problem = hiddenProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return Integer.parseInt(text.strip());
    }

    /** Why {@code text} is not a number of hidden units, or null if it is one. */
    private static String hiddenProblem(String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= TrainingConfig.MIN_HIDDEN && v <= TrainingConfig.MAX_HIDDEN) {
                return null;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return "Hidden units must be a whole number from " + TrainingConfig.MIN_HIDDEN + " to "
                + TrainingConfig.MAX_HIDDEN + " (got '" + text.strip() + "')";
    }

    /** "1 · SGD, as in the notebook", ..., "4 · Batch GD". */
    static String batchName(int k) {
        return switch (k) {
            case 1 -> "1 · SGD, as in the notebook";
            case 4 -> "4 · Batch GD";
            default -> k + " · mini-batch";
        };
    }

    private static String targets(Dataset d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Dataset.SIZE; i++) {
            sb.append((int) d.target(i));
        }
        return sb.toString();
    }

    private static Label caption(String text, javafx.scene.Node target) {
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

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
