package org.xorlab.app.compare;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.StopRule;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.app.controls.HiddenUnits;
import org.xorlab.app.controls.ValidatedField;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Measure;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.StopRule;
import org.xorlab.text.NumberText;

/**
 * The settings every run of the comparison shares, in one strip: dataset, hidden units and seed (so one set of
 * initial weights), each run's budget (epochs, or an equal number of weight updates or samples, so the runs race on
 * that measure) and the target loss, and a line saying that changing them starts over. Wraps onto a second row on a
 * narrow window.
 */
final class CompareSettingsBar extends FlowPane {
    static final String RESTART_NOTE = "Every run starts from the same initial weights and trains in lockstep."
            + " Changing any setting (here or a run's) starts the comparison over, so it stays fair.";

    private final CompareModel model;
    private final ComboBox<Dataset> dataset = new ComboBox<>();
    private final Spinner<Integer> hidden = new Spinner<>();
    private ValidatedField<Long> seed;
    private final ComboBox<Measure> budgetMeasure = new ComboBox<>();
    private ValidatedField<Long> budgetAmount;
    private ValidatedField<Double> targetLoss;

    CompareSettingsBar(CompareModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("compare-settings");
        setHgap(16);
        setVgap(8);
        setAlignment(Pos.TOP_LEFT);
        setRowValignment(javafx.geometry.VPos.TOP);
        CompareSetup s = model.setupProperty().get();

        dataset.getItems().setAll(Dataset.values());
        dataset.setValue(s.dataset());
        dataset.setId("compare-dataset");
        dataset.setConverter(new ChoiceText<>(Dataset::name));
        Label hiddenError = HiddenUnits.makeSpinner(hidden, "compare-hidden", s.hidden());
        hidden.setPrefWidth(90);
        VBox hiddenBox = captioned("Hidden units", hidden);
        hiddenBox.getChildren().add(hiddenError);
        hiddenBox.setPrefWidth(110); // the message wraps under the spinner instead of widening the strip
        hiddenBox.setMaxWidth(Region.USE_PREF_SIZE);

        seed = new ValidatedField<>("Seed", "compare-seed", s.seed(), ValidatedField::parseSeed,
                String::valueOf, v -> update(setup().withSeed(v)));
        budgetMeasure.getItems().setAll(Measure.values());
        budgetMeasure.setValue(s.budget().measure());
        budgetMeasure.setId("compare-budget-measure");
        budgetMeasure.setTooltip(new javafx.scene.control.Tooltip("What every run gets the same amount of: epochs, or"
                + " weight updates or samples seen, so the runs race level on that measure"));
        budgetMeasure.setConverter(new ChoiceText<>(
                m -> Character.toUpperCase(m.plural().charAt(0)) + m.plural().substring(1)));
        budgetMeasure.setMinWidth(Region.USE_PREF_SIZE);
        budgetAmount = new ValidatedField<>("Budget per run", "compare-budget", s.budget().amount(), text -> {
            long v = ValidatedField.parseCount(text, "Budget");
            Measure m = budgetMeasure.getValue();
            if (v < 1 || v > CompareSetup.maxBudget(m)) {
                throw new IllegalArgumentException("Budget must be from 1 to " + NumberText.count(CompareSetup.maxBudget(m))
                        + " " + m.plural());
            }
            return v;
        }, NumberText::count, v -> update(setup().withBudget(new Budget(budgetMeasure.getValue(), v))));
        targetLoss = new ValidatedField<>("Target loss", "compare-target-loss", s.targetLoss(), text -> {
            return StopRule.parseTargetLoss(text);
        }, NumberText::plain, v -> update(setup().withTargetLoss(v)));
        seed.setPrefWidth(130);
        budgetAmount.setPrefWidth(120);
        targetLoss.setPrefWidth(110);
        for (ValidatedField<?> f : new ValidatedField<?>[] {seed, budgetAmount, targetLoss}) {
            f.setMaxWidth(Region.USE_PREF_SIZE);
            f.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label note = new Label(RESTART_NOTE);
        note.setId("compare-restart-note");
        note.getStyleClass().add("compare-note");
        note.setWrapText(true);
        note.setPrefWidth(360);
        note.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(captioned("Dataset", dataset), hiddenBox, seed, budgetAmount,
                captioned("Counted in", budgetMeasure), targetLoss, note);
    }

    private void initListeners() {
        dataset.valueProperty().addListener((o, old, d) -> update(setup().withDataset(d)));
        hidden.valueProperty().addListener((o, old, h) -> update(setup().withHidden(h)));
        budgetMeasure.valueProperty().addListener((o, old, m) -> {
            long amount = Math.min(budgetAmount.value(), CompareSetup.maxBudget(m));
            budgetAmount.show(amount);
            update(setup().withBudget(new Budget(m, amount)));
        });
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
