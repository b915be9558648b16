package org.xorlab.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The general network's options beyond the notebook (SPEC.md, "Beyond the notebook"); {@link #NOTEBOOK} holds every
 * default, with which a run is the notebook's network bit for bit. Immutable; validated on construction with
 * messages naming what is allowed.
 *
 * @param deeperLayers   widths of hidden layers 2 and up, input side first (empty: the notebook's single hidden
 *                       layer, whose width is {@link TrainingConfig#hidden()}); at most {@value #MAX_LAYERS} - 1,
 *                       each from {@value TrainingConfig#MIN_HIDDEN} to {@value TrainingConfig#MAX_HIDDEN}
 * @param activation     the hidden layers' activation; the output unit is always a sigmoid
 * @param loss           mse (the notebook's) or cross-entropy
 * @param optimizer      how a gradient becomes an update
 * @param momentum       mu of momentum and nesterov, from 0 (inclusive) to 1 (exclusive)
 * @param rho            rmsprop's decay of the squared average, from 0 to 1 (exclusive)
 * @param beta1          adam's decay of the first moment, from 0 to 1 (exclusive)
 * @param beta2          adam's decay of the second moment, from 0 to 1 (exclusive)
 * @param epsilon        rmsprop's and adam's guard in the denominator, a finite number greater than 0
 * @param regularization a penalty on the weights (never the biases), added to their gradient only
 * @param regRate        the penalty's rate, a finite number from 0 up (ignored with {@link Regularization#NONE})
 * @param init           how the initial weights are drawn from the seed's stream
 * @param order          the samples' order in each epoch
 * @param features       the input features the first layer sees, in this order ({@link Feature#DEFAULT}: x1, x2)
 * @param data           the points to learn ({@link Data#TRUTH_TABLE}: the config's truth table)
 */
public record TrainingOptions(List<Integer> deeperLayers, Activation activation, Loss loss, Optimizer optimizer,
                              double momentum, double rho, double beta1, double beta2, double epsilon,
                              Regularization regularization, double regRate, Init init, Order order,
                              List<Feature> features, Data data) {

    /** Hidden layers at most. */
    public static final int MAX_LAYERS = 6;

    /** Every option at its default: the notebook's network. */
    public static final TrainingOptions NOTEBOOK = new TrainingOptions(List.of(), Activation.SIGMOID, Loss.MSE,
            Optimizer.SGD, 0.9, 0.9, 0.9, 0.999, 1e-8, Regularization.NONE, 0.0, Init.UNIFORM, Order.FIXED, Feature.DEFAULT,
            Data.TRUTH_TABLE);

    /** These options with the notebook's inputs and the config's truth table. */
    public TrainingOptions(List<Integer> deeperLayers, Activation activation, Loss loss, Optimizer optimizer,
                           double momentum, double rho, double beta1, double beta2, double epsilon,
                           Regularization regularization, double regRate, Init init, Order order) {
        this(deeperLayers, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon, regularization, regRate,
                init, order, Feature.DEFAULT, Data.TRUTH_TABLE);
    }

    public TrainingOptions {
        if (deeperLayers == null) {
            throw new IllegalArgumentException("the deeper layers must be a list of widths (empty for one layer)");
        }
        deeperLayers = List.copyOf(deeperLayers);
        if (deeperLayers.size() > MAX_LAYERS - 1) {
            throw new IllegalArgumentException("hidden layers must be from 1 to " + MAX_LAYERS + " (got "
                    + (deeperLayers.size() + 1) + ")");
        }
        for (int width : deeperLayers) {
            TrainingConfig.checkHidden(width);
        }
        require(activation, "activation", Activation::allowedNames);
        require(loss, "loss", () -> names(Loss.values()));
        require(optimizer, "optimizer", () -> names(Optimizer.values()));
        require(regularization, "regularization", () -> names(Regularization.values()));
        require(init, "init", () -> names(Init.values()));
        require(order, "order", () -> names(Order.values()));
        features = Feature.check(features);
        if (data == null) {
            throw new IllegalArgumentException("data must be given (Data.TRUTH_TABLE for the truth table)");
        }
        checkDecay("momentum", momentum);
        checkDecay("rho", rho);
        checkDecay("beta1", beta1);
        checkDecay("beta2", beta2);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number greater than 0 (got " + epsilon + ")");
        }
        if (!(regRate >= 0) || !Double.isFinite(regRate)) {
            throw new IllegalArgumentException("regularization rate must be a finite number from 0 up (got "
                    + regRate + ")");
        }
    }

    /** The names allowed are put together only for the message: a study makes a TrainingOptions for every run. */
    private static void require(Object value, String what, java.util.function.Supplier<String> allowed) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must be one of " + allowed.get());
        }
    }

    private static void checkDecay(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be a number from 0 up to but not including 1 (got "
                    + value + ")");
        }
    }

    /** True when every option is the notebook's: the engine then takes its plain SGD path. */
    public boolean isNotebook() {
        return equals(NOTEBOOK);
    }

    public TrainingOptions withDeeperLayers(List<Integer> widths) {
        return new TrainingOptions(widths, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, features, data);
    }

    public TrainingOptions withActivation(Activation a) {
        return new TrainingOptions(deeperLayers, a, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, features, data);
    }

    public TrainingOptions withLoss(Loss l) {
        return new TrainingOptions(deeperLayers, activation, l, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, features, data);
    }

    public TrainingOptions withOptimizer(Optimizer o) {
        return new TrainingOptions(deeperLayers, activation, loss, o, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, features, data);
    }

    /** The optimisers' hyper-parameters: mu, rho, beta1, beta2, epsilon. */
    public TrainingOptions withHyperParameters(double mu, double r, double b1, double b2, double eps) {
        return new TrainingOptions(deeperLayers, activation, loss, optimizer, mu, r, b1, b2, eps,
                regularization, regRate, init, order, features, data);
    }

    public TrainingOptions withRegularization(Regularization reg, double rate) {
        return new TrainingOptions(deeperLayers, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                reg, rate, init, order, features, data);
    }

    public TrainingOptions withInit(Init i) {
        return new TrainingOptions(deeperLayers, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, i, order, features, data);
    }

    public TrainingOptions withFeatures(List<Feature> f) {
        return new TrainingOptions(deeperLayers, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, f, data);
    }

    public TrainingOptions withData(Data d) {
        return new TrainingOptions(deeperLayers, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, features, d);
    }

    /** The same network and training options on the truth table with the notebook's inputs. */
    public TrainingOptions onTruthTable() {
        return withFeatures(Feature.DEFAULT).withData(Data.TRUTH_TABLE);
    }

    public TrainingOptions withOrder(Order o) {
        return new TrainingOptions(deeperLayers, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, o, features, data);
    }

    /** The loss a run minimises and reports. */
    public enum Loss {
        /** mean((y - y_hat)^2), output error (y_hat - y) y_hat (1 - y_hat) with no factor 2: the notebook's. */
        MSE("mse"),
        /**
         * Binary cross-entropy, reported as mean(max(z, 0) - z y + log(1 + exp(-|z|))) with z the output's
         * pre-activation; output error y_hat - y.
         */
        CROSS_ENTROPY("cross-entropy");

        private final String id;

        Loss(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** "mean squared error" or "cross-entropy": the loss as a sentence or an axis names it. */
        public String words() {
            return this == MSE ? "mean squared error" : id;
        }

        public static Loss parse(String name) {
            return TrainingOptions.parse(values(), name, "loss");
        }
    }

    /** How a parameter p with gradient g is updated; the state starts at zero and t counts updates from 1. */
    public enum Optimizer {
        /** p -= lr g (the notebook's). */
        SGD("sgd"),
        /** v = mu v + g; p -= lr v. */
        MOMENTUM("momentum"),
        /** v = mu v + g; p -= lr (g + mu v). */
        NESTEROV("nesterov"),
        /** s = rho s + (1 - rho) g^2; p -= lr g / (sqrt(s) + eps). */
        RMSPROP("rmsprop"),
        /** m = b1 m + (1 - b1) g; s = b2 s + (1 - b2) g^2; p -= lr (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps). */
        ADAM("adam");

        private final String id;

        Optimizer(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optimizer parse(String name) {
            return TrainingOptions.parse(values(), name, "optimizer");
        }
    }

    /** A penalty on the weights' gradient (never the biases'; the reported loss stays the data loss). */
    public enum Regularization {
        NONE("none"),
        /** gW += rate * sign(W), sign(0) = 0. */
        L1("l1"),
        /** gW += rate * W. */
        L2("l2");

        private final String id;

        Regularization(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Regularization parse(String name) {
            return TrainingOptions.parse(values(), name, "regularization");
        }
    }

    /** How the initial weights are drawn, layer by layer, from the seed's one MT19937 stream. */
    public enum Init {
        /** W[l] row by row, then b[l], each uniform in [0, 1): the notebook's. */
        UNIFORM("uniform"),
        /** W[l] only, each (2u - 1) sqrt(6 / (fan_in + fan_out)); biases 0. */
        XAVIER("xavier"),
        /** W[l] only, each (2u - 1) sqrt(6 / fan_in); biases 0. */
        HE("he");

        private final String id;

        Init(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Init parse(String name) {
            return TrainingOptions.parse(values(), name, "init");
        }
    }

    /** The samples' order within an epoch. */
    public enum Order {
        /** The data's own order, every epoch (the notebook's). */
        FIXED("fixed"),
        /** A new NumPy legacy {@code permutation(n)} at the start of every epoch, from the stream after the weights. */
        SHUFFLE("shuffle");

        private final String id;

        Order(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Order parse(String name) {
            return TrainingOptions.parse(values(), name, "order");
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(TrainingOptions::id).collect(Collectors.joining(", "));
    }

    private static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E parse(E[] values, String name, String what) {
        String wanted = name == null ? "" : name.trim();
        for (E value : values) {
            if (id(value).equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; allowed: " + names(values));
    }
}
