package org.xorlab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;

/**
 * {@link RunSettings} as JSON, shared by session files (where a bad value refuses the whole file) and the
 * remembered settings (where a bad value falls back to its default and the rest is kept):
 * <pre>{"dataset": "xor", "hidden": 2, "seed": 42, "learning_rate": 0.1, "batch_size": 1,
 *  "stop": {"at": "epochs", "epochs": 10000, "target_loss": 0.01}}</pre>
 */
final class RunSettingsJson {
    private RunSettingsJson() {
    }

    static ObjectNode write(RunSettings s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        TrainingConfig c = s.config();
        node.put("dataset", c.dataset().id());
        node.put("hidden", c.hidden());
        node.put("seed", c.seed());
        node.put("learning_rate", c.learningRate());
        node.put("batch_size", c.batchSize());
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
     *                 each bad value's message goes here and its default is used instead
     */
    static RunSettings read(ObjectNode node, String prefix, Consumer<String> problems) {
        RunSettings d = RunSettings.DEFAULT;
        TrainingConfig dc = d.config();
        Dataset dataset = field(node, "dataset", prefix, problems, dc.dataset(),
                n -> Dataset.parse(Json.string(n, prefix + "dataset")));
        int hidden = field(node, "hidden", prefix, problems, dc.hidden(), n -> {
            long h = Json.wholeNumber(n, prefix + "hidden");
            TrainingConfig.checkHidden((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, h)));
            return (int) h;
        });
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
            TrainingConfig.checkBatchSize((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, k)));
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
        return new RunSettings(new TrainingConfig(dataset, hidden, seed, rate, batch), atLoss, epochs, target);
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
}
