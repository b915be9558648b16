package org.xorlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Divergence;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.session.WeightsJson;

/** The JSON documents the commands write, built as Jackson trees. */
final class JsonReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    /**
     * A training run in the shape of the NumPy reference files: {@code config}, {@code initial} and {@code final}
     * weights as nested arrays in the notebook's shapes, and {@code predictions} for the four inputs; plus
     * {@code divergence} if the run stopped early.
     */
    static ObjectNode train(TrainingConfig config, long epochs, Weights initial, Weights last, Divergence divergence) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode c = root.putObject("config");
        c.put("seed", config.seed());
        c.put("lr", config.learningRate());
        c.put("epochs", epochs);
        c.put("batch_size", config.batchSize());
        c.put("hidden", config.hidden());
        c.put("dataset", config.dataset().id());
        root.set("initial", WeightsJson.toJson(initial));
        root.set("final", WeightsJson.toJson(last));
        ArrayNode predictions = root.putArray("predictions");
        for (int i = 0; i < Dataset.SIZE; i++) {
            predictions.add(last.predict(Dataset.x0(i), Dataset.x1(i)));
        }
        if (divergence != null) {
            ObjectNode d = root.putObject("divergence");
            d.put("epoch", divergence.epoch());
            d.put("update", divergence.update());
            d.put("message", divergence.message());
        }
        return root;
    }

    /**
     * A comparison: {@code target_loss} and per run {@code name}, {@code batch_size}, {@code epochs_to_target}
     * and {@code updates_to_target} (null if never reached) and {@code final_loss} (null if no epoch completed);
     * plus {@code diverged_at_epoch} for a run that diverged.
     */
    static ObjectNode compare(ComparisonResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target_loss", result.targetLoss());
        ArrayNode runs = root.putArray("runs");
        for (ComparisonResult.RunSummary r : result.runs()) {
            ObjectNode run = runs.addObject();
            run.put("name", r.name());
            run.put("batch_size", r.batchSize());
            if (r.reachedTarget()) {
                run.put("epochs_to_target", r.epochsToTarget().getAsLong());
                run.put("updates_to_target", r.updatesToTarget().getAsLong());
            } else {
                run.putNull("epochs_to_target");
                run.putNull("updates_to_target");
            }
            if (Double.isFinite(r.finalLoss())) {
                run.put("final_loss", r.finalLoss());
            } else {
                run.putNull("final_loss");
            }
            if (r.diverged()) {
                run.put("diverged_at_epoch", r.divergence().epoch());
            }
        }
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
