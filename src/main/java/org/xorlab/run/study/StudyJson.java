package org.xorlab.run.study;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.session.JsonInput;
import org.xorlab.session.RunSettingsJson;
import org.xorlab.text.NumberText;

/**
 * A study as the JSON file {@code xorlab study --json} writes and {@code xorlab study --merge} reads back, both here so
 * that a file written always reads back:
 * <pre>{
 *   "config": {"dataset": "xor", "hidden": 2, "hidden_layers": [2], "activation": "sigmoid", ..., "order": "fixed",
 *              "seeds": [1, 2, ...], "learning_rates": [0.1, 0.3], "batch_sizes": [1, 4], "optimizers": ["sgd"],
 *              "target_loss": 0.01, "budget": {"measure": "epochs", "amount": 5000}, "measure": "epochs"},
 *   "runs": [{"seed": 1, "learning_rate": 0.1, "batch_size": 1, "optimizer": "sgd", "epochs": 1520,
 *             "updates": 6080, "samples": 6080, "epochs_to_target": 1520, "updates_to_target": 6080,
 *             "samples_to_target": 6080, "final_loss": 0.00999..., "diverged": false}, ...],
 *   "summary": {"measure", "done", "total", "cancelled", "configurations", "best", "pairs", "verdict"}
 * }</pre>
 * The config has the keys {@code xorlab compare --json} gives a run's settings (on the points of a file,
 * {@code "data"} also holds the points themselves, as a session file does, so that the study can be merged), less
 * the seed, rate, batch size and optimiser, which the grid's lists give. Runs are in the grid's order; the
 * {@code _to_target} counts and {@code final_loss} are null when there are none. The summary is what
 * {@link StudySummary} computed, for scripts; reading ignores it and computes it again.
 *
 * <p>Reading is as careful as a session file's ({@link JsonInput}): a regular file of at most {@link #MAX_BYTES}, UTF-8, parsed as
 * a stream with limits on every value, each run checked as it is read; anything else is refused with a
 * {@link StudyFileException} naming what is wrong.
 */
public final class StudyJson {
    /** The largest study file read: a study of 1,000,000 runs is about 360 MB as written here. */
    public static final long MAX_BYTES = 512L << 20;
    /** The most seeds a study file may list. */
    public static final int MAX_SEEDS = 1_000_000;
    /** The most values the config may hold: its seeds, a file's points and the rest. */
    private static final int MAX_CONFIG_VALUES = MAX_SEEDS + JsonInput.DATA_VALUES + 1_000;
    private static final String WHAT = "a study file";
    /** The most values one run may hold: its fields, with room for a few unknown ones. */
    private static final int RUN_VALUES = 100;
    private static final String WHY = "a study of 1,000,000 runs is about 360 MB";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyJson() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the whole document to {@code out}, which it leaves open: the config, the runs in the grid's order and the
     * summary on {@code measure}, pretty-printed with a final newline. The runs are streamed one by one, so a study of
     * millions of runs is never held as one tree.
     */
    public static void write(StudyResult result, Measure measure, Writer out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("config");
            g.writeTree(config(result.grid(), measure));
            g.writeFieldName("runs");
            g.writeStartArray();
            for (long i = 0; i < result.total(); i++) {
                StudyRun r = result.run(i);
                if (r != null) {
                    g.writeTree(run(r));
                }
            }
            g.writeEndArray();
            g.writeFieldName("summary");
            g.writeTree(summary(StudySummary.of(result, measure), result.grid()));
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** {@link #write(StudyResult, Measure, Writer)} as text. */
    public static String text(StudyResult result, Measure measure) {
        StringWriter out = new StringWriter();
        try {
            write(result, measure, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static ObjectNode config(StudyGrid grid, Measure measure) {
        ObjectNode c = MAPPER.createObjectNode();
        TrainingConfig base = grid.base();
        if (base.onTruthTable()) {
            c.put("dataset", base.dataset().id());
        } else {
            ObjectNode d = JsonInput.data(base.options().data());
            d.put("points", base.samples().size());
            d.put("test_points", base.testSamples().size());
            c.set("data", d);
        }
        ArrayNode features = c.putArray("features");
        base.options().features().forEach(f -> features.add(f.id()));
        c.put("hidden", base.hidden());
        ArrayNode layers = c.putArray("hidden_layers");
        for (int width : base.hiddenLayers()) {
            layers.add(width);
        }
        RunSettingsJson.putOptions(c, base.options());
        c.remove("optimizer"); // the grid's "optimizers" say which
        ArrayNode seeds = c.putArray("seeds");
        grid.seeds().forEach(seeds::add);
        ArrayNode rates = c.putArray("learning_rates");
        grid.learningRates().forEach(rates::add);
        ArrayNode sizes = c.putArray("batch_sizes");
        grid.batchSizes().forEach(sizes::add);
        ArrayNode optimizers = c.putArray("optimizers");
        grid.optimizers().forEach(o -> optimizers.add(o.id()));
        c.put("target_loss", grid.targetLoss());
        ObjectNode budget = c.putObject("budget");
        budget.put("measure", grid.budget().measure().id());
        budget.put("amount", grid.budget().amount());
        c.put("measure", measure.id());
        return c;
    }

    private static ObjectNode run(StudyRun r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("seed", r.seed());
        n.put("learning_rate", r.learningRate());
        n.put("batch_size", r.batchSize());
        n.put("optimizer", r.optimizer().id());
        n.put("epochs", r.epochs());
        n.put("updates", r.updates());
        n.put("samples", r.samples());
        for (Measure m : Measure.values()) {
            if (r.reachedTarget()) {
                n.put(m.id() + "_to_target", r.toTarget(m).getAsLong());
            } else {
                n.putNull(m.id() + "_to_target");
            }
        }
        putNumber(n, "final_loss", r.finalLoss());
        n.put("diverged", r.diverged());
        return n;
    }

    /** The summary for scripts: every number of {@link StudySummary}, null for "not reached" and for none. */
    public static ObjectNode summary(StudySummary s, StudyGrid grid) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("measure", s.measure().id());
        n.put("done", s.done());
        n.put("total", s.total());
        n.put("cancelled", s.cancelled());
        ArrayNode configurations = n.putArray("configurations");
        for (StudySummary.Configuration c : s.configurations()) {
            ObjectNode o = configurations.addObject();
            o.put("method", c.method().name());
            o.put("optimizer", c.method().optimizer().id());
            o.put("batch_size", c.method().batchSize());
            o.put("learning_rate", c.learningRate());
            o.put("runs", c.runs());
            o.put("converged", c.converged());
            o.put("diverged", c.diverged());
            for (Measure m : Measure.values()) {
                ObjectNode q = o.putObject(m.id());
                putNumber(q, "q1", c.on(m).q1());
                putNumber(q, "median", c.on(m).median());
                putNumber(q, "q3", c.on(m).q3());
            }
        }
        ObjectNode best = n.putObject("best");
        for (Map.Entry<StudyMethod, Double> e : s.best().entrySet()) {
            best.put(e.getKey().name(), e.getValue());
        }
        ArrayNode pairs = n.putArray("pairs");
        for (StudySummary.PairedComparison p : s.pairs()) {
            ObjectNode o = pairs.addObject();
            o.put("a", p.first().name());
            o.put("b", p.second().name());
            o.put("rate_a", p.firstRate());
            o.put("rate_b", p.secondRate());
            o.put("seeds", p.seeds());
            o.put("wins_a", p.firstWins());
            o.put("wins_b", p.secondWins());
            o.put("ties", p.ties());
            o.put("undecided", p.undecided());
            o.put("neither", p.neither());
            o.put("both", p.both());
            putNumber(o, "median_ratio", p.medianRatio());
            o.put("tested", p.tested());
            putNumber(o, "w_plus", p.wPlus());
            putNumber(o, "p_value", p.pValue());
            putNumber(o, "sign_p_value", p.signP());
        }
        n.put("verdict", s.verdict(grid));
        return n;
    }

    /** A finite number, or null (not reached, none, or no epoch trained). */
    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a study file written by {@link #write}: its grid and runs (the summary is computed again from them).
     * Only a regular file of at most {@link #MAX_BYTES} is opened at all (a FIFO is refused before it could block).
     *
     * @throws StudyFileException naming what is wrong: no such file, not a regular file, too large, not UTF-8 or not
     *                            JSON, truncated, not a study, a value missing, of the wrong kind or out of range, or
     *                            runs that are not the grid's
     */
    public static StudyResult read(Path file) throws StudyFileException {
        Parts parts = new Parts();
        try {
            JsonInput.readObject(file, WHAT, MAX_BYTES, WHY, NOT_A_STUDY + " (a study is a JSON object {...})",
                    parts::field);
            if (parts.config == null) {
                throw new IllegalArgumentException(NOT_A_STUDY + " (it has no \"config\")");
            }
            StudyGrid grid = grid(JsonInput.object(parts.config, "config"));
            if (parts.runProblem != null) {
                throw new IllegalArgumentException(parts.runProblem);
            }
            if (parts.runs == null) {
                throw new IllegalArgumentException("\"runs\" is missing");
            }
            return StudyResult.of(grid, parts.runs, parts.runs.size() < grid.size());
        } catch (JsonInput.Refused | IllegalArgumentException e) {
            throw new StudyFileException(e.getMessage());
        }
    }

    /** What the file's fields hold, as they are read. */
    private static final class Parts {
        JsonNode config;
        List<StudyRun> runs;
        /** The first run refused (reported after the config's problems, which come first). */
        String runProblem;
        boolean summarySeen;

        void field(String name, JsonParser p) throws IOException {
            switch (name) {
                case "config" -> {
                    if (config != null) {
                        throw new IllegalArgumentException(JsonInput.givenTwice(name, p));
                    }
                    config = JsonInput.value(p, name, MAX_CONFIG_VALUES, "more than "
                            + NumberText.count(MAX_SEEDS) + " seeds and the points of a file hold");
                }
                case "runs" -> {
                    if (runs != null) {
                        throw new IllegalArgumentException(JsonInput.givenTwice(name, p));
                    }
                    runs = new ArrayList<>();
                    runProblem = readRuns(p, runs);
                }
                case "summary" -> {
                    if (summarySeen) {
                        throw new IllegalArgumentException(JsonInput.givenTwice(name, p));
                    }
                    summarySeen = true;
                    p.skipChildren(); // computed again from the runs
                }
                default -> p.skipChildren(); // unknown: skipped token by token, nothing kept
            }
        }
    }

    private static final String NOT_A_STUDY = "it is not a study written by 'xorlab study --json'";

    /** Reads the list of runs into {@code into}, each checked on its own; returns the first problem, or null. */
    private static String readRuns(JsonParser p, List<StudyRun> into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return "\"runs\" must be a list [...] of runs";
        }
        String problem = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "inside runs");
            }
            String name = "runs[" + into.size() + "]";
            if (problem != null) {
                p.skipChildren();
                continue;
            }
            if (into.size() == StudyGrid.MAX_RUNS) {
                problem = "\"runs\" holds more than " + NumberText.count(StudyGrid.MAX_RUNS) + " runs, the most a study"
                        + " has";
                p.skipChildren();
                continue;
            }
            try {
                into.add(run(JsonInput.value(p, name, RUN_VALUES, "far more than a run's 12 fields"), name));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        return problem;
    }

    private static StudyRun run(JsonNode node, String name) {
        ObjectNode o = JsonInput.object(node, name);
        String n = name + ".";
        long seed = JsonInput.wholeNumber(JsonInput.required(o, "seed", n + "seed"), n + "seed");
        if (seed < 0 || seed > TrainingConfig.MAX_SEED) {
            throw new IllegalArgumentException("\"" + n + "seed\" must be a whole number from 0 to "
                    + TrainingConfig.MAX_SEED + " (got " + seed + ")");
        }
        double rate = JsonInput.number(JsonInput.required(o, "learning_rate", n + "learning_rate"), n + "learning_rate");
        long batch = JsonInput.wholeNumber(JsonInput.required(o, "batch_size", n + "batch_size"), n + "batch_size");
        if (batch < 1 || batch > org.xorlab.engine.Samples.MAX_POINTS) {
            throw new IllegalArgumentException("\"" + n + "batch_size\" must be a whole number from 1 to "
                    + org.xorlab.engine.Samples.MAX_POINTS + " (got " + batch + ")");
        }
        TrainingOptions.Optimizer optimizer = optimizer(JsonInput.required(o, "optimizer", n + "optimizer"),
                n + "optimizer");
        long epochs = count(o, "epochs", n);
        long updates = count(o, "updates", n);
        long samples = count(o, "samples", n);
        JsonNode e = o.get("epochs_to_target");
        boolean reached = e != null && !e.isNull();
        long[] toTarget = new long[3];
        Measure[] measures = Measure.values();
        for (int i = 0; i < measures.length; i++) {
            String field = measures[i].id() + "_to_target";
            JsonNode v = o.get(field);
            if (!o.has(field)) {
                throw new IllegalArgumentException("\"" + n + field + "\" is missing (null if it was not reached)");
            }
            if (v.isNull() == reached) {
                throw new IllegalArgumentException("\"" + n + field + "\" must be " + (reached
                        ? "a whole number, as epochs_to_target is" : "null, as epochs_to_target is"));
            }
            if (reached) {
                toTarget[i] = count(o, field, n);
                long ran = measures[i].of(epochs, updates, samples);
                if (toTarget[i] < 1 || toTarget[i] > ran) {
                    throw new IllegalArgumentException("\"" + n + field + "\" must be from 1 to the run's "
                            + measures[i].id() + " (" + ran + "; got " + toTarget[i] + ")");
                }
            }
        }
        JsonNode loss = o.get("final_loss");
        if (loss == null) {
            throw new IllegalArgumentException("\"" + n + "final_loss\" is missing (null if no epoch was trained)");
        }
        double finalLoss = loss.isNull() ? Double.NaN : JsonInput.number(loss, n + "final_loss");
        JsonNode diverged = JsonInput.required(o, "diverged", n + "diverged");
        if (!diverged.isBoolean()) {
            throw new IllegalArgumentException("\"" + n + "diverged\" must be true or false (got "
                    + JsonInput.text(diverged) + ")");
        }
        return new StudyRun(seed, rate, (int) batch, optimizer, epochs, updates, samples, toTarget[0], toTarget[1],
                toTarget[2], finalLoss, diverged.booleanValue());
    }

    /** A whole number from 0 up. */
    private static long count(ObjectNode o, String field, String prefix) {
        long v = JsonInput.wholeNumber(JsonInput.required(o, field, prefix + field), prefix + field);
        if (v < 0) {
            throw new IllegalArgumentException("\"" + prefix + field + "\" must be a whole number from 0 up (got " + v
                    + ")");
        }
        return v;
    }

    private static TrainingOptions.Optimizer optimizer(JsonNode node, String name) {
        String id = JsonInput.string(node, name);
        try {
            return TrainingOptions.Optimizer.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" must be one of " + optimizerNames() + " (got "
                    + JsonInput.text(node) + ")");
        }
    }

    private static String optimizerNames() {
        List<String> names = new ArrayList<>();
        for (TrainingOptions.Optimizer o : TrainingOptions.Optimizer.values()) {
            names.add(o.id());
        }
        return String.join(", ", names);
    }

    private static StudyGrid grid(ObjectNode c) {
        if (c.get("seeds") == null) {
            throw new IllegalArgumentException(NOT_A_STUDY + " (its \"config\" has no \"seeds\")");
        }
        Data data = c.get("data") == null ? Data.TRUTH_TABLE : JsonInput.data(c.get("data"), "config.data");
        Dataset dataset = Dataset.XOR;
        if (data.isTruthTable()) {
            String id = JsonInput.string(JsonInput.required(c, "dataset", "config.dataset"), "config.dataset");
            try {
                dataset = Dataset.parse(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"config.dataset\" must be one of " + Dataset.allowedNames()
                        + " (got " + JsonInput.text(c.get("dataset")) + ")");
            }
        }
        int[] layers = RunSettingsJson.hiddenLayers(list(c, "hidden_layers"), "config.hidden_layers");
        List<Feature> features = RunSettingsJson.features(JsonInput.required(c, "features", "config.features"),
                "config.features");
        ObjectNode options = c.deepCopy();
        options.put("optimizer", TrainingOptions.NOTEBOOK.optimizer().id());
        TrainingOptions o = RunSettingsJson.options(options, "config.", null).withFeatures(features).withData(data);
        TrainingConfig base;
        try {
            base = new TrainingConfig(dataset, layers[0], 0, 1, 1, o).withHiddenLayers(layers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"config\": " + e.getMessage());
        }
        List<Long> seeds = new ArrayList<>();
        JsonNode s = list(c, "seeds");
        for (int i = 0; i < s.size(); i++) {
            String name = "config.seeds[" + i + "]";
            long seed = JsonInput.wholeNumber(s.get(i), name);
            if (seed < 0 || seed > TrainingConfig.MAX_SEED) {
                throw new IllegalArgumentException("\"" + name + "\" must be a whole number from 0 to "
                        + TrainingConfig.MAX_SEED + " (got " + seed + ")");
            }
            seeds.add(seed);
        }
        List<Double> rates = new ArrayList<>();
        JsonNode r = list(c, "learning_rates");
        for (int i = 0; i < r.size(); i++) {
            rates.add(JsonInput.number(r.get(i), "config.learning_rates[" + i + "]"));
        }
        List<Integer> sizes = new ArrayList<>();
        JsonNode b = list(c, "batch_sizes");
        for (int i = 0; i < b.size(); i++) {
            long k = JsonInput.wholeNumber(b.get(i), "config.batch_sizes[" + i + "]");
            sizes.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, k)));
        }
        List<TrainingOptions.Optimizer> optimizers = new ArrayList<>();
        JsonNode op = list(c, "optimizers");
        for (int i = 0; i < op.size(); i++) {
            optimizers.add(optimizer(op.get(i), "config.optimizers[" + i + "]"));
        }
        double target = JsonInput.number(JsonInput.required(c, "target_loss", "config.target_loss"), "config.target_loss");
        ObjectNode budget = JsonInput.object(c.get("budget"), "config.budget");
        String measureId = JsonInput.string(JsonInput.required(budget, "measure", "config.budget.measure"),
                "config.budget.measure");
        Measure measure = Measure.parse(measureId);
        if (measure == null) {
            throw new IllegalArgumentException("\"config.budget.measure\" must be \"epochs\", \"updates\" or"
                    + " \"samples\" (got \"" + measureId + "\")");
        }
        long amount = JsonInput.wholeNumber(JsonInput.required(budget, "amount", "config.budget.amount"),
                "config.budget.amount");
        try {
            return new StudyGrid(base, seeds, rates, sizes, optimizers, target, new Budget(measure, amount));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"config\": " + e.getMessage());
        }
    }

    private static JsonNode list(ObjectNode c, String field) {
        JsonNode n = JsonInput.required(c, field, "config." + field);
        if (!n.isArray()) {
            throw new IllegalArgumentException("\"config." + field + "\" must be a list [...] (got " + JsonInput.text(n)
                    + ")");
        }
        return n;
    }
}
