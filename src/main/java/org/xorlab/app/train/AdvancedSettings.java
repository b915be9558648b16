package org.xorlab.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.app.controls.ValidatedField;
import org.xorlab.engine.Activation;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.TrainingOptions.Init;
import org.xorlab.engine.TrainingOptions.Loss;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.engine.TrainingOptions.Order;
import org.xorlab.engine.TrainingOptions.Regularization;
import org.xorlab.text.NumberText;

/**
 * The general network's settings (SPEC.md, "Beyond the notebook") in a fold of the Train tab's settings, closed at
 * first so that the notebook's settings stay uncluttered: hidden layers, activation, loss, optimiser and its
 * hyper-parameters (only the chosen optimiser's), regularisation and its rate, initialisation and sample order, each
 * with a sentence saying what it does, and a button back to the notebook's. Every change starts a new run, as a new
 * width does (see {@link RunModel}).
 */
final class AdvancedSettings extends TitledPane {
    /** The rate a penalty starts with when it is chosen while the rate is 0. */
    static final double FIRST_REG_RATE = 0.001;

    private final RunModel model;
    private final ComboBox<Activation> activation = new ComboBox<>();
    private final ComboBox<Loss> loss = new ComboBox<>();
    private final ComboBox<Optimizer> optimizer = new ComboBox<>();
    private final ComboBox<Regularization> regularization = new ComboBox<>();
    private final ComboBox<Init> init = new ComboBox<>();
    private final ComboBox<Order> order = new ComboBox<>();
    private final Label activationText = hint();
    private final Label lossText = hint();
    private final Label optimizerText = hint();
    private final Label regularizationText = hint();
    private final Label initText = hint();
    private final Label orderText = hint();
    private ValidatedField<List<Integer>> layers;
    private ValidatedField<Double> momentum;
    private ValidatedField<Double> rho;
    private ValidatedField<Double> beta1;
    private ValidatedField<Double> beta2;
    private ValidatedField<Double> epsilon;
    private ValidatedField<Double> regRate;
    private final VBox momentumBox = new VBox();
    private final VBox rhoBox = new VBox();
    private final VBox beta1Box = new VBox();
    private final VBox beta2Box = new VBox();
    private final VBox epsilonBox = new VBox();
    private final Button reset = new Button("Reset to the notebook");

    AdvancedSettings(RunModel model) {
        this.model = model;
        createView();
        initListeners();
        show(model.configProperty().get());
    }

    private void createView() {
        // Short: a fold is never narrower than its title's full width, and the settings column can be narrow.
        setText("Advanced settings");
        setId("advanced");
        setExpanded(false);
        setAnimated(false);
        setTooltip(new Tooltip("More of the network than the notebook has: layers, activation, loss, optimizer,"
                + " penalty, initial weights, order. Enter opens and closes it."));
        getStyleClass().add("advanced-settings");
        TrainingConfig c = model.configProperty().get();
        TrainingOptions o = c.options();

        layers = new ValidatedField<>("Hidden layers (units in each)", "hidden-layers", widths(c),
                AdvancedSettings::parseLayers, AdvancedSettings::layersText,
                w -> update(config().withHiddenLayers(w.stream().mapToInt(Integer::intValue).toArray())));
        choice(activation, "activation", Activation.values(), AdvancedSettings::activationName);
        choice(loss, "loss", Loss.values(), l -> l == Loss.MSE ? "MSE (the notebook's)" : "cross-entropy");
        choice(optimizer, "optimizer", Optimizer.values(), AdvancedSettings::optimizerName);
        momentum = decay("Momentum μ", "momentum", o.momentum(), v -> hyper(v, null, null, null, null));
        rho = decay("Decay ρ", "rho", o.rho(), v -> hyper(null, v, null, null, null));
        beta1 = decay("Decay β1", "beta1", o.beta1(), v -> hyper(null, null, v, null, null));
        beta2 = decay("Decay β2", "beta2", o.beta2(), v -> hyper(null, null, null, v, null));
        epsilon = new ValidatedField<>("Guard ε", "epsilon", o.epsilon(), text -> {
            double v = ValidatedField.parseDouble(text, "ε");
            if (!(v > 0)) {
                throw new IllegalArgumentException("ε must be greater than 0 (got " + text + ")");
            }
            return v;
        }, NumberText::plain, v -> hyper(null, null, null, null, v));
        momentumBox.getChildren().addAll(momentum,
                hint("How much of the last velocity each step keeps: 0 is plain SGD, 0.9 keeps most of it."));
        rhoBox.getChildren().addAll(rho,
                hint("How slowly the running average of squared gradients forgets old steps."));
        beta1Box.getChildren().addAll(beta1, hint("How slowly Adam's running average of the gradient forgets."));
        beta2Box.getChildren().addAll(beta2,
                hint("How slowly Adam's running average of squared gradients forgets."));
        epsilonBox.getChildren().addAll(epsilon,
                hint("A tiny number added below the fraction, so a step stays finite where the average is 0."));
        for (VBox box : List.of(momentumBox, rhoBox, beta1Box, beta2Box, epsilonBox)) {
            box.setSpacing(4);
            box.managedProperty().bind(box.visibleProperty());
        }
        choice(regularization, "regularization", Regularization.values(),
                r -> r == Regularization.NONE ? "none (the notebook's)" : r.id().toUpperCase(java.util.Locale.ROOT));
        regRate = new ValidatedField<>("Penalty rate", "reg-rate", o.regularization() == Regularization.NONE
                ? FIRST_REG_RATE : o.regRate(), text -> {
                    double v = ValidatedField.parseDouble(text, "Penalty rate");
                    if (v < 0) {
                        throw new IllegalArgumentException("Penalty rate must be 0 or more (got " + text + ")");
                    }
                    return v;
                }, NumberText::plain, v -> update(config().withOptions(options().withRegularization(
                        options().regularization(), options().regularization() == Regularization.NONE ? 0.0 : v))));
        choice(init, "init", Init.values(), i -> switch (i) {
            case UNIFORM -> "uniform (the notebook's)";
            case XAVIER -> "Xavier";
            case HE -> "He";
        });
        choice(order, "order", Order.values(), r -> r == Order.FIXED ? "fixed (the notebook's)" : "shuffled");
        reset.setId("reset-advanced");
        reset.setMaxWidth(Double.MAX_VALUE);

        VBox content = new VBox(6,
                hint("Beyond the notebook's network. Each change starts a new run."),
                layers, hint("One number per hidden layer, input side first, each 1 to 8 units: 4,4 stacks two"
                        + " layers of four. The notebook has one layer; its units are Hidden units above."),
                SettingsPanel.caption("Activation of the hidden units", activation), activation, activationText,
                SettingsPanel.caption("Loss", loss), loss, lossText,
                SettingsPanel.caption("Optimizer", optimizer), optimizer, optimizerText,
                momentumBox, rhoBox, beta1Box, beta2Box, epsilonBox,
                SettingsPanel.caption("Regularization", regularization), regularization, regularizationText, regRate,
                hint("How hard the penalty pulls. It changes the weights' gradient only: the loss shown is the data's."),
                SettingsPanel.caption("Initial weights", init), init, initText,
                SettingsPanel.caption("Sample order", order), order, orderText,
                reset, hint("Every option here back to the notebook's, with one hidden layer; Hidden units above"
                        + " stays as it is."));
        content.getStyleClass().add("advanced-content");
        setContent(content);
        setMaxWidth(Double.MAX_VALUE);
    }

    private void initListeners() {
        // Space plays everywhere in the window, so Enter opens and closes the focused fold (Tab reaches it).
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && isFocused()) {
                setExpanded(!isExpanded());
                e.consume();
            }
        });
        activation.valueProperty().addListener((o, old, a) -> {
            if (a != null) {
                update(config().withOptions(options().withActivation(a)));
            }
        });
        loss.valueProperty().addListener((o, old, l) -> {
            if (l != null) {
                update(config().withOptions(options().withLoss(l)));
            }
        });
        optimizer.valueProperty().addListener((o, old, p) -> {
            if (p != null) {
                update(config().withOptions(options().withOptimizer(p)));
            }
        });
        regularization.valueProperty().addListener((o, old, r) -> {
            if (r != null && r != options().regularization()) {
                update(config().withOptions(options().withRegularization(r,
                        r == Regularization.NONE ? 0.0 : regRate.value())));
            }
        });
        init.valueProperty().addListener((o, old, i) -> {
            if (i != null) {
                update(config().withOptions(options().withInit(i)));
            }
        });
        order.valueProperty().addListener((o, old, r) -> {
            if (r != null) {
                update(config().withOptions(options().withOrder(r)));
            }
        });
        reset.setOnAction(e -> {
            regRate.show(FIRST_REG_RATE);
            // Reset is for the network and training options; the data and its features belong to the data panel.
            update(config().withOptions(TrainingOptions.NOTEBOOK.withData(options().data())
                    .withFeatures(options().features())));
        });
        // Settings set elsewhere (an opened session, the remembered settings, Reset) show here too.
        model.configProperty().addListener((o, old, c) -> show(c));
    }

    /** Shows the options of {@code c}; equal values change nothing, so nothing is sent back. */
    private void show(TrainingConfig c) {
        TrainingOptions o = c.options();
        if (o.regularization() != Regularization.NONE) {
            showNumber(regRate, o.regRate());
        }
        if (!widths(c).equals(layers.value())) {
            layers.show(widths(c));
        }
        activation.setValue(o.activation());
        loss.setValue(o.loss());
        optimizer.setValue(o.optimizer());
        regularization.setValue(o.regularization());
        init.setValue(o.init());
        order.setValue(o.order());
        showNumber(momentum, o.momentum());
        showNumber(rho, o.rho());
        showNumber(beta1, o.beta1());
        showNumber(beta2, o.beta2());
        showNumber(epsilon, o.epsilon());
        Optimizer p = o.optimizer();
        momentumBox.setVisible(p == Optimizer.MOMENTUM || p == Optimizer.NESTEROV);
        rhoBox.setVisible(p == Optimizer.RMSPROP);
        beta1Box.setVisible(p == Optimizer.ADAM);
        beta2Box.setVisible(p == Optimizer.ADAM);
        epsilonBox.setVisible(p == Optimizer.RMSPROP || p == Optimizer.ADAM);
        regRate.setDisable(o.regularization() == Regularization.NONE);
        activationText.setText(activationSentence(o.activation()));
        lossText.setText(o.loss() == Loss.MSE
                ? "The notebook's: the average of (y − ŷ)². Where the output's sigmoid is flat, near 0 or 1, its"
                        + " gradient nearly vanishes, even for a wrong answer."
                : "Cross-entropy punishes confident wrong answers hard, so the gradient does not vanish when the"
                        + " output saturates.");
        optimizerText.setText(optimizerSentence(p));
        regularizationText.setText(switch (o.regularization()) {
            case NONE -> "No penalty: only the data's loss shapes the weights.";
            case L1 -> "L1 pulls every weight towards 0 by the same amount whatever its size, which favours weights"
                    + " of exactly 0; biases are left alone.";
            case L2 -> "L2 pulls every weight towards 0 in proportion to its size (weight decay); biases are left"
                    + " alone.";
        });
        initText.setText(switch (o.init()) {
            case UNIFORM -> "The notebook's: every weight and bias drawn at random from 0 to 1, from the seed.";
            case XAVIER -> "Weights drawn around 0, scaled by the units in and out of each layer; biases start at 0."
                    + " Made for sigmoid and tanh.";
            case HE -> "Like Xavier but scaled by the units in only, so a little larger; biases start at 0. Made for"
                    + " ReLU.";
        });
        orderText.setText(o.order() == Order.FIXED
                ? "The notebook's: the four samples in the same order every epoch."
                : "A new random order of the four samples every epoch, drawn from the seed.");
    }

    private static void showNumber(ValidatedField<Double> field, double v) {
        if (field.value() != v) {
            field.show(v);
        }
    }

    static String activationName(Activation a) {
        return switch (a) {
            case SIGMOID -> "sigmoid (the notebook's)";
            case TANH -> "tanh";
            case RELU -> "ReLU";
            case LINEAR -> "linear";
        };
    }

    private static String activationSentence(Activation a) {
        return switch (a) {
            case SIGMOID -> "The notebook's: squashes z into 0 to 1, and is flat at both ends, where it learns slowly.";
            case TANH -> "tanh: like the sigmoid but centred on 0, from -1 to 1.";
            case RELU -> "ReLU: z itself when it is positive, else 0. It does not flatten out above 0, but a unit"
                    + " whose z stays below 0 stops learning.";
            case LINEAR -> "linear: z unchanged. Linear layers stacked add up to one straight line, so they cannot"
                    + " separate XOR.";
        };
    }

    static String optimizerName(Optimizer o) {
        return switch (o) {
            case SGD -> "SGD (the notebook's)";
            case MOMENTUM -> "momentum";
            case NESTEROV -> "Nesterov momentum";
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
        };
    }

    private static String optimizerSentence(Optimizer o) {
        return switch (o) {
            case SGD -> "The notebook's: each step moves the weights by the learning rate times the gradient.";
            case MOMENTUM -> "Momentum keeps a running velocity, so steps build up along a steady slope.";
            case NESTEROV -> "Momentum that also adds the velocity's next step to this one, so it reacts sooner"
                    + " when the slope turns.";
            case RMSPROP -> "RMSprop divides each step by a running average of the gradient's size, so every weight"
                    + " moves at a similar pace.";
            case ADAM -> "Adam combines momentum with RMSprop's scaling, and corrects both for starting at 0.";
        };
    }

    private <T> void choice(ComboBox<T> box, String id, T[] items, Function<T, String> text) {
        box.getItems().setAll(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new ChoiceText<>(text));
    }

    private ValidatedField<Double> decay(String label, String id, double initial, java.util.function.Consumer<Double> then) {
        String what = label.substring(label.lastIndexOf(' ') + 1);
        return new ValidatedField<>(label, id, initial, text -> {
            double v = ValidatedField.parseDouble(text, what);
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException(what + " must be from 0 up to but not including 1 (got " + text + ")");
            }
            return v;
        }, NumberText::plain, then);
    }

    /** The optimisers' hyper-parameters with the given ones changed (null: as they are). */
    private void hyper(Double mu, Double r, Double b1, Double b2, Double eps) {
        TrainingOptions o = options();
        update(config().withOptions(o.withHyperParameters(mu != null ? mu : o.momentum(), r != null ? r : o.rho(),
                b1 != null ? b1 : o.beta1(), b2 != null ? b2 : o.beta2(), eps != null ? eps : o.epsilon())));
    }

    private TrainingConfig config() {
        return model.configProperty().get();
    }

    private TrainingOptions options() {
        return config().options();
    }

    private void update(TrainingConfig c) {
        if (!c.equals(config())) {
            model.configProperty().set(c);
        }
    }

    private static List<Integer> widths(TrainingConfig c) {
        List<Integer> w = new ArrayList<>();
        for (int width : c.hiddenLayers()) {
            w.add(width);
        }
        return List.copyOf(w);
    }

    static String layersText(List<Integer> widths) {
        return widths.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** "4,4" (spaces allowed): 1 to 6 widths, each a whole number from 1 to 8; or a message saying what is allowed. */
    static List<Integer> parseLayers(String text) {
        String allowed = "Hidden layers must be 1 to " + TrainingOptions.MAX_LAYERS + " whole numbers from "
                + TrainingConfig.MIN_HIDDEN + " to " + TrainingConfig.MAX_HIDDEN + ", separated by commas, such as 4,4"
                + " (got '" + text + "')";
        String[] parts = text.split(",", -1);
        if (parts.length > TrainingOptions.MAX_LAYERS) {
            throw new IllegalArgumentException(allowed);
        }
        List<Integer> widths = new ArrayList<>();
        for (String part : parts) {
            try {
                int w = Integer.parseInt(part.strip());
                if (w < TrainingConfig.MIN_HIDDEN || w > TrainingConfig.MAX_HIDDEN) {
                    throw new IllegalArgumentException(allowed);
                }
                widths.add(w);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(allowed);
            }
        }
        return List.copyOf(widths);
    }

    private static Label hint() {
        return hint("");
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-hint");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
