package org.xorlab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;

/**
 * {@link RunSettings} as JSON, shared by session files (where a bad value refuses the whole file) and the
 * remembered settings (where a bad value falls back to its default and the rest is kept):
 * <pre>{"dataset": "xor", "hidden": 2, "seed": 42, "learning_rate": 0.1, "batch_size": 1,
 *  "stop": {"at": "epochs", "epochs": 10000, "target_loss": 0.01}}</pre>
 * That is version 1 of a session's settings, the notebook's network. The general network's (session version 2, and
 * the remembered settings) has the hidden layers as a list and every option of {@link TrainingOptions} besides:
 * <pre>{"dataset": "xor", "hidden": [4, 4], "seed": 42, "learning_rate": 0.1, "batch_size": 1,
 *  "activation": "tanh", "loss": "mse", "optimizer": "adam", "momentum": 0.9, "rho": 0.9, "beta1": 0.9,
 *  "beta2": 0.999, "epsilon": 1e-8, "regularization": "none", "reg_rate": 0.0, "init": "uniform",
 *  "order": "fixed", "stop": {...}}</pre>
 */
public final class RunSettingsJson {
    private RunSettingsJson() {
    }

    /** The settings with every option ({@code general}), or as version 1 (the notebook's network only). */
    static ObjectNode write(RunSettings s, boolean general) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        TrainingConfig c = s.config();
        if (!general && !c.options().isNotebook()) {
            throw new IllegalArgumentException("version 1 settings hold only the notebook's network");
        }
        node.put("dataset", c.dataset().id());
        if (general) {
            ArrayNode layers = node.putArray("hidden");
            for (int width : c.hiddenLayers()) {
                layers.add(width);
            }
        } else {
            node.put("hidden", c.hidden());
        }
        node.put("seed", c.seed());
        node.put("learning_rate", c.learningRate());
        node.put("batch_size", c.batchSize());
        if (general) {
            putOptions(node, c.options());
            if (!c.options().features().equals(Feature.DEFAULT)) {
                ArrayNode features = node.putArray("features");
                c.options().features().forEach(f -> features.add(f.id()));
            }
        }
        ObjectNode stop = node.putObject("stop");
        stop.put("at", s.stopAtLoss() ? "loss" : "epochs");
        stop.put("epochs", s.stopEpochs());
        stop.put("target_loss", s.targetLoss());
        return node;
    }

    /**
     * Reads settings written by {@link #write}.
     *
     * @param prefix   where the object is, for messages ("settings.")
     * @param problems null to refuse the first bad or missing value with an IllegalArgumentException; otherwise
     *                 each bad value's message goes here and its default is used instead, and a missing option of
     *                 the general network is its default without a word (settings remembered before it existed)
     * @param general  false for version 1: the notebook's network, "hidden" one whole number and the general
     *                 network's fields, if any, not read; true: "hidden" a list of widths (or one whole number) and
     *                 every option
     */
    static RunSettings read(ObjectNode node, String prefix, Consumer<String> problems, boolean general) {
        return read(node, prefix, problems, general, Data.TRUTH_TABLE);
    }

    /**
     * As {@link #read(ObjectNode, String, Consumer, boolean)} for a run on {@code data} (a session's points): the
     * batch size then runs from 1 to the number of training points. The general network's {@code "features"} are
     * optional (x1, x2 when missing, as in files saved before features existed).
     */
    static RunSettings read(ObjectNode node, String prefix, Consumer<String> problems, boolean general, Data data) {
        int points = data.isTruthTable() ? TrainingConfig.MAX_BATCH : data.train().size();
        RunSettings d = RunSettings.DEFAULT;
        TrainingConfig dc = d.config();
        Dataset dataset = field(node, "dataset", prefix, problems, dc.dataset(),
                n -> Dataset.parse(Json.string(n, prefix + "dataset")));
        int[] layers = field(node, "hidden", prefix, problems, dc.hiddenLayers(),
                n -> general && n.isArray() ? hiddenLayers(n, prefix + "hidden") : new int[] {width(n, prefix + "hidden")});
        long seed = field(node, "seed", prefix, problems, dc.seed(), n -> {
            long s = Json.wholeNumber(n, prefix + "seed");
            TrainingConfig.checkSeed(s);
            return s;
        });
        double rate = field(node, "learning_rate", prefix, problems, dc.learningRate(), n -> {
            double r = Json.number(n, prefix + "learning_rate");
            TrainingConfig.checkLearningRate(r);
            return r;
        });
        int batch = field(node, "batch_size", prefix, problems, dc.batchSize(), n -> {
            long k = Json.wholeNumber(n, prefix + "batch_size");
            TrainingConfig.checkBatchSize((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, k)), points);
            return (int) k;
        });
        String stopName = prefix + "stop";
        ObjectNode stop = field(node, "stop", prefix, problems, null, n -> Json.object(n, stopName));
        String p = stopName + ".";
        boolean atLoss = d.stopAtLoss();
        long epochs = d.stopEpochs();
        double target = d.targetLoss();
        if (stop != null) {
            atLoss = field(stop, "at", p, problems, d.stopAtLoss(), n -> {
                String at = Json.string(n, p + "at");
                if (!at.equals("epochs") && !at.equals("loss")) {
                    throw new IllegalArgumentException("\"" + p + "at\" must be \"epochs\" or \"loss\" (got \"" + at + "\")");
                }
                return at.equals("loss");
            });
            epochs = field(stop, "epochs", p, problems, d.stopEpochs(), n -> {
                long e = Json.wholeNumber(n, p + "epochs");
                RunSettings.checkStopEpochs(e);
                return e;
            });
            target = field(stop, "target_loss", p, problems, d.targetLoss(), n -> {
                double t = Json.number(n, p + "target_loss");
                RunSettings.checkTargetLoss(t);
                return t;
            });
        }
        TrainingOptions options = TrainingOptions.NOTEBOOK;
        if (general) {
            List<Feature> features = node.get("features") == null ? Feature.DEFAULT
                    : field(node, "features", prefix, problems, Feature.DEFAULT, f -> features(f, prefix + "features"));
            options = options(node, prefix, problems).withFeatures(features).withData(data);
        }
        TrainingConfig config = new TrainingConfig(dataset, layers[0], seed, rate, batch, options)
                .withHiddenLayers(layers);
        return new RunSettings(config, atLoss, epochs, target);
    }

    /** "features": ["x1", "x2", "x1x2"], 1 to 7 names, each once. */
    public static List<Feature> features(JsonNode n, String name) {
        if (!n.isArray() || n.isEmpty() || n.size() > Feature.values().length) {
            throw new IllegalArgumentException("\"" + name + "\" must be a list of 1 to " + Feature.values().length
                    + " of \"" + String.join("\", \"", Feature.allowedNames().split(", ")) + "\" (got "
                    + Json.text(n) + ")");
        }
        List<Feature> list = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            list.add(Feature.parse(Json.string(n.get(i), name + "[" + i + "]")));
        }
        return Feature.check(list);
    }

    /**
     * The settings as the remembered settings keep them: the points of a run stay in its session, so a run on data
     * is remembered on its truth table, with a batch size of at most 4 and the same features.
     */
    static RunSettings onTruthTable(RunSettings s) {
        TrainingConfig c = s.config();
        if (c.onTruthTable()) {
            return s;
        }
        TrainingConfig table = new TrainingConfig(c.dataset(), c.hidden(), c.seed(), c.learningRate(),
                Math.min(c.batchSize(), TrainingConfig.MAX_BATCH), c.options().withData(Data.TRUTH_TABLE));
        return new RunSettings(table, s.stopAtLoss(), s.stopEpochs(), s.targetLoss());
    }

    /** One layer's width, a whole number from 1 to 8. */
    private static int width(JsonNode n, String name) {
        long h = Json.wholeNumber(n, name);
        TrainingConfig.checkHidden((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, h)));
        return (int) h;
    }

    /** "hidden": [4, 4], one width per hidden layer, input side first. */
    public static int[] hiddenLayers(JsonNode n, String name) {
        if (n.size() < 1 || n.size() > TrainingOptions.MAX_LAYERS) {
            throw new IllegalArgumentException("\"" + name + "\" must list 1 to " + TrainingOptions.MAX_LAYERS
                    + " hidden layers' widths, each a whole number from " + TrainingConfig.MIN_HIDDEN + " to "
                    + TrainingConfig.MAX_HIDDEN + " (got " + n.size() + " widths)");
        }
        int[] widths = new int[n.size()];
        for (int l = 0; l < widths.length; l++) {
            widths[l] = width(n.get(l), name + "[" + l + "]");
        }
        return widths;
    }

    /** Every option of the general network but the deeper layers (which "hidden" gives). */
    public static TrainingOptions options(ObjectNode node, String prefix, Consumer<String> problems) {
        TrainingOptions d = TrainingOptions.NOTEBOOK;
        Activation activation = option(node, "activation", prefix, problems, d.activation(),
                n -> Activation.parse(Json.string(n, prefix + "activation")));
        TrainingOptions.Loss loss = option(node, "loss", prefix, problems, d.loss(),
                n -> TrainingOptions.Loss.parse(Json.string(n, prefix + "loss")));
        TrainingOptions.Optimizer optimizer = option(node, "optimizer", prefix, problems, d.optimizer(),
                n -> TrainingOptions.Optimizer.parse(Json.string(n, prefix + "optimizer")));
        TrainingOptions.Regularization reg = option(node, "regularization", prefix, problems, d.regularization(),
                n -> TrainingOptions.Regularization.parse(Json.string(n, prefix + "regularization")));
        TrainingOptions.Init init = option(node, "init", prefix, problems, d.init(),
                n -> TrainingOptions.Init.parse(Json.string(n, prefix + "init")));
        TrainingOptions.Order order = option(node, "order", prefix, problems, d.order(),
                n -> TrainingOptions.Order.parse(Json.string(n, prefix + "order")));
        // Each number is checked by the options' own rule, on its own, so a bad one names itself.
        double mu = number(node, "momentum", prefix, problems, d.momentum(), v -> d.withHyperParameters(v, d.rho(),
                d.beta1(), d.beta2(), d.epsilon()));
        double rho = number(node, "rho", prefix, problems, d.rho(), v -> d.withHyperParameters(d.momentum(), v,
                d.beta1(), d.beta2(), d.epsilon()));
        double beta1 = number(node, "beta1", prefix, problems, d.beta1(), v -> d.withHyperParameters(d.momentum(),
                d.rho(), v, d.beta2(), d.epsilon()));
        double beta2 = number(node, "beta2", prefix, problems, d.beta2(), v -> d.withHyperParameters(d.momentum(),
                d.rho(), d.beta1(), v, d.epsilon()));
        double epsilon = number(node, "epsilon", prefix, problems, d.epsilon(), v -> d.withHyperParameters(
                d.momentum(), d.rho(), d.beta1(), d.beta2(), v));
        double regRate = number(node, "reg_rate", prefix, problems, d.regRate(),
                v -> d.withRegularization(TrainingOptions.Regularization.L2, v));
        return new TrainingOptions(d.deeperLayers(), activation, loss, optimizer, mu, rho, beta1, beta2, epsilon, reg,
                regRate, init, order);
    }

    /** A number option, checked by {@code check} (which throws naming what is allowed). */
    private static double number(ObjectNode node, String name, String prefix, Consumer<String> problems,
                                 double fallback, java.util.function.DoubleConsumer check) {
        return option(node, name, prefix, problems, fallback, n -> {
            double v = Json.number(n, prefix + name);
            check.accept(v);
            return v;
        });
    }

    /** {@link #field}, except that with {@code problems} a missing value is the default without a problem. */
    private static <T> T option(ObjectNode node, String name, String prefix, Consumer<String> problems, T fallback,
                                Function<JsonNode, T> reader) {
        if (problems != null && node.get(name) == null) {
            return fallback;
        }
        return field(node, name, prefix, problems, fallback, reader);
    }

    private static <T> T field(ObjectNode node, String name, String prefix, Consumer<String> problems, T fallback,
                               Function<JsonNode, T> reader) {
        try {
            return reader.apply(Json.required(node, name, prefix + name));
        } catch (IllegalArgumentException e) {
            if (problems == null) {
                throw e;
            }
            problems.accept(e.getMessage());
            return fallback;
        }
    }

    /**
     * The general network's options by their file names ("activation", "loss", ..., "order"), as session files and
     * {@code xorlab train/compare --json} both write them.
     */
    public static void putOptions(ObjectNode node, TrainingOptions o) {
        node.put("activation", o.activation().id());
        node.put("loss", o.loss().id());
        node.put("optimizer", o.optimizer().id());
        node.put("momentum", o.momentum());
        node.put("rho", o.rho());
        node.put("beta1", o.beta1());
        node.put("beta2", o.beta2());
        node.put("epsilon", o.epsilon());
        node.put("regularization", o.regularization().id());
        node.put("reg_rate", o.regRate());
        node.put("init", o.init().id());
        node.put("order", o.order().id());
    }
}
