package org.xorlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Divergence;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Verdict;
import org.xorlab.engine.Weights;
import org.xorlab.session.RunSettingsJson;
import org.xorlab.session.WeightsJson;

/** The JSON documents the commands write, built as Jackson trees. */
final class JsonReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    /**
     * A training run in the shape of the NumPy reference files: {@code config}, {@code initial} and {@code final}
     * weights as nested arrays in the notebook's shapes, and {@code predictions} for the four inputs; plus
     * {@code divergence} if the run stopped early. With any option beyond the notebook's, {@code config} also holds
     * {@code hidden_layers} and every option (activation, loss, optimizer, momentum, rho, beta1, beta2, epsilon,
     * regularization, reg_rate, init, order), and the weights go on as W3, b3, ... for deeper networks. On the points
     * of a file, {@code config} has {@code data} (name, points, test_points) instead of {@code dataset}, and
     * {@code predictions} and {@code test_predictions} are the outputs for those points; with data or features
     * beyond the notebook's, {@code config} lists the {@code features} and {@code accuracy} gives the final
     * weights' accuracy at threshold 0.5 on the {@code train} and {@code test} points (null for none).
     */
    static ObjectNode train(TrainingConfig config, long epochs, Weights initial, Weights last, Divergence divergence) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode c = root.putObject("config");
        c.put("seed", config.seed());
        c.put("lr", config.learningRate());
        c.put("epochs", epochs);
        c.put("batch_size", config.batchSize());
        c.put("hidden", config.hidden());
        putData(c, config);
        TrainingOptions o = config.options();
        if (!o.isNotebook()) {
            putOptions(c, config);
        }
        root.set("initial", WeightsJson.toJson(initial));
        root.set("final", WeightsJson.toJson(last));
        if (config.onTruthTable()) {
            ArrayNode predictions = root.putArray("predictions");
            for (int i = 0; i < Dataset.SIZE; i++) {
                predictions.add(last.predict(o, Dataset.x0(i), Dataset.x1(i)));
            }
        } else {
            putPredictions(root.putArray("predictions"), last, config.samples(), o);
            putPredictions(root.putArray("test_predictions"), last, config.testSamples(), o);
        }
        if (!isNotebookData(config)) {
            putAccuracy(root, config, last);
        }
        if (divergence != null) {
            ObjectNode d = root.putObject("divergence");
            d.put("epoch", divergence.epoch());
            d.put("update", divergence.update());
            d.put("message", divergence.message());
        }
        return root;
    }

    /** True for a truth table seen through x1 and x2: the reports then stay exactly as they always were. */
    private static boolean isNotebookData(TrainingConfig config) {
        return config.onTruthTable() && config.options().features().equals(Feature.DEFAULT);
    }

    /**
     * What the run learns: {@code "dataset": "xor"} for a truth table, or {@code "data": {"name", "points",
     * "test_points"}} for the points of a file; then {@code "features"} unless they are x1, x2 on a truth table.
     */
    private static void putData(ObjectNode node, TrainingConfig config) {
        if (config.onTruthTable()) {
            node.put("dataset", config.dataset().id());
        } else {
            ObjectNode d = node.putObject("data");
            d.put("name", config.dataName());
            d.put("points", config.samples().size());
            d.put("test_points", config.testSamples().size());
        }
        if (!isNotebookData(config)) {
            ArrayNode f = node.putArray("features");
            config.options().features().forEach(feature -> f.add(feature.id()));
        }
    }

    /** The network's output for every point, in order. */
    private static void putPredictions(ArrayNode into, Weights w, Samples points, TrainingOptions o) {
        for (int i = 0; i < points.size(); i++) {
            into.add(w.predict(o, points.x1(i), points.x2(i)));
        }
    }

    /** {@code "accuracy": {"train": 0.975, "test": 0.925}} at threshold 0.5; test is null with no test points. */
    private static void putAccuracy(ObjectNode node, TrainingConfig config, Weights w) {
        ObjectNode a = node.putObject("accuracy");
        putFinite(a, "train", w.accuracy(config.samples(), config.options()));
        putFinite(a, "test", w.accuracy(config.testSamples(), config.options()));
    }

    private static void putFinite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /**
     * Every option of the general network: {@code hidden_layers}, activation, loss, optimizer, momentum, rho, beta1,
     * beta2, epsilon, regularization, reg_rate, init and order.
     */
    private static void putOptions(ObjectNode node, TrainingConfig config) {
        ArrayNode layers = node.putArray("hidden_layers");
        for (int width : config.hiddenLayers()) {
            layers.add(width);
        }
        RunSettingsJson.putOptions(node, config.options());
    }

    /**
     * A comparison, everything a script needs: {@code config} (dataset, hidden, seed, target_loss and the
     * {@code budget} as measure and amount); per run {@code name}, {@code batch_size}, {@code learning_rate},
     * {@code epochs}, {@code updates} and {@code samples} (what it ran), {@code epochs_to_target},
     * {@code updates_to_target} and {@code samples_to_target} (null if never reached), {@code final_loss} (null if
     * no epoch completed), {@code seconds} of training (machine-dependent) and, if it diverged,
     * {@code diverged_at_epoch}; and the {@code verdict}: per measure a run's name, "tie", "undecided" or "none",
     * and the {@code sentence}. When any run has an option beyond the notebook's (an optimiser race, a deeper
     * network, ...), every run also has every option after {@code learning_rate}, as {@code train}'s config has
     * them: {@code hidden_layers}, {@code activation}, {@code loss}, {@code optimizer}, ..., {@code order}. With
     * data or features beyond the notebook's, {@code config} has them as {@code train}'s has, and every run its
     * final {@code accuracy} on the training and test points.
     */
    static ObjectNode compare(ComparisonResult result, long[] trainingNanos, java.util.List<Weights> finals) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode config = root.putObject("config");
        TrainingConfig first = result.runs().get(0).config();
        putData(config, first);
        config.put("hidden", first.hidden());
        config.put("seed", first.seed());
        config.put("target_loss", result.targetLoss());
        ObjectNode budget = config.putObject("budget");
        budget.put("measure", result.budget().measure().id());
        budget.put("amount", result.budget().amount());
        boolean general = result.runs().stream().anyMatch(r -> !r.config().options().isNotebook());
        ArrayNode runs = root.putArray("runs");
        for (int i = 0; i < result.runs().size(); i++) {
            ComparisonResult.RunSummary r = result.runs().get(i);
            ObjectNode run = runs.addObject();
            run.put("name", r.name());
            run.put("batch_size", r.batchSize());
            run.put("learning_rate", r.config().learningRate());
            if (general) {
                putOptions(run, r.config());
            }
            for (Measure m : Measure.values()) {
                run.put(m.id(), r.ran(m));
            }
            for (Measure m : Measure.values()) {
                if (r.toTarget(m).isPresent()) {
                    run.put(m.id() + "_to_target", r.toTarget(m).getAsLong());
                } else {
                    run.putNull(m.id() + "_to_target");
                }
            }
            if (Double.isFinite(r.finalLoss())) {
                run.put("final_loss", r.finalLoss());
            } else {
                run.putNull("final_loss");
            }
            run.put("seconds", trainingNanos[i] / 1e9);
            if (!isNotebookData(r.config())) {
                putAccuracy(run, r.config(), finals.get(i));
            }
            if (r.diverged()) {
                run.put("diverged_at_epoch", r.divergence().epoch());
            }
        }
        Verdict verdict = result.verdict();
        ObjectNode v = root.putObject("verdict");
        for (Measure m : Measure.values()) {
            v.put(m.id(), verdict.on(m).json());
        }
        v.put("sentence", verdict.sentence());
        return root;
    }

    /** Pretty-printed text with a final newline. */
    static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of numbers and strings always serialises", e);
        }
    }
}
