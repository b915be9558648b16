package org.xorlab.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xorlab.engine.Data;

/**
 * A JSON file of another package's format read as carefully as a session file is ({@link SessionFile}): only a
 * regular file of at most a given size is opened (a FIFO is refused before it could block), it must be UTF-8, it is
 * parsed as a stream of tokens with {@link JsonReading}'s limits on nesting and on each value, and every problem
 * becomes a {@link Refused} with one line saying what is wrong. The format's own class reads its fields from the
 * parser and checks them with the typed readers here. {@code run.study.StudyJson} reads studies this way.
 */
public final class JsonInput {
    /** The values a run's points may hold in a file (three numbers a point and the lists around them). */
    public static final int DATA_VALUES = DataJson.MAX_VALUES;

    private JsonInput() {
    }

    /** A file refused; the message is one line naming what is wrong and what is allowed. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** Reads one field of the top-level object: the parser is at its value, which this must read or skip. */
    @FunctionalInterface
    public interface Fields {
        /**
         * @throws IllegalArgumentException for a value that is not allowed, its message saying why
         */
        void field(String name, JsonParser p) throws IOException;
    }

    /**
     * Reads {@code file}, a JSON object, field by field with {@code fields}, and checks that nothing follows it.
     *
     * @param what        what the file should be, for messages: "a study file"
     * @param maxBytes    the largest file read
     * @param why         why that is the limit: "a study of 1,000,000 runs is about 360 MB"
     * @param notAnObject the message when the file is JSON but not an object
     * @throws Refused if the file is missing, not a regular file, too large, not UTF-8, not JSON, truncated, or
     *                 {@code fields} refused a value
     */
    public static void readObject(Path file, String what, long maxBytes, String why, String notAnObject,
                                  Fields fields) throws Refused {
        try (InputStream in = TextFile.open(file, what, maxBytes, why)) {
            parse(new Utf8Input(in, maxBytes, TextFile.tooLarge(what, -1, maxBytes, why)), notAnObject, fields);
        } catch (RefusedInput e) {
            throw new Refused(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new Refused("there is no such file");
        } catch (JsonProcessingException e) {
            throw new Refused(JsonReading.problem(e));
        } catch (IOException e) {
            throw new Refused("it cannot be read: " + AtomicFile.reason(e));
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new Refused("XOR Lab ran out of memory reading it (" + what + " is at most "
                    + TextFile.megabytes(maxBytes) + ")");
        } catch (StackOverflowError e) {
            throw new Refused("it is nested too deeply to read");
        }
    }

    private static void parse(InputStream in, String notAnObject, Fields fields) throws IOException {
        try (JsonParser p = JsonReading.parser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(notAnObject);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                fields.field(name, p);
            }
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new IllegalArgumentException("there is more data after the closing '}'");
            }
        }
    }

    /**
     * The value the parser is at, as a tree of at most {@code values} values (read to its end either way).
     *
     * @param why why that is enough, for the message: "more than 1,000,000 seeds hold"
     * @throws IllegalArgumentException if it holds more, or an object in it names a field twice
     */
    public static JsonNode value(JsonParser p, String name, int values, String why) throws IOException {
        List<String> tooLarge = new ArrayList<>();
        JsonNode node;
        try {
            node = JsonReading.value(p, name, tooLarge::add, values, why);
        } catch (RefusedInput e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!tooLarge.isEmpty()) {
            throw new IllegalArgumentException(tooLarge.get(0));
        }
        return node;
    }

    /** "\"runs\" is given twice (again at line 9); each field may appear once". */
    public static String givenTwice(String name, JsonParser p) {
        return JsonReading.givenTwice(name, p);
    }

    /** {@code node} as an object; "\"name\" is missing" or "must be a JSON object" otherwise. */
    public static ObjectNode object(JsonNode node, String name) {
        return Json.object(node, name);
    }

    /** The field, which must be there and not null. */
    public static JsonNode required(ObjectNode parent, String field, String name) {
        return Json.required(parent, field, name);
    }

    /** A whole number (1e3 and 2.0 count) within the range of long. */
    public static long wholeNumber(JsonNode node, String name) {
        return Json.wholeNumber(node, name);
    }

    /** Any JSON number, including NaN and Infinity (the caller checks the range). */
    public static double number(JsonNode node, String name) {
        return Json.number(node, name);
    }

    public static String string(JsonNode node, String name) {
        return Json.string(node, name);
    }

    /** The value as the user would recognise it in the file, shortened. */
    public static String text(JsonNode node) {
        return Json.text(node);
    }

    /** A run's points as a session file holds them: name, train and test, each x1, x2 and y. */
    public static ObjectNode data(Data data) {
        return DataJson.write(data);
    }

    /** Reads what {@link #data(Data)} wrote, every point checked as the engine checks it. */
    public static Data data(JsonNode node, String name) {
        return DataJson.read(node, name);
    }
}
