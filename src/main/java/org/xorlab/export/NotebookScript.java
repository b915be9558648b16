package org.xorlab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.TrainingOptions.Loss;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.engine.TrainingOptions.Order;
import org.xorlab.engine.TrainingOptions.Regularization;
import org.xorlab.text.NumberText;

/**
 * A run's settings as the notebook's own NumPy code (issue 15): a self-contained Python script with the notebook's
 * names (W1, b1, z1, v1, y_hat, forward_pass, backpropagation), its numbered steps and its printouts. With every
 * default it is the notebook; each option changes only the lines that option is about (SPEC.md, "Beyond the
 * notebook"), in the arithmetic the engine uses, so that {@code python3 script.py --csv loss.csv} writes every
 * epoch's loss as {@code xorlab train --csv} does, equal to 1e-9 relative. Deeper networks are written out layer by
 * layer (W3, z3, v3, ...), as a student would extend the notebook, not as loops over lists.
 */
public final class NotebookScript {
    private final TrainingConfig config;
    private final TrainingOptions options;
    private final long epochs;
    /** Hidden layers L; the layers with weights are 1 to L + 1. */
    private final int hiddenLayers;
    private final int[] widths;
    private final StringBuilder out = new StringBuilder(8192);

    private NotebookScript(TrainingConfig config, long epochs) {
        this.config = config;
        this.options = config.options();
        this.epochs = epochs;
        int[] hidden = config.hiddenLayers();
        this.hiddenLayers = hidden.length;
        this.widths = new int[hidden.length + 2];
        widths[0] = config.inputs();
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
    }

    /**
     * The script that trains {@code config} for {@code epochs} epochs. It prints what the notebook prints (the
     * initial weights, the loss of the sample input, the loss of epochs 1, 1001, 2001, ..., the predictions) and,
     * given {@code --csv FILE}, writes {@code epoch,loss} ({@code epoch,loss,test_loss} with test points) as
     * {@code xorlab train --csv} does.
     *
     * @param epochs at least 1
     * @return the script's text, lines ending in {@code \n}
     */
    public static String of(TrainingConfig config, long epochs) {
        if (config == null) {
            throw new IllegalArgumentException("a config must be given");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1 (got " + epochs + ")");
        }
        return new NotebookScript(config, epochs).write();
    }

    private String write() {
        header();
        activations();
        features();
        initialWeights();
        forwardPass();
        lossCalculation();
        optimizer();
        backpropagation();
        sampleData();
        trainingLoop();
        finalTest();
        csvFile();
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The sections, in the notebook's order.

    private void header() {
        line("# The XOR Lab notebook as a script: a " + shape() + " learning " + learns()
                + " by backpropagation,");
        line("# written by `xorlab script` for " + settings() + ".");
        List<String> changes = changes();
        if (!changes.isEmpty()) {
            line("# Beyond the notebook:");
            for (String change : changes) {
                line("#   - " + change);
            }
        }
        line("#");
        line("#   python3 this.py                 prints what the notebook prints");
        line("#   python3 this.py --csv loss.csv  also writes every epoch's loss to loss.csv ("
                + (testing() ? "epoch,loss,test_loss" : "epoch,loss") + "), as xorlab train --csv does");
        line("#");
        line("# It needs only NumPy.");
        line("import argparse");
        line("import csv");
        line("");
        line("import numpy as np");
        line("");
        line("parser = argparse.ArgumentParser(description=\"Train the notebook's network and print what it prints.\")");
        line("parser.add_argument(\"--csv\", metavar=\"FILE\", help=\"also write every epoch's loss to FILE as "
                + (testing() ? "epoch,loss,test_loss" : "epoch,loss") + "\")");
        line("args = parser.parse_args()");
        line("");
    }

    private void activations() {
        line("# Step 2: Define the Activation Function");
        line("def sigmoid(x):");
        line("    return 1 / (1 + np.exp(-x))");
        line("");
        line("def sigmoid_derivative(x):");
        line("    return x * (1 - x)  # Derivative of the sigmoid function");
        line("");
        switch (options.activation()) {
            case SIGMOID -> { }
            case TANH -> {
                line("# The hidden layers use tanh; the output stays a sigmoid");
                line("def tanh(x):");
                line("    return np.tanh(x)");
                line("");
                line("def tanh_derivative(v):");
                line("    return 1 - v ** 2  # Derivative of tanh, from its output v = tanh(z)");
                line("");
            }
            case RELU -> {
                line("# The hidden layers use ReLU; the output stays a sigmoid");
                line("def relu(x):");
                line("    return np.maximum(x, 0)");
                line("");
                line("def relu_derivative(v):");
                line("    return np.where(v > 0, 1.0, 0.0)  # 1 where z > 0 (there v = z > 0), else 0 (0 at z = 0)");
                line("");
            }
            case LINEAR -> {
                line("# The hidden layers are linear (no activation); the output stays a sigmoid");
                line("def linear(x):");
                line("    return x");
                line("");
                line("def linear_derivative(v):");
                line("    return np.ones_like(v)  # Derivative of f(z) = z");
                line("");
            }
        }
    }

    private void features() {
        if (!customFeatures()) {
            return;
        }
        List<Feature> features = options.features();
        List<String> columns = new ArrayList<>();
        for (Feature f : features) {
            columns.add(switch (f) {
                case X1 -> "x1";
                case X2 -> "x2";
                case X1SQ -> "x1 * x1";
                case X2SQ -> "x2 * x2";
                case X1X2 -> "x1 * x2";
                case SIN1 -> "np.sin(x1)";
                case SIN2 -> "np.sin(x2)";
            });
        }
        line("# Input features: what the network sees of each point (x1, x2), one column per feature");
        line("def input_features(points):");
        line("    x1, x2 = points[:, 0], points[:, 1]");
        line("    return np.column_stack([" + String.join(", ", columns) + "])  # " + Feature.ids(features));
        line("");
    }

    private void initialWeights() {
        line("# Step 3: Initialize Weights and Biases");
        line("np.random.seed(" + config.seed() + ")");
        line("input_dim = " + widths[0] + "  # Number of input features");
        for (int l = 1; l <= hiddenLayers; l++) {
            line(dim(l) + " = " + widths[l] + "  # Number of hidden neurons" + (hiddenLayers == 1 ? "" : " in layer " + l));
        }
        line("output_dim = 1  # Number of output neurons");
        line("");
        switch (options.init()) {
            case UNIFORM -> {
                line("# Weights and biases as column vectors");
                for (int l = 1; l <= hiddenLayers + 1; l++) {
                    line(w(l) + " = np.random.rand(" + dim(l) + ", " + dim(l - 1) + ")  # Shape: (" + sym(l) + ", "
                            + sym(l - 1) + ")");
                    line(b(l) + " = np.random.rand(" + dim(l) + ", 1)  # Shape: (" + sym(l) + ", 1)");
                }
            }
            case XAVIER, HE -> {
                boolean xavier = options.init() == TrainingOptions.Init.XAVIER;
                line("# Weights as column vectors, " + (xavier
                        ? "Xavier's uniform: each in +-sqrt(6 / (fan_in + fan_out))"
                        : "He's uniform: each in +-sqrt(6 / fan_in)") + "; biases start at zero");
                for (int l = 1; l <= hiddenLayers + 1; l++) {
                    String limit = xavier ? "np.sqrt(6 / (" + dim(l - 1) + " + " + dim(l) + "))"
                            : "np.sqrt(6 / " + dim(l - 1) + ")";
                    line(w(l) + " = (2 * np.random.rand(" + dim(l) + ", " + dim(l - 1) + ") - 1) * " + limit
                            + "  # Shape: (" + sym(l) + ", " + sym(l - 1) + ")");
                    line(b(l) + " = np.zeros((" + dim(l) + ", 1))  # Shape: (" + sym(l) + ", 1)");
                }
            }
        }
        line("");
        for (int l = 1; l <= hiddenLayers + 1; l++) {
            line("print(\"Initial Weights (" + layerName(l - 1) + " to " + layerName(l) + "):\\n\", " + w(l) + ")");
        }
        line("");
    }

    private void forwardPass() {
        line("# Step 4: Forward Pass");
        line("def forward_pass(" + parameters("x") + "):");
        String c = columns();
        line(batched() ? "    # x holds one sample per column (d, m)" : "    # x is a column vector (d, 1)");
        for (int l = 1; l <= hiddenLayers + 1; l++) {
            String f = l == hiddenLayers + 1 ? "sigmoid" : options.activation().id();
            line("    " + z(l) + " = np.dot(" + w(l) + ", " + v(l - 1) + ") + " + b(l) + "  # (" + sym(l) + ", "
                    + sym(l - 1) + ") * (" + sym(l - 1) + ", " + c + ") + (" + sym(l) + ", 1) => (" + sym(l) + ", "
                    + c + ")");
            line("    " + v(l) + " = " + f + "(" + z(l) + ")  # Apply activation function (" + sym(l) + ", " + c + ")");
        }
        line("    return " + forwardResults());
        line("");
    }

    private void lossCalculation() {
        line("# Step 5: Loss Calculation");
        if (crossEntropy()) {
            line("# Binary cross-entropy, mean(-y log(y_hat) - (1 - y) log(1 - y_hat)), written with the output's");
            line("# pre-activation z so that it stays finite: mean(max(z, 0) - z y + log(1 + exp(-|z|)))");
            line("def compute_loss(y_true, z_out):");
            line("    return np.mean(np.maximum(z_out, 0) - z_out * y_true + np.log(1 + np.exp(-np.abs(z_out))))");
        } else {
            line("def compute_loss(y_true, y_pred):");
            line("    return np.mean((y_true - y_pred) ** 2)");
        }
        line("");
        String x1;
        String x2;
        String y;
        if (config.onTruthTable()) {
            x1 = "0";
            x2 = "1";
            y = "1";
            line("# Sample input and output for testing");
        } else {
            Samples s = config.samples();
            x1 = NumberText.python(s.x1(0));
            x2 = NumberText.python(s.x2(0));
            y = NumberText.python(s.y(0));
            line("# Sample input and output for testing: the first training point");
        }
        if (customFeatures()) {
            line("x_sample = input_features(np.array([[" + x1 + ", " + x2 + "]])).T  # Example input, as features");
        } else {
            line("x_sample = np.array([[" + x1 + "], [" + x2 + "]])  # Example input");
        }
        line("y_true_sample = np.array([[" + y + "]])  # Example true output");
        line("");
        line("# Perform forward pass");
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= hiddenLayers; l++) {
            names.add(v(l) + "_sample");
        }
        if (crossEntropy()) {
            names.add("z_sample");
        }
        names.add("y_pred_sample");
        line(String.join(", ", names) + " = forward_pass(" + parameters("x_sample") + ")");
        line("");
        line("# Compute loss");
        line("loss_sample = compute_loss(y_true_sample, " + (crossEntropy() ? "z_sample" : "y_pred_sample") + ")");
        line("print(f'Loss for the initialized weights: {loss_sample}')");
        line("");
    }

    private void optimizer() {
        if (!optimiserStep()) {
            return;
        }
        String mu = NumberText.python(options.momentum());
        String eps = NumberText.python(options.epsilon());
        switch (options.optimizer()) {
            case SGD -> {
                line("# Step 6a: The update: plain gradient descent, p -= learning_rate * grad");
                line("def update_parameter(name, p, grad, learning_rate):");
                line("    p -= learning_rate * grad");
            }
            case MOMENTUM, NESTEROV -> {
                boolean nesterov = options.optimizer() == Optimizer.NESTEROV;
                line(nesterov
                        ? "# Step 6a: The update with Nesterov momentum: v = mu v + grad, then a step along grad + mu v"
                        : "# Step 6a: The update with momentum: each parameter keeps a velocity, v = mu v + grad");
                line("momentum = " + mu + "  # mu");
                line("velocity = {}  # Each parameter's velocity, by name; zeros before the first update");
                line("");
                line("def update_parameter(name, p, grad, learning_rate):");
                line("    v = momentum * velocity.get(name, np.zeros_like(p)) + grad");
                line("    velocity[name] = v");
                line(nesterov ? "    p -= learning_rate * (grad + momentum * v)" : "    p -= learning_rate * v");
            }
            case RMSPROP -> {
                line("# Step 6a: The update with RMSprop: each parameter keeps a running mean of its squared gradient");
                line("rho = " + NumberText.python(options.rho()) + "  # Decay of the running mean");
                line("epsilon = " + eps + "  # Keeps the division finite");
                line("mean_square = {}  # Each parameter's running mean of grad ** 2, by name; zeros at first");
                line("");
                line("def update_parameter(name, p, grad, learning_rate):");
                line("    s = rho * mean_square.get(name, np.zeros_like(p)) + (1 - rho) * grad ** 2");
                line("    mean_square[name] = s");
                line("    p -= learning_rate * grad / (np.sqrt(s) + epsilon)");
            }
            case ADAM -> {
                line("# Step 6a: The update with Adam: running means of each parameter's gradient (first moment)");
                line("# and of its square (second moment), both corrected for starting at zero");
                line("beta1 = " + NumberText.python(options.beta1()) + "  # Decay of the first moment");
                line("beta2 = " + NumberText.python(options.beta2()) + "  # Decay of the second moment");
                line("epsilon = " + eps + "  # Keeps the division finite");
                line("first_moment = {}  # By parameter name; zeros before the first update");
                line("second_moment = {}");
                line("");
                line("def update_parameter(name, p, grad, learning_rate):");
                line("    m = beta1 * first_moment.get(name, np.zeros_like(p)) + (1 - beta1) * grad");
                line("    s = beta2 * second_moment.get(name, np.zeros_like(p)) + (1 - beta2) * grad ** 2");
                line("    first_moment[name] = m");
                line("    second_moment[name] = s");
                line("    # t counts the weight updates from 1 (set in the training loop)");
                line("    p -= learning_rate * (m / (1 - beta1 ** t)) / (np.sqrt(s / (1 - beta2 ** t)) + epsilon)");
            }
        }
        line("");
    }

    private void backpropagation() {
        int out1 = hiddenLayers + 1;
        String c = columns();
        line("# Step 6: Backpropagation");
        line("def backpropagation(" + String.join(", ", backpropParameters()) + ", learning_rate):");
        if (batched()) {
            line("    m = x.shape[1]  # Samples in this batch");
        }
        line("    # 1. Output layer error");
        if (crossEntropy()) {
            line("    " + delta(out1) + " = y_hat - y  # Cross-entropy's error at z_out: the sigmoid's derivative cancels (o, "
                    + c + ")");
        } else {
            line("    " + error(out1) + " = y_hat - y  # Shape: (o, " + c + ")");
            line("    " + delta(out1) + " = " + error(out1) + " * sigmoid_derivative(y_hat)  # (o, " + c + ")");
        }
        for (int l = hiddenLayers; l >= 1; l--) {
            line("    # " + (hiddenLayers - l + 2) + ". " + (hiddenLayers == 1 ? "Hidden layer" : "Hidden layer " + l)
                    + " error (backpropagate)");
            line("    " + error(l) + " = np.dot(" + w(l + 1) + ".T, " + delta(l + 1) + ")  # (" + sym(l) + ", " + c + ")");
            line("    " + delta(l) + " = " + error(l) + " * " + options.activation().id() + "_derivative(" + v(l)
                    + ")  # (" + sym(l) + ", " + c + ")");
        }
        int step = hiddenLayers + 2;
        String perBatch = batched() ? " / m" : "";
        if (!optimiserStep()) {
            for (int l = out1; l >= 1; l--) {
                line("    # " + (step++) + ". Update weights and biases for " + layerWords(l));
                String sum = batched() ? "np.sum(" + delta(l) + ", axis=1, keepdims=True)" : delta(l);
                line("    " + w(l) + " -= learning_rate * np.dot(" + delta(l) + ", " + v(l - 1) + ".T)" + perBatch
                        + "  # (" + sym(l) + ", " + sym(l - 1) + ") -= (" + sym(l) + ", " + c + ") * (" + c + ", "
                        + sym(l - 1) + ")" + (batched() ? ", the batch's mean" : ""));
                line("    " + b(l) + " -= learning_rate * " + sum + perBatch + "  # (" + sym(l) + ", 1)");
            }
        } else {
            line("    # " + (step++) + ". Gradients" + (batched() ? " (the batch's mean)" : ""));
            for (int l = out1; l >= 1; l--) {
                String sum = batched() ? "np.sum(" + delta(l) + ", axis=1, keepdims=True)" : delta(l);
                line("    grad_" + w(l) + " = np.dot(" + delta(l) + ", " + v(l - 1) + ".T)" + perBatch + "  # ("
                        + sym(l) + ", " + sym(l - 1) + ")");
                line("    grad_" + b(l) + " = " + sum + perBatch + "  # (" + sym(l) + ", 1)");
            }
            if (options.regularization() != Regularization.NONE) {
                boolean l2 = options.regularization() == Regularization.L2;
                line("    # " + (step++) + ". " + (l2 ? "L2" : "L1") + " regularisation: each weight's gradient gets reg_rate * "
                        + (l2 ? "W" : "sign(W)") + " (never the biases'; the loss printed stays the data's)");
                for (int l = out1; l >= 1; l--) {
                    line("    grad_" + w(l) + " += reg_rate * " + (l2 ? w(l) : "np.sign(" + w(l) + ")"));
                }
            }
            line("    # " + step + ". Update every parameter (update_parameter, Step 6a)");
            for (int l = out1; l >= 1; l--) {
                line("    update_parameter(\"" + w(l) + "\", " + w(l) + ", grad_" + w(l) + ", learning_rate)");
                line("    update_parameter(\"" + b(l) + "\", " + b(l) + ", grad_" + b(l) + ", learning_rate)");
            }
        }
        line("    return " + String.join(", ", parameterNames()));
        line("");
    }

    private void sampleData() {
        if (config.onTruthTable()) {
            Dataset d = config.dataset();
            StringBuilder targets = new StringBuilder("np.array([");
            for (int i = 0; i < Dataset.SIZE; i++) {
                targets.append(i == 0 ? "" : ", ").append('[').append((int) d.target(i)).append(']');
            }
            targets.append("])  # ").append(d.id().toUpperCase(Locale.ROOT)).append(" problem");
            line("# Sample data");
            if (customFeatures()) {
                line("points = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])");
                line("inputs = input_features(points)  # " + Feature.ids(options.features()) + " of each point");
            } else {
                line("inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])");
            }
            line("outputs = " + targets);
            line("");
            return;
        }
        Samples train = config.samples();
        line("# Sample data: the " + train.size() + " training points of " + dataName()
                + " (x1, x2, y), one per row");
        points("points", train);
        if (testing()) {
            Samples test = config.testSamples();
            line("# The " + test.size() + (test.size() == 1 ? " test point" : " test points")
                    + ", held out: never trained on, their loss is computed after each epoch");
            points("test_points", test);
        }
        String inputs = customFeatures() ? "input_features(points)" : "points[:, :2]";
        line("inputs = " + inputs + (customFeatures() ? "  # " + Feature.ids(options.features()) + " of each point"
                : "  # x1, x2"));
        line("outputs = points[:, 2:]  # y, one column");
        if (testing()) {
            line("test_inputs = " + (customFeatures() ? "input_features(test_points)" : "test_points[:, :2]"));
            line("test_outputs = test_points[:, 2:]");
        }
        line("");
    }

    private void points(String name, Samples s) {
        line(name + " = np.array([");
        for (int i = 0; i < s.size(); i++) {
            line("    [" + NumberText.python(s.x1(i)) + ", " + NumberText.python(s.x2(i)) + ", "
                    + NumberText.python(s.y(i)) + "],");
        }
        line("])");
    }

    private void trainingLoop() {
        boolean shuffle = options.order() == Order.SHUFFLE;
        line("# Training parameters");
        line("epochs = " + epochs);
        line("learning_rate = " + NumberText.python(config.learningRate()));
        if (batched()) {
            line("batch_size = " + config.batchSize() + "  # Samples per weight update"
                    + (config.batchSize() == config.sampleCount() ? ": all of them, batch gradient descent"
                    : " (the last batch of an epoch may be shorter)"));
        }
        if (options.regularization() != Regularization.NONE) {
            line("reg_rate = " + NumberText.python(options.regRate()) + "  # "
                    + options.regularization().id().toUpperCase(Locale.ROOT) + " regularisation rate");
        }
        line("");
        line("# Training loop");
        line("losses = []  # Every epoch's loss, for --csv (and for plotting the loss over time)");
        if (testing()) {
            line("test_losses = []  # Every epoch's loss on the test points");
        }
        if (options.optimizer() == Optimizer.ADAM) {
            line("t = 0  # Weight updates so far: Adam's step count");
        }
        line("for epoch in range(epochs):");
        line("    total_loss = 0");
        if (shuffle) {
            line("    order = np.random.permutation(len(inputs))  # A new order of the samples every epoch");
        }
        String forwardTo = String.join(", ", forwardNames());
        if (!batched()) {
            line(shuffle ? "    for i in order:" : "    for i in range(len(inputs)):");
            line("        x = inputs[i].reshape(-1, 1)");
            line("        y = outputs[i].reshape(-1, 1)");
        } else {
            line("    for start in range(0, len(inputs), batch_size):");
            if (shuffle) {
                line("        batch = order[start:start + batch_size]");
                line("        x = inputs[batch].T  # One sample per column (d, m)");
                line("        y = outputs[batch].T  # (o, m)");
            } else {
                line("        x = inputs[start:start + batch_size].T  # One sample per column (d, m)");
                line("        y = outputs[start:start + batch_size].T  # (o, m)");
            }
        }
        line("        " + forwardTo + " = forward_pass(" + parameters("x") + ")"
                + "  # intermediate results (such as v1) are saved for backpropagation");
        if (options.optimizer() == Optimizer.ADAM) {
            line("        t += 1");
        }
        line("        " + String.join(", ", parameterNames()) + " = backpropagation("
                + String.join(", ", backpropParameters()) + ", learning_rate)");
        String lossOf = "compute_loss(y, " + (crossEntropy() ? "z_out" : "y_hat") + ")";
        line("        total_loss += " + lossOf + (batched() ? " * x.shape[1]  # The batch's mean loss times its samples"
                : ""));
        line("    losses.append(total_loss / len(inputs))");
        if (testing()) {
            line("    # The test points' loss with this epoch's final weights");
            line("    " + resultPrefix("test") + " = forward_pass(" + parameters("test_inputs.T") + ")");
            line("    test_losses.append(compute_loss(test_outputs.T, " + (crossEntropy() ? "z_test" : "y_test") + "))");
        }
        if (!options.isNotebook()) {
            line("    if not np.isfinite(losses[-1]) or not all(np.isfinite(p).all() for p in ["
                    + String.join(", ", parameterNames()) + "]):");
            line("        print(f'Epoch {epoch+1}: the loss or a weight is no longer a finite number; training stops')");
            line("        losses.pop()");
            if (testing()) {
                line("        test_losses.pop()");
            }
            line("        break");
        }
        line("    if epoch % 1000 == 0:");
        line("        print(f'Epoch {epoch+1}, Loss: {total_loss / len(inputs)}" + (testing() ? ", Test loss: {test_losses[-1]}"
                : "") + "')");
        line("");
    }

    private void finalTest() {
        line("# Test the trained model");
        if (config.onTruthTable()) {
            line(resultPrefix("final") + " = forward_pass(" + parameters("inputs.T") + ")");
            line("print(\"Predicted Output after Training:\\n\", final_output)");
        } else {
            line(resultPrefix("final") + " = forward_pass(" + parameters("inputs.T") + ")");
            line("accuracy = np.mean((final_output >= 0.5) == (outputs.T >= 0.5))");
            line("print(f'Accuracy on the training points (threshold 0.5): {accuracy:.1%}')");
            if (testing()) {
                line(resultPrefix("final_test") + " = forward_pass(" + parameters("test_inputs.T") + ")");
                line("test_accuracy = np.mean((final_test_output >= 0.5) == (test_outputs.T >= 0.5))");
                line("print(f'Accuracy on the test points (threshold 0.5): {test_accuracy:.1%}')");
            }
        }
        line("");
    }

    private void csvFile() {
        line("# Every epoch's loss, as `xorlab train --csv` writes it");
        line("if args.csv:");
        line("    with open(args.csv, \"w\", newline=\"\") as f:");
        line("        writer = csv.writer(f, lineterminator=\"\\n\")");
        if (testing()) {
            line("        writer.writerow([\"epoch\", \"loss\", \"test_loss\"])");
            line("        for epoch, (loss, test_loss) in enumerate(zip(losses, test_losses), start=1):");
            line("            writer.writerow([epoch, repr(float(loss)), repr(float(test_loss))])");
        } else {
            line("        writer.writerow([\"epoch\", \"loss\"])");
            line("        for epoch, loss in enumerate(losses, start=1):");
            line("            writer.writerow([epoch, repr(float(loss))])");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Names: the notebook's for its 2-H-1 network, numbered on for deeper ones.

    private String w(int l) {
        return "W" + l;
    }

    private String b(int l) {
        return "b" + l;
    }

    private String z(int l) {
        return l == hiddenLayers + 1 && crossEntropy() ? "z_out" : "z" + l;
    }

    /** The layer's output: x below the first layer, y_hat at the top. */
    private String v(int l) {
        if (l == 0) {
            return "x";
        }
        return l == hiddenLayers + 1 ? "y_hat" : "v" + l;
    }

    private String dim(int l) {
        return layered(l, "input_dim", "hidden_dim", "hidden%d_dim", "output_dim");
    }

    /** The shape comments' letters: d inputs, h hidden units (h1, h2, ... when deeper), o outputs. */
    private String sym(int l) {
        return layered(l, "d", "h", "h%d", "o");
    }

    private String delta(int l) {
        return layered(l, null, "d_hidden", "d_hidden%d", "d_output");
    }

    private String error(int l) {
        return layered(l, null, "error_hidden", "error_hidden%d", "error_output");
    }

    private String layerName(int l) {
        return layered(l, "Input", "Hidden", "Hidden %d", "Output");
    }

    private String layerWords(int l) {
        return layered(l, null, "hidden layer", "hidden layer %d", "output layer");
    }

    /**
     * The name of layer {@code l} (0 the input, L + 1 the output): the notebook's own name for its one hidden
     * layer ({@code single}), numbered ({@code numbered}, a format with %d) when there are several.
     */
    private String layered(int l, String input, String single, String numbered, String output) {
        if (l == 0) {
            return input;
        }
        if (l == hiddenLayers + 1) {
            return output;
        }
        return hiddenLayers == 1 ? single : String.format(Locale.ROOT, numbered, l);
    }

    /** W1, b1, W2, b2, ... */
    private List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= hiddenLayers + 1; l++) {
            names.add(w(l));
            names.add(b(l));
        }
        return names;
    }

    private String parameters(String first) {
        return first + ", " + String.join(", ", parameterNames());
    }

    /** What forward_pass returns: the hidden layers' outputs (for backpropagation), z_out for cross-entropy, y_hat. */
    private String forwardResults() {
        return String.join(", ", forwardNames());
    }

    private List<String> forwardNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= hiddenLayers; l++) {
            names.add(v(l));
        }
        if (crossEntropy()) {
            names.add("z_out");
        }
        names.add("y_hat");
        return names;
    }

    /** "_, final_output" (the notebook's), or with more to skip "*_, z_final, final_output". */
    private String resultPrefix(String what) {
        String skip = hiddenLayers == 1 ? "_" : "*_";
        String output = what.equals("test") ? "y_test" : what + "_output";
        return skip + (crossEntropy() ? ", z_" + what : "") + ", " + output;
    }

    private List<String> backpropParameters() {
        List<String> names = new ArrayList<>();
        names.add("x");
        for (int l = 1; l <= hiddenLayers; l++) {
            names.add(v(l));
        }
        names.add("y_hat");
        names.add("y");
        names.addAll(parameterNames());
        return names;
    }

    // ------------------------------------------------------------------------------------------------------------
    // What the settings are.

    private boolean crossEntropy() {
        return options.loss() == Loss.CROSS_ENTROPY;
    }

    /** More than one sample per update: x has m columns and gradients are the batch's mean. */
    private boolean batched() {
        return config.batchSize() > 1;
    }

    private boolean testing() {
        return !config.testSamples().isEmpty();
    }

    private boolean customFeatures() {
        return !options.features().equals(Feature.DEFAULT);
    }

    /**
     * Whether gradients are computed first and then applied by update_parameter; the notebook's plain
     * {@code W -= learning_rate * ...} stays for SGD without regularisation (the engine rounds as it does).
     */
    private boolean optimiserStep() {
        return options.optimizer() != Optimizer.SGD || options.regularization() != Regularization.NONE;
    }

    private String columns() {
        return batched() ? "m" : "1";
    }

    /** "2-2-1 sigmoid network" (the notebook's), "2-4-4-1 network (tanh hidden layers, sigmoid output)". */
    private String shape() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            s.append(i == 0 ? "" : "-").append(widths[i]);
        }
        return options.activation() == Activation.SIGMOID ? s + " sigmoid network"
                : s + " network (" + options.activation().id() + " hidden layers, sigmoid output)";
    }

    private String learns() {
        return config.onTruthTable() ? config.dataset().id().toUpperCase(Locale.ROOT) : dataName();
    }

    /**
     * The data's name (a file name, which may hold any character but / and NUL) as a comment may hold it: a line
     * break in it would end the comment and make the rest of the name code, so control characters become '?'.
     */
    private String dataName() {
        StringBuilder s = new StringBuilder();
        options.data().name().codePoints().forEach(c -> s.appendCodePoint(
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c));
        return s.toString();
    }

    private String settings() {
        String batch = config.batchSize() == 1 ? "batch size 1 (SGD)"
                : config.batchSize() == config.sampleCount() ? "batch size " + config.batchSize() + " (full batch)"
                : "batch size " + config.batchSize();
        return "seed " + config.seed() + ", learning rate " + NumberText.python(config.learningRate()) + ", " + batch
                + ", " + NumberText.count(epochs) + (epochs == 1 ? " epoch" : " epochs");
    }

    /** Every option that is not the notebook's, as "tanh hidden layers", "adam (beta1 0.9, ...)". */
    private List<String> changes() {
        TrainingOptions d = TrainingOptions.NOTEBOOK;
        List<String> s = new ArrayList<>();
        if (!config.onTruthTable()) {
            s.add(config.sampleCount() + " points embedded below" + (testing()
                    ? " and " + config.testSamples().size() + " test points" : ""));
        }
        if (customFeatures()) {
            s.add("features " + Feature.ids(options.features()));
        }
        if (options.activation() != Activation.SIGMOID) {
            s.add(options.activation().id() + " hidden layers");
        }
        if (options.loss() != d.loss()) {
            s.add(options.loss().id() + " loss");
        }
        switch (options.optimizer()) {
            case SGD -> { }
            case MOMENTUM, NESTEROV -> s.add(options.optimizer().id() + " (momentum "
                    + NumberText.python(options.momentum()) + ")");
            case RMSPROP -> s.add("rmsprop (rho " + NumberText.python(options.rho()) + ", epsilon "
                    + NumberText.python(options.epsilon()) + ")");
            case ADAM -> s.add("adam (beta1 " + NumberText.python(options.beta1()) + ", beta2 "
                    + NumberText.python(options.beta2()) + ", epsilon " + NumberText.python(options.epsilon()) + ")");
        }
        if (options.regularization() != Regularization.NONE) {
            s.add(options.regularization().id() + " regularisation at " + NumberText.python(options.regRate()));
        }
        if (options.init() != d.init()) {
            s.add(options.init().id() + " initial weights");
        }
        if (options.order() == Order.SHUFFLE) {
            s.add("shuffled samples");
        }
        return s;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
