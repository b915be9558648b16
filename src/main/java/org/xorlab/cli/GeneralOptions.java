package org.xorlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.session.DataCsv;
import org.xorlab.session.DataCsvException;
import org.xorlab.text.NumberText;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

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

    @Option(names = "--data", order = 32, paramLabel = "FILE", converter = Converters.InputFile.class,
            description = "Instead of --dataset: learn the points of a CSV file with the header x1,x2,y (y from 0 to "
                    + "1, 1 to 1000 points), such as 'xorlab data' writes; a fourth column split (train or test) "
                    + "holds the test points out.")
    Path dataFile;

    @Option(names = "--test", order = 33, paramLabel = "FILE", converter = Converters.InputFile.class,
            description = "With --data (without a split column): a CSV file of test points in the same form, "
                    + "never trained on; train and compare write its loss after each epoch to --csv as test_loss "
                    + "(a landscape is the training points' loss).")
    Path testFile;

    @Option(names = "--features", order = 34, paramLabel = "F[,F...]", defaultValue = "x1,x2",
            converter = Converters.Features.class,
            description = "The network's inputs, in this order, each at most once: x1, x2, x1sq, x2sq, x1x2, sin1, "
                    + "sin2 (x1^2, x2^2, x1 x2, sin x1, sin x2; default: ${DEFAULT-VALUE}).")
    Converters.FeatureList features;

    /** The batch size written as the number of training points. */
    static final String FULL = "full";
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    /** The points read from --data and --test, once; null until {@link #data} is first called. */
    private Data loaded;

    /**
     * What the run learns: {@link Data#TRUTH_TABLE} without --data, else the file's points (split by its split
     * column, or with --test's points held out), read once.
     *
     * @throws ParameterException naming the option, the file and (for a bad line) the line and what is wrong
     */
    Data data(CommandLine command) {
        if (loaded != null) {
            return loaded;
        }
        var parsed = command.getParseResult();
        if (dataFile == null) {
            if (testFile != null) {
                throw new ParameterException(command, "--test needs --data: a truth table's four rows have no test"
                        + " set (give the training points with --data FILE)");
            }
            loaded = Data.TRUTH_TABLE;
            return loaded;
        }
        if (parsed.hasMatchedOption("--dataset")) {
            throw new ParameterException(command, "--data and --dataset are alternatives: learn a truth table"
                    + " (--dataset) or the points of a file (--data)");
        }
        DataCsv.Points points = read(command, "--data", dataFile);
        String name = String.valueOf(dataFile.getFileName());
        if (testFile == null) {
            loaded = points.hasSplit() ? Data.split(name, points.points(), points.test())
                    : Data.of(name, points.points());
            return loaded;
        }
        if (points.hasSplit()) {
            throw new ParameterException(command, "--test cannot be used with " + quote(dataFile)
                    + ", which has its own split column: drop --test or the file's split column");
        }
        DataCsv.Points test = read(command, "--test", testFile);
        if (test.hasSplit()) {
            throw new ParameterException(command, "--test " + quote(testFile) + " must have no split column:"
                    + " every point in it is a test point (header x1,x2,y)");
        }
        int total = points.points().size() + test.points().size();
        if (total > Samples.MAX_POINTS) {
            throw new ParameterException(command, "--data and --test hold " + NumberText.count(total)
                    + " points together; a run learns from at most " + NumberText.count(Samples.MAX_POINTS));
        }
        loaded = new Data(name, points.points(), test.points());
        return loaded;
    }

    private static DataCsv.Points read(CommandLine command, String option, Path file) {
        try {
            return DataCsv.read(file);
        } catch (DataCsvException e) {
            throw new ParameterException(command, option + " " + quote(file) + " is refused: " + e.getMessage());
        }
    }

    private static String quote(Path file) {
        return "'" + file + "'";
    }

    /**
     * A batch size as typed: a whole number from 1 to the number of training points n (4 for a truth table), or
     * {@value #FULL} for n (full-batch gradient descent).
     *
     * @throws ParameterException saying so, as a converter's message for {@code option} would
     */
    int batchSize(CommandLine command, String option, String text) {
        Data data = data(command);
        int n = data.isTruthTable() ? Dataset.SIZE : data.train().size();
        if (text.toLowerCase(Locale.ROOT).equals(FULL)) {
            return n;
        }
        if (WHOLE.matcher(text).matches()) {
            int k = Integer.parseInt(text);
            if (k >= TrainingConfig.MIN_BATCH && k <= n) {
                return k;
            }
        }
        String allowed = data.isTruthTable() ? "a whole number from 1 to 4"
                : "a whole number from 1 to " + n + " (the training points) or " + FULL;
        TypeConversionException why = new TypeConversionException("must be " + allowed + " (got '" + text + "')");
        throw new ParameterException(command, why.getMessage(), why, command.getCommandSpec().findOption(option),
                text);
    }

    /** The options as the engine takes them; {@link TrainingOptions#NOTEBOOK} with no new flag. */
    TrainingOptions options(CommandLine command) {
        int[] hidden = hiddenLayers.values();
        List<Integer> deeper = new ArrayList<>();
        for (int l = 1; l < hidden.length; l++) {
            deeper.add(hidden[l]);
        }
        return new TrainingOptions(deeper, activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
                regularization, regRate, init, order, features.values(), data(command));
    }

    /** These settings with the given batch size (already checked by {@link #batchSize}). */
    TrainingConfig config(CommandLine command, int batchSize) {
        int[] hidden = hiddenLayers.values();
        return new TrainingConfig(dataset, hidden[0], seed, learningRate, batchSize, options(command));
    }

    /** True when the run learns the points of a file rather than a truth table (after {@link #data}). */
    boolean onData() {
        return loaded != null && !loaded.isTruthTable();
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
        String what = onData() ? describeData(loaded) : dataset.id();
        StringBuilder s = new StringBuilder(what + ", " + units + ", seed " + seed
                + (rate ? ", learning rate " + number(learningRate) : ""));
        if (!features.values().equals(Feature.DEFAULT)) {
            s.append(", features ").append(Feature.ids(features.values()));
        }
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

    /**
     * As {@link #describe(boolean)} for the settings of {@code c} without its seed, rate and optimiser (a
     * study's, whose grid gives those; read back from a file, there are no options to ask): "xor, 2 hidden units,
     * tanh".
     */
    static String describeShared(TrainingConfig c) {
        int[] hidden = c.hiddenLayers();
        String units = hidden.length == 1
                ? hidden[0] + (hidden[0] == 1 ? " hidden unit" : " hidden units")
                : "hidden " + Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(","));
        TrainingOptions o = c.options();
        StringBuilder s = new StringBuilder((c.onTruthTable() ? c.dataset().id() : describeData(o.data())) + ", "
                + units);
        if (!o.features().equals(Feature.DEFAULT)) {
            s.append(", features ").append(Feature.ids(o.features()));
        }
        if (o.activation() != D.activation()) {
            s.append(", ").append(o.activation().id());
        }
        if (o.loss() != D.loss()) {
            s.append(", ").append(o.loss().id());
        }
        appendIfChanged(s, "momentum", o.momentum(), D.momentum());
        appendIfChanged(s, "rho", o.rho(), D.rho());
        appendIfChanged(s, "beta1", o.beta1(), D.beta1());
        appendIfChanged(s, "beta2", o.beta2(), D.beta2());
        appendIfChanged(s, "epsilon", o.epsilon(), D.epsilon());
        if (o.regularization() != D.regularization()) {
            s.append(", ").append(o.regularization().id()).append(" rate ").append(number(o.regRate()));
        } else {
            appendIfChanged(s, "regularization rate", o.regRate(), D.regRate());
        }
        if (o.init() != D.init()) {
            s.append(", ").append(o.init().id()).append(" init");
        }
        if (o.order() != D.order()) {
            s.append(", ").append(o.order().id()).append(" order");
        }
        return s.toString();
    }

    /** "points.csv (160 training and 40 test points)", "points.csv (200 points)". */
    static String describeData(Data data) {
        int n = data.train().size();
        return data.name() + " (" + (data.hasTest()
                ? NumberText.count(n) + " training and " + NumberText.count(data.test().size()) + " test points"
                : NumberText.count(n) + (n == 1 ? " point" : " points")) + ")";
    }

    private static void appendIfChanged(StringBuilder s, String name, double value, double notebook) {
        if (Double.compare(value, notebook) != 0) {
            s.append(", ").append(name).append(' ').append(number(value));
        }
    }
}
