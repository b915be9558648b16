package org.xorlab.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The remembered settings, as {@code settings.json} in {@code $XORLAB_HOME} if that is set, else in
 * {@code ~/.xorlab}. Loading never fails and never blocks: a missing file gives the defaults silently; one that is
 * not a regular file (it is not opened), larger than {@link #MAX_BYTES}, not UTF-8, unreadable or corrupt gives the
 * defaults with a one-line warning; a value out of range falls back to its default (with a warning) and
 * keeps the others. Saving replaces the file atomically.
 */
public final class SettingsFile {
    /** The environment variable naming the folder for the settings (tests and screenshots use a temporary one). */
    public static final String HOME_VARIABLE = "XORLAB_HOME";
    public static final String FILE_NAME = "settings.json";

    /** The largest settings file read; one XOR Lab writes is well under a kilobyte. */
    static final long MAX_BYTES = 1L << 20;
    /** The fields read; anything else in the file is skipped. */
    private static final Set<String> FIELDS = Set.of("run", "speed", "zoom", "presenter_zoom", "window", "last_folder");

    /** How a problem that voids the whole file begins. */
    private static final String IGNORED = "ignored: ";

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    /** The settings file for this environment: {@code $XORLAB_HOME/settings.json} or {@code ~/.xorlab/settings.json}. */
    public static SettingsFile forEnvironment(Map<String, String> env, String userHome) {
        String home = env.get(HOME_VARIABLE);
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(userHome, ".xorlab");
        return new SettingsFile(dir.resolve(FILE_NAME));
    }

    /** The settings file of this process. */
    public static SettingsFile forThisUser() {
        return forEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    public Path path() {
        return file;
    }

    /**
     * The root object with the fields this class reads, each small (see {@link JsonReading#smallValue}); any other
     * field is skipped without being kept. Null if the file holds something other than an object.
     */
    private static ObjectNode read(InputStream in) throws IOException {
        try (JsonParser p = JsonReading.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            List<String> tooLarge = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!FIELDS.contains(name)) {
                    p.skipChildren();
                } else if (root.has(name)) {
                    throw new RefusedInput(JsonReading.givenTwice(name, p));
                } else {
                    root.set(name, JsonReading.smallValue(p, name, tooLarge::add));
                    if (!tooLarge.isEmpty()) {
                        throw new RefusedInput(tooLarge.get(0));
                    }
                }
            }
            return root;
        }
    }

    /** Reads the settings, warning on {@code warnings} about anything it had to ignore (see the class comment). */
    public AppSettings load(PrintStream warnings) {
        List<String> problems = new ArrayList<>();
        AppSettings settings = load(problems::add);
        if (problems.size() == 1 && problems.get(0).startsWith(IGNORED)) {
            warnings.println("xorlab: ignoring the settings file " + file + ": " + problems.get(0).substring(IGNORED.length()));
        } else if (!problems.isEmpty()) {
            warnings.println("xorlab: settings file " + file + ": " + String.join("; ", problems)
                    + (problems.size() == 1 ? " (using the default instead)" : " (using the defaults instead)"));
        }
        return settings;
    }

    /** Reads the settings, telling {@code problems} about each thing it ignored. */
    AppSettings load(Consumer<String> problems) {
        ObjectNode node;
        try (InputStream in = TextFile.open(file, "a settings file", MAX_BYTES, "")) {
            node = read(new Utf8Input(in, MAX_BYTES, TextFile.tooLarge("a settings file", -1, MAX_BYTES, "")));
        } catch (NoSuchFileException e) {
            return AppSettings.DEFAULT;
        } catch (RefusedInput e) {
            problems.accept(IGNORED + e.getMessage());
            return AppSettings.DEFAULT;
        } catch (JsonProcessingException e) {
            problems.accept(IGNORED + JsonReading.problem(e));
            return AppSettings.DEFAULT;
        } catch (IOException e) {
            problems.accept(IGNORED + "it cannot be read (" + AtomicFile.reason(e) + ")");
            return AppSettings.DEFAULT;
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Never from a file within the limits; if it happens all the same, the window still opens.
            problems.accept(IGNORED + "it cannot be read (" + (e instanceof OutOfMemoryError ? "out of memory"
                    : "nested too deeply") + ")");
            return AppSettings.DEFAULT;
        }
        if (node == null) {
            problems.accept(IGNORED + "it is not a JSON object {...}");
            return AppSettings.DEFAULT;
        }
        AppSettings d = AppSettings.DEFAULT;
        RunSettings run = node.has("run")
                ? field(node, "run", problems, d.run(), n -> RunSettingsJson.read(Json.object(n, "run"), "run.", problems,
                        true))
                : d.run();
        double speed = field(node, "speed", problems, d.speed(), n -> {
            double s = n.isTextual() && n.textValue().equals("max") ? Double.POSITIVE_INFINITY : Json.number(n, "speed");
            AppSettings.checkSpeed(s);
            return s;
        });
        double zoom = field(node, "zoom", problems, d.zoom(), n -> zoom(n, "zoom"));
        double presenterZoom = field(node, "presenter_zoom", problems, d.presenterZoom(), n -> zoom(n, "presenter_zoom"));
        AppSettings.WindowBounds window = node.has("window")
                ? field(node, "window", problems, null, n -> {
                    ObjectNode w = Json.object(n, "window");
                    return new AppSettings.WindowBounds(
                            Json.number(Json.required(w, "x", "window.x"), "window.x"),
                            Json.number(Json.required(w, "y", "window.y"), "window.y"),
                            Json.number(Json.required(w, "width", "window.width"), "window.width"),
                            Json.number(Json.required(w, "height", "window.height"), "window.height"),
                            w.path("maximized").asBoolean(false));
                })
                : null;
        String folder = node.has("last_folder")
                ? field(node, "last_folder", problems, null, n -> Json.string(n, "last_folder"))
                : null;
        return new AppSettings(run, speed, zoom, presenterZoom, window, folder);
    }

    private static double zoom(JsonNode n, String name) {
        double z = Json.number(n, name);
        AppSettings.checkZoom(z);
        return z;
    }

    private static <T> T field(ObjectNode node, String name, Consumer<String> problems, T fallback,
                               Function<JsonNode, T> reader) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException e) {
            problems.accept(e.getMessage());
            return fallback;
        }
    }

    /**
     * Writes the settings atomically, creating the folder if needed.
     *
     * @throws IOException if the folder or file cannot be written
     */
    public void save(AppSettings settings) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("run", RunSettingsJson.write(RunSettingsJson.onTruthTable(settings.run()), true));
        if (Double.isInfinite(settings.speed())) {
            root.put("speed", "max");
        } else {
            root.put("speed", settings.speed());
        }
        root.put("zoom", settings.zoom());
        root.put("presenter_zoom", settings.presenterZoom());
        AppSettings.WindowBounds w = settings.window();
        if (w != null) {
            ObjectNode window = root.putObject("window");
            window.put("x", w.x());
            window.put("y", w.y());
            window.put("width", w.width());
            window.put("height", w.height());
            window.put("maximized", w.maximized());
        }
        if (settings.lastFolder() != null) {
            root.put("last_folder", settings.lastFolder());
        }
        byte[] bytes = Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        // A settings file that is a FIFO or a device was never read (see load); writing it in place could block the
        // window's exit until something reads the FIFO, so the settings are not saved there.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IOException("it is not a regular file, so the settings were not saved there");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicFile.write(file, out -> {
            out.write(bytes);
            out.write('\n');
        });
    }
}
