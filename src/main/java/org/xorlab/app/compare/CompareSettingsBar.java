package org.xorlab.app.compare;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.app.controls.HiddenUnits;
import org.xorlab.app.controls.ValidatedField;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Measure;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.StopRule;
import org.xorlab.text.NumberText;

/**
 * The settings every run of the comparison shares, in one strip: a menu of the classic races (presets), dataset,
 * hidden units, activation and seed (so one set of initial weights), each run's budget (epochs, or an equal number of weight updates or samples, so the runs race on
 * that measure) and the target loss, and a line saying that changing them starts over. Wraps onto a second row on a
 * narrow window.
 */
final class CompareSettingsBar extends FlowPane {
    static final String RESTART_NOTE = "Every run starts from the same initial weights and trains in lockstep."
            + " Changing any setting (here or a run's) starts the comparison over, so it stays fair.";

    private final CompareModel model;
    private final ComboBox<Dataset> dataset = new ComboBox<>();
    private final Spinner<Integer> hidden = new Spinner<>();
    private final ComboBox<Activation> activation = new ComboBox<>();
    private final MenuButton presets = new MenuButton("Classic races");
    /** True while {@link #show} copies a setup into the controls, so their listeners do not start it over again. */
    private boolean showing;
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
        dataset.setTooltip(new javafx.scene.control.Tooltip("The truth table every run learns (a new one starts the"
                + " comparison over)"));
        dataset.setConverter(new ChoiceText<>(Dataset::name));
        Label hiddenError = HiddenUnits.makeSpinner(hidden, "compare-hidden", s.hidden());
        hidden.setPrefWidth(90);
        VBox hiddenBox = captioned("Hidden units", hidden);
        hiddenBox.getChildren().add(hiddenError);
        hiddenBox.setPrefWidth(110); // the message wraps under the spinner instead of widening the strip
        hiddenBox.setMaxWidth(Region.USE_PREF_SIZE);

        activation.getItems().setAll(Activation.values());
        activation.setValue(s.network().activation());
        activation.setId("compare-activation");
        activation.setConverter(new ChoiceText<>(Activation::id));
        activation.setTooltip(new javafx.scene.control.Tooltip("The hidden units' activation, the same for every run:"
                + " the notebook's sigmoid, tanh (centred on 0), ReLU (0 below 0, straight above) or linear"));
        presets.setId("compare-presets");
        presets.setTooltip(new javafx.scene.control.Tooltip("Set up a classic race in one click (it starts over)"));
        for (CompareSetup.Preset p : CompareSetup.Preset.values()) {
            // The window's shortcut for it (Ctrl+1, 2, 3: see AppShell) is named beside it.
            MenuItem item = new MenuItem(p.label() + "   (" + javafx.scene.input.KeyCombination.valueOf(
                    "Shortcut+" + (p.ordinal() + 1)).getDisplayText() + ")");
            item.setId("compare-preset-" + p.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> update(p.setup()));
            presets.getItems().add(item);
        }
        presets.setMinWidth(Region.USE_PREF_SIZE);

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

        getChildren().addAll(captioned("Preset", presets), captioned("Dataset", dataset), hiddenBox,
                captioned("Activation", activation), seed, budgetAmount,
                captioned("Counted in", budgetMeasure), targetLoss, note);
    }

    private void initListeners() {
        dataset.valueProperty().addListener((o, old, d) -> {
            if (!showing && d != null) {
                // A truth table chosen here races on its four rows, whatever data the Train tab had sent.
                update(setup().withDataset(d).withData(org.xorlab.engine.Data.TRUTH_TABLE,
                        org.xorlab.engine.Feature.DEFAULT));
            }
        });
        hidden.valueProperty().addListener((o, old, h) -> {
            if (!showing && h != null) {
                update(setup().withHidden(h));
            }
        });
        activation.valueProperty().addListener((o, old, a) -> {
            if (!showing && a != null) {
                update(setup().withActivation(a));
            }
        });
        budgetMeasure.valueProperty().addListener((o, old, m) -> {
            if (showing || m == null) {
                return;
            }
            long amount = Math.min(budgetAmount.value(), CompareSetup.maxBudget(m));
            budgetAmount.show(amount);
            update(setup().withBudget(new Budget(m, amount)));
        });
        model.setupProperty().addListener((o, old, s) -> show(s));
    }

    /** Shows {@code s}'s shared settings (after a preset, say) without starting anything over. */
    private void show(CompareSetup s) {
        showing = true;
        try {
            // No truth table chosen while the runs race on data: choosing one goes back to it.
            dataset.setValue(s.network().data().isTruthTable() ? s.dataset() : null);
            hidden.getValueFactory().setValue(s.hidden());
            activation.setValue(s.network().activation());
            budgetMeasure.setValue(s.budget().measure());
            if (s.seed() != seed.value()) {
                seed.show(s.seed());
            }
            if (s.budget().amount() != budgetAmount.value()) {
                budgetAmount.show(s.budget().amount());
            }
            if (s.targetLoss() != targetLoss.value()) {
                targetLoss.show(s.targetLoss());
            }
        } finally {
            showing = false;
        }
    }

    private CompareSetup setup() {
        return model.setupProperty().get();
    }

    private void update(CompareSetup s) {
        model.setupProperty().set(s);
    }

    /** A control with its caption above it, labelling it for screen readers and mnemonics. */
    static VBox captioned(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        VBox box = new VBox(4, label, control);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
