package org.xorlab.session;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.xorlab.engine.Data;
import org.xorlab.engine.OptimizerState;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * A saved run as a JSON file. Version 1, the notebook's network:
 * <pre>{
 *   "format": "xorlab-session", "version": 1,
 *   "settings": {"dataset": "xor", "hidden": 2, "seed": 42, "learning_rate": 0.1, "batch_size": 1,
 *                "stop": {"at": "epochs", "epochs": 10000, "target_loss": 0.01}},
 *   "epoch": 100, "updates": 400,
 *   "initial": {"W1": [[..], [..]], "b1": [[..], [..]], "W2": [[.., ..]], "b2": [[..]]},
 *   "current": {...the same shapes...},
 *   "loss_history": [0.3239537158130419, ...]
 * }</pre>
 * Version 2, the general network (SPEC.md, "Beyond the notebook"), has the same fields, the settings with every
 * option (see {@link RunSettingsJson}: "hidden" is a list of widths), W1, b1, ..., W[L+1], b[L+1] in "initial" and
 * "current", and for an optimiser with state that state in the weights' shapes: {@code "optimizer_first"}
 * (momentum's and nesterov's velocity, adam's first moment) and {@code "optimizer_second"} (rmsprop's and adam's
 * average of squared gradients), each only when the optimiser keeps it. A run of the notebook's network is saved as
 * version 1, which every XOR Lab opens; any other as version 2.
 * A version 2 run on points of its own (not a truth table) also has {@code "features"} in its settings (the input
 * features in order, {@code ["x1", "x2"]} when missing) and a top-level {@code "data"}: {@code {"name": "spiral (300
 * points, noise 0, seed 1)", "train": {"x1": [..], "x2": [..], "y": [..]}, "test": {...the same...}}}, every point
 * checked as {@code Samples} checks it (finite, at most 1e6 in size, y from 0 to 1, at most 1,000 in all, at least one
 * to train on); the batch size is then checked against the training points and W1 against the features. Version 1
 * ignores both.
 * Weights are nested arrays in the notebook's shapes, as the command line's JSON output writes them. Numbers are
 * written in full precision, so a run reopened from a file continues with exactly the numbers it would have had.
 *
 * <p>Reading never trusts the file: anything that is not a regular file, larger than {@link #MAX_BYTES}, not UTF-8,
 * malformed, truncated, of another format or version, out of range or inconsistent is refused with a
 * {@link SessionFileException} whose message names the problem. The file is parsed as a stream: unknown fields are
 * skipped without being kept, each known field other than the loss history is small, and the loss history is read
 * straight into an array of at most {@link Session#MAX_EPOCHS} losses.
 */
public final class SessionFile {
    public static final String FORMAT = "xorlab-session";
    /** The newest version written and read. */
    public static final int VERSION = 2;
    /** The version of the notebook's network, still written for it (older XOR Lab opens it). */
    public static final int NOTEBOOK_VERSION = 1;
    private static final String FIRST = "optimizer_first";
    private static final String SECOND = "optimizer_second";
    /** The file name extension the window offers. */
    public static final String EXTENSION = "xorlab.json";

    private static final String HISTORY = "loss_history";
    /** The timeline's bookmarks, [{"epoch": 552, "note": "the plateau ends"}, ...]; absent when there are none. */
    private static final String BOOKMARKS = "bookmarks";
    /** A version 2 session's own points (absent for a truth table). */
    private static final String DATA = "data";

    private SessionFile() {
    }

    /** Writes {@code session} to {@code file} atomically: the file is replaced whole or not at all. */
    public static void write(Session session, Path file) throws IOException {
        AtomicFile.write(file, out -> write(session, out));
    }

    /** Writes {@code session} as JSON to {@code out}, leaving it open. */
    public static void write(Session session, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            TrainingOptions options = session.settings().config().options();
            boolean general = !options.isNotebook();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", general ? VERSION : NOTEBOOK_VERSION);
            g.writeFieldName("settings");
            g.writeTree(RunSettingsJson.write(session.settings(), general));
            if (!options.data().isTruthTable()) {
                g.writeFieldName(DATA);
                g.writeTree(DataJson.write(options.data()));
            }
            g.writeNumberField("epoch", session.epoch());
            g.writeNumberField("updates", session.updates());
            g.writeFieldName("initial");
            g.writeTree(Json.weights(session.initial()));
            g.writeFieldName("current");
            g.writeTree(Json.weights(session.current()));
            if (usesFirst(options.optimizer())) {
                g.writeFieldName(FIRST);
                g.writeTree(Json.weights(session.optimizerState().first()));
            }
            if (usesSecond(options.optimizer())) {
                g.writeFieldName(SECOND);
                g.writeTree(Json.weights(session.optimizerState().second()));
            }
            if (!session.bookmarks().isEmpty()) {
                g.writeFieldName(BOOKMARKS);
                g.writeStartArray();
                for (Bookmark b : session.bookmarks()) {
                    g.writeStartObject();
                    g.writeNumberField("epoch", b.epoch());
                    g.writeStringField("note", b.note());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeFieldName(HISTORY);
            g.writeStartArray();
            for (double loss : session.history()) {
                g.writeNumber(loss);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * The largest session file XOR Lab opens. A session of {@link Session#MAX_EPOCHS} epochs, the most a run keeps,
     * is about 225 MB as this class writes it, and at most 250 MB (25 bytes a loss); the limit is twice that.
     */
    public static final long MAX_BYTES = 512L << 20;
    /** Why the limit is what it is, for messages. */
    private static final String WHY = "a " + NumberText.count(Session.MAX_EPOCHS) + "-epoch session is about 250 MB";
    private static final String WHAT = "a session file";
    /** The fields read (each small); anything else is skipped unread. The loss history is streamed apart. */
    private static final Set<String> FIELDS = Set.of("format", "version", "settings", "epoch", "updates", "initial",
            "current", FIRST, SECOND, DATA, BOOKMARKS);

    /** Momentum's and nesterov's velocity, adam's first moment. */
    private static boolean usesFirst(TrainingOptions.Optimizer o) {
        return o == TrainingOptions.Optimizer.MOMENTUM || o == TrainingOptions.Optimizer.NESTEROV
                || o == TrainingOptions.Optimizer.ADAM;
    }

    /** Rmsprop's and adam's average of squared gradients. */
    private static boolean usesSecond(TrainingOptions.Optimizer o) {
        return o == TrainingOptions.Optimizer.RMSPROP || o == TrainingOptions.Optimizer.ADAM;
    }

    /**
     * Reads a session file. Only a regular file of at most {@link #MAX_BYTES} is opened at all (a FIFO is refused
     * before it could block), and it must be UTF-8.
     *
     * @throws SessionFileException naming what is wrong: not a regular file, too large, unreadable, not UTF-8 or not
     *                              JSON, truncated, another format or version, a value out of range, or values that
     *                              contradict each other
     */
    public static Session read(Path file) throws SessionFileException {
        try (InputStream in = TextFile.open(file, WHAT, MAX_BYTES, WHY)) {
            return read(in);
        } catch (RefusedInput e) {
            throw new SessionFileException(e.getMessage());
        } catch (IOException e) {
            throw new SessionFileException("it cannot be read: " + AtomicFile.reason(e));
        }
    }

    /**
     * Reads a session from {@code in} (see {@link #read(Path)}), leaving it open. At most {@link #MAX_BYTES} are
     * read. An error of the virtual machine while reading (out of memory, a stack overflow) refuses the file too,
     * with a message, instead of reaching the crash dialog; within the limits here neither should happen.
     */
    public static Session read(InputStream in) throws SessionFileException, IOException {
        try {
            return parse(new Utf8Input(in, MAX_BYTES, TextFile.tooLarge(WHAT, -1, MAX_BYTES, WHY)));
        } catch (RefusedInput e) {
            throw new SessionFileException(e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new SessionFileException("XOR Lab ran out of memory reading it (a session file is at most "
                    + TextFile.megabytes(MAX_BYTES) + ")");
        } catch (StackOverflowError e) {
            throw new SessionFileException("it is nested too deeply to read");
        }
    }

    private static Session parse(InputStream in) throws SessionFileException, IOException {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        List<String> tooLarge = new ArrayList<>();
        double[] history = null;
        String historyProblem = null;
        try (JsonParser p = JsonReading.parser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new SessionFileException("the file is empty");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new SessionFileException("it is not an XOR Lab session (a session is a JSON object {...})");
            }
            boolean historySeen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(HISTORY)) {
                    if (historySeen) {
                        throw new SessionFileException(JsonReading.givenTwice(name, p));
                    }
                    historySeen = true;
                    History h = readHistory(p);
                    history = h.losses;
                    historyProblem = h.problem;
                } else if (FIELDS.contains(name)) {
                    if (fields.has(name)) {
                        throw new SessionFileException(JsonReading.givenTwice(name, p));
                    }
                    fields.set(name, name.equals(DATA)
                            ? JsonReading.value(p, name, tooLarge::add, DataJson.MAX_VALUES, "more than "
                                    + NumberText.count(org.xorlab.engine.Samples.MAX_POINTS) + " points hold")
                            : JsonReading.smallValue(p, name, tooLarge::add));
                } else {
                    // Unknown: skipped token by token, nothing kept.
                    p.skipChildren();
                }
            }
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new SessionFileException("there is more data after the session's closing '}'");
            }
        } catch (JsonProcessingException e) {
            throw new SessionFileException(JsonReading.problem(e));
        }
        try {
            return validate(fields, tooLarge, history, historyProblem);
        } catch (IllegalArgumentException e) {
            throw new SessionFileException(e.getMessage());
        }
    }

    private static Session validate(ObjectNode root, List<String> tooLarge, double[] history, String historyProblem) {
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.textValue().equals(FORMAT)) {
            throw new IllegalArgumentException("it is not an XOR Lab session (\"format\" must be \"" + FORMAT
                    + "\", got " + (format == null ? "nothing" : Json.text(format)) + ")");
        }
        long version = Json.wholeNumber(Json.required(root, "version", "version"), "version");
        String opens = "this one opens versions " + NOTEBOOK_VERSION + " and " + VERSION;
        if (version > VERSION) {
            throw new IllegalArgumentException("it was saved by a newer XOR Lab (session version " + version
                    + "); " + opens);
        }
        if (version < NOTEBOOK_VERSION) {
            throw new IllegalArgumentException("session version " + version + " is not supported; this XOR Lab opens"
                    + " versions " + NOTEBOOK_VERSION + " and " + VERSION);
        }
        if (!tooLarge.isEmpty()) {
            throw new IllegalArgumentException(tooLarge.get(0));
        }
        boolean general = version == VERSION;
        Data data = general && root.get(DATA) != null ? DataJson.read(root.get(DATA), DATA) : Data.TRUTH_TABLE;
        RunSettings settings = RunSettingsJson.read(Json.object(root.get("settings"), "settings"), "settings.", null,
                general, data);
        int[] hidden = settings.config().hiddenLayers();
        int inputs = settings.config().inputs();
        long epoch = Json.wholeNumber(Json.required(root, "epoch", "epoch"), "epoch");
        long updates = Json.wholeNumber(Json.required(root, "updates", "updates"), "updates");
        Weights initial = Json.weights(root.get("initial"), "initial", inputs, hidden);
        Weights current = Json.weights(root.get("current"), "current", inputs, hidden);
        // Version 1 has no optimiser but SGD, so no state; version 2 has the state its optimiser keeps.
        TrainingOptions.Optimizer optimizer = settings.config().options().optimizer();
        Weights zero = OptimizerState.zero(inputs, hidden).first();
        Weights first = general && usesFirst(optimizer) ? Json.weights(root.get(FIRST), FIRST, inputs, hidden) : zero;
        Weights second = general && usesSecond(optimizer) ? Json.weights(root.get(SECOND), SECOND, inputs, hidden)
                : zero;
        if (historyProblem != null) {
            throw new IllegalArgumentException(historyProblem);
        }
        if (history == null) {
            throw new IllegalArgumentException("\"" + HISTORY + "\" is missing");
        }
        Session session = new Session(settings, initial, current, new OptimizerState(first, second), epoch, updates,
                history);
        return root.get(BOOKMARKS) == null ? session : session.withBookmarks(bookmarks(root.get(BOOKMARKS)));
    }

    /** The bookmarks as written: an array of at most {@link Bookmark#MAX_COUNT} {"epoch": N, "note": "..."}. */
    private static List<Bookmark> bookmarks(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"" + BOOKMARKS + "\" must be a list [...] of {\"epoch\": N, \"note\":"
                    + " \"...\"} (got " + Json.text(node) + ")");
        }
        if (node.size() > Bookmark.MAX_COUNT) {
            throw new IllegalArgumentException("\"" + BOOKMARKS + "\" holds " + NumberText.count(node.size())
                    + " bookmarks; a run keeps at most " + Bookmark.MAX_COUNT);
        }
        List<Bookmark> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String name = BOOKMARKS + "[" + i + "]";
            ObjectNode b = Json.object(node.get(i), name);
            long epoch = Json.wholeNumber(Json.required(b, "epoch", name + ".epoch"), name + ".epoch");
            String note = b.get("note") == null ? "" : Json.string(b.get("note"), name + ".note");
            try {
                out.add(new Bookmark(epoch, note));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage());
            }
        }
        return out;
    }

    private record History(double[] losses, String problem) {
    }

    /** Reads the loss list; a problem is noted, not thrown, so the format and version are checked first. */
    private static History readHistory(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return new History(null, "\"" + HISTORY + "\" must be a list of numbers [...], one loss per epoch");
        }
        double[] losses = new double[1024];
        int n = 0;
        String problem = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "inside " + HISTORY);
            }
            if (problem != null) {
                p.skipChildren();
                continue;
            }
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                problem = "\"" + HISTORY + "[" + n + "]\" (epoch " + (n + 1) + ") must be a number (got "
                        + (t.isStructStart() ? "a nested list or object"
                        : t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText()) + ")";
                p.skipChildren();
                continue;
            }
            if (n == Session.MAX_EPOCHS) {
                problem = "\"" + HISTORY + "\" holds more than " + NumberText.count(Session.MAX_EPOCHS)
                        + " losses; a run keeps at most " + NumberText.count(Session.MAX_EPOCHS) + " epochs";
                continue;
            }
            if (n == losses.length) {
                losses = Arrays.copyOf(losses, (int) Math.min(Session.MAX_EPOCHS, 2L * n));
            }
            losses[n++] = p.getDoubleValue();
        }
        return new History(n == losses.length ? losses : Arrays.copyOf(losses, n), problem);
    }
}
