package org.xorlab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import picocli.CommandLine.Option;

/**
 * {@code xorlab train}'s and {@code xorlab compare}'s network: {@link RunBasics}, {@code --hidden} taking one width
 * per layer, and every option of the general network (SPEC.md, "Beyond the notebook"). Each default is the
 * notebook's, so with none of the new flags a run is the notebook's bit for bit. The options after
 * {@code --epochs} are ordered from 20 up, so that each command's own options (compare's 6 to 14, train's from 40)
 * keep their places in its help.
 */
final class GeneralOptions extends RunBasics {
    private static final TrainingOptions D = TrainingOptions.NOTEBOOK;

    @Option(names = "--hidden", order = 2, paramLabel = "H[,H...]", defaultValue = "2", converter = Converters.HiddenLayers.class,
            description = "Hidden units, 1 to 8; several layers as widths separated by commas, input side first, "
                    + "1 to 6 layers such as 4,4 (default: ${DEFAULT-VALUE}).")
    Converters.Widths hiddenLayers;

    @Option(names = "--activation", order = 20, paramLabel = "NAME", defaultValue = "sigmoid",
            converter = Converters.ActivationName.class,
            description = "The hidden layers' activation: sigmoid, tanh, relu or linear; the output is always a "
                    + "sigmoid (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--loss", order = 21, paramLabel = "NAME", defaultValue = "mse", converter = Converters.LossName.class,
            description = "Loss to minimise and report: mse or cross-entropy (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Loss loss;

    @Option(names = "--optimizer", order = 22, paramLabel = "NAME", defaultValue = "sgd",
            converter = Converters.OptimizerName.class,
            description = "How a gradient becomes an update: sgd, momentum, nesterov, rmsprop or adam "
                    + "(default: ${DEFAULT-VALUE}).")
    TrainingOptions.Optimizer optimizer;

    @Option(names = "--momentum", order = 23, paramLabel = "MU", defaultValue = "0.9", converter = Converters.Decay.class,
            description = "Momentum's and nesterov's mu, from 0 up to but not including 1 (default: "
                    + "${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--rho", order = 24, paramLabel = "RHO", defaultValue = "0.9", converter = Converters.Decay.class,
            description = "RMSprop's decay, from 0 up to but not including 1 (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--beta1", order = 25, paramLabel = "B1", defaultValue = "0.9", converter = Converters.Decay.class,
            description = "Adam's first-moment decay, from 0 up to but not including 1 (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", order = 26, paramLabel = "B2", defaultValue = "0.999", converter = Converters.Decay.class,
            description = "Adam's second-moment decay, from 0 up to but not including 1 (default: "
                    + "${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = "--epsilon", order = 27, paramLabel = "EPS", defaultValue = "1e-8", converter = Converters.Epsilon.class,
            description = "RMSprop's and Adam's guard in the denominator, a finite number greater than 0 (default: "
                    + "${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--regularization", order = 28, paramLabel = "NAME", defaultValue = "none",
            converter = Converters.RegularizationName.class,
            description = "Penalty on the weights (not the biases): none, l1 or l2 (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Regularization regularization;

    @Option(names = "--reg-rate", order = 29, paramLabel = "R", defaultValue = "0", converter = Converters.RegRate.class,
            description = "The penalty's rate, a finite number from 0 up (default: ${DEFAULT-VALUE}).")
    double regRate;

    @Option(names = "--init", order = 30, paramLabel = "NAME", defaultValue = "uniform", converter = Converters.InitName.class,
            description = "Initial weights: uniform (the notebook's), xavier or he (default: ${DEFAULT-VALUE}).")
    TrainingOptions.Init init;

    @Option(names = "--order", order = 31, paramLabel = "NAME", defaultValue = "fixed", converter = Converters.OrderName.class,
            description = "Samples' order in each epoch: fixed or shuffle (a new permutation every epoch; default: "
                    + "${DEFAULT-VALUE}).")
    TrainingOptions.Order order;

    /** The options as the engine takes them; {@link TrainingOptions#NOTEBOOK} with no new flag. */
    TrainingOptions options() {
        int[] hidden = hiddenLayers.values();
        List<Integer> deeper = new ArrayList<>();
        for (int l = 1; l < hidden.length; l++) {
            deeper.add(hidden[l]);
        }
        return new TrainingOptions(deeper, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order);
    }

    /** These settings with the given batch size. */
    TrainingConfig config(int batchSize) {
        int[] hidden = hiddenLayers.values();
        return new TrainingConfig(dataset, hidden[0], seed, learningRate, batchSize).withOptions(options());
    }

    /**
     * "xor, 2 hidden units, seed 42, learning rate 0.1", followed by every option that is not the notebook's:
     * "xor, hidden 4,4, seed 42, learning rate 0.1, tanh, cross-entropy, adam".
     */
    String describe() {
        return describe(true);
    }

    /** As {@link #describe()}, without the learning rate if {@code rate} is false (the runs then have their own). */
    String describe(boolean rate) {
        int[] hidden = hiddenLayers.values();
        String units = hidden.length == 1
                ? hidden[0] + (hidden[0] == 1 ? " hidden unit" : " hidden units")
                : "hidden " + Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(","));
        StringBuilder s = new StringBuilder(dataset.id() + ", " + units + ", seed " + seed
                + (rate ? ", learning rate " + number(learningRate) : ""));
        if (activation != D.activation()) {
            s.append(", ").append(activation.id());
        }
        if (loss != D.loss()) {
            s.append(", ").append(loss.id());
        }
        if (optimizer != D.optimizer()) {
            s.append(", ").append(optimizer.id());
        }
        appendIfChanged(s, "momentum", momentum, D.momentum());
        appendIfChanged(s, "rho", rho, D.rho());
        appendIfChanged(s, "beta1", beta1, D.beta1());
        appendIfChanged(s, "beta2", beta2, D.beta2());
        appendIfChanged(s, "epsilon", epsilon, D.epsilon());
        if (regularization != D.regularization()) {
            s.append(", ").append(regularization.id()).append(" rate ").append(number(regRate));
        } else {
            appendIfChanged(s, "regularization rate", regRate, D.regRate());
        }
        if (init != D.init()) {
            s.append(", ").append(init.id()).append(" init");
        }
        if (order != D.order()) {
            s.append(", ").append(order.id()).append(" order");
        }
        return s.toString();
    }

    private static void appendIfChanged(StringBuilder s, String name, double value, double notebook) {
        if (Double.compare(value, notebook) != 0) {
            s.append(", ").append(name).append(' ').append(number(value));
        }
    }
}
