package org.xorlab.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xorlab.text.NumberText;

/**
 * How session and settings files are parsed without trusting them: as a stream of tokens, keeping only the fields
 * XOR Lab knows (each small, at most {@value #MAX_VALUES} values) and skipping everything else without keeping it,
 * with limits on nesting and on the length of one value, and with Jackson's errors told in plain words.
 */
final class JsonReading {
    /** Deeper than any file of ours (a session nests 4 deep); deeper is refused before it costs a deep stack. */
    static final int MAX_DEPTH = 64;
    /** The longest text value, in characters (a folder's path is at most a few thousand). */
    static final int MAX_STRING = 100_000;
    /** The longest field name, in characters. */
    static final int MAX_NAME = 10_000;
    /** The longest number, in characters (a double needs at most 24). */
    static final int MAX_NUMBER = 1_000;
    /** The most values one known field other than the loss history may hold: 8 hidden units' weights are 41 numbers. */
    static final int MAX_VALUES = 1_000;

    /**
     * Reads NaN and Infinity as numbers (so a NaN weight is reported as such, not as a syntax error). Field names are
     * not kept in a symbol table, and duplicates are looked for only among the fields read, not with a set of every
     * name: a file of millions of distinct unknown names would otherwise fill memory.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_NAME)
                    .maxNumberLength(MAX_NUMBER)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReading() {
    }

    /** A parser of {@code in}, which it leaves open. */
    static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** What is left of a value's allowance of {@link #MAX_VALUES} values. */
    private static final class Allowance {
        int left;
        boolean exceeded;

        Allowance(int values) {
            left = values;
        }
    }

    /**
     * The value the parser is at, as a tree. One with more than {@link #MAX_VALUES} values is read to its end but
     * not kept: {@code tooLarge} is told, and an empty list or object of the same kind stands in for it (so a check
     * of its type still reads right).
     *
     * @param name the value's name in messages: "settings"
     * @throws RefusedInput if an object in it names a field twice
     */
    static JsonNode smallValue(JsonParser p, String name, Consumer<String> tooLarge) throws IOException {
        return value(p, name, tooLarge, MAX_VALUES,
                "far more than any setting or weight matrix (8 hidden units' weights are 41 numbers)");
    }

    /**
     * As {@link #smallValue(JsonParser, String, Consumer)} with an allowance of {@code values} values, {@code why}
     * saying in the message why that is enough.
     */
    static JsonNode value(JsonParser p, String name, Consumer<String> tooLarge, int values, String why)
            throws IOException {
        Allowance allowance = new Allowance(values);
        JsonNode node = value(p, name, allowance);
        if (allowance.exceeded) {
            tooLarge.accept("\"" + name + "\" holds more than " + NumberText.count(values) + " values, " + why);
            return node.isObject() ? NODES.objectNode() : NODES.arrayNode();
        }
        return node;
    }

    private static JsonNode value(JsonParser p, String name, Allowance allowance) throws IOException {
        allowance.left--;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (allowance.left <= 0) {
                        allowance.exceeded = true;
                        p.skipChildren();
                    } else if (object.has(field)) {
                        throw new RefusedInput(givenTwice(name + "." + field, p));
                    } else {
                        object.set(field, value(p, name + "." + field, allowance));
                    }
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (allowance.left <= 0) {
                        allowance.exceeded = true;
                        p.skipChildren();
                    } else {
                        array.add(value(p, name, allowance));
                    }
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("not at a value: " + t);
        }
    }

    /** "\"epoch\" is given twice (again at line 9); each field may appear once". */
    static String givenTwice(String name, JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return "\"" + name + "\" is given twice" + (at.getLineNr() > 0 ? " (again at line " + at.getLineNr() + ")" : "")
                + "; each field may appear once";
    }

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\((.*?code (\\d+).*?)\\)( in numeric value)?:? ?(.*)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)' \\(for (\\w+).*");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*)': was expecting.*");
    private static final Pattern CODE = Pattern.compile("code (\\d+)");
    private static final String A_VALUE = "a value (a number, text in double quotes, a list [...], an object {...},"
            + " true, false or null)";

    /**
     * One line for a JSON syntax error: where it is and what was found where something else should be, in plain
     * words (never Jackson's class names, feature names or character codes).
     */
    static String problem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        if (e instanceof StreamConstraintsException) {
            return "it is not a file XOR Lab reads" + where + ": " + constraint(what);
        }
        if (e instanceof JsonEOFException || what.startsWith("Unexpected end-of-input")) {
            return "the file ends too early" + where + " (it may be truncated)";
        }
        String plain = plain(what);
        return "it is not valid JSON" + where + (plain.isEmpty() ? "" : ": " + plain);
    }

    private static String constraint(String what) {
        if (what.startsWith("Document nesting depth")) {
            return "lists and objects are nested more than " + MAX_DEPTH + " deep";
        }
        if (what.startsWith("Number value length")) {
            return "a number is longer than " + NumberText.count(MAX_NUMBER) + " characters";
        }
        if (what.startsWith("String value length")) {
            return "a text value is longer than " + NumberText.count(MAX_STRING) + " characters";
        }
        if (what.startsWith("Name length")) {
            return "a field name is longer than " + NumberText.count(MAX_NAME) + " characters";
        }
        return "it is larger than XOR Lab reads";
    }

    /** Jackson's message as "found X where Y should be", or "" if it is not one of those known. */
    private static String plain(String what) {
        Matcher m = UNEXPECTED.matcher(what);
        if (m.matches()) {
            String found = character(Integer.parseInt(m.group(2)));
            String rest = m.group(4);
            if (rest.contains("escape")) {
                return found + " in an escape \\u, where 4 hex digits should be";
            }
            if (m.group(3) != null || rest.contains("numeric value") || rest.contains("digit")) {
                return found + " in a number, where a digit should be";
            }
            if (rest.contains("comment")) {
                return found + ": JSON has no comments";
            }
            return found + " where " + expected(rest) + " should be";
        }
        m = CLOSE_MARKER.matcher(what);
        if (m.matches()) {
            if (m.group(3).equals("root")) {
                return "'" + m.group(1) + "' after the end of the JSON value";
            }
            return "'" + m.group(1) + "' where '" + m.group(2) + "' should close the "
                    + (m.group(2).equals("}") ? "object" : "list");
        }
        m = TOKEN.matcher(what);
        if (m.matches()) {
            String token = m.group(1);
            boolean shown = token.length() <= 40 && token.chars().allMatch(c -> c > 32 && c < 127);
            return (shown ? token : "text") + " where " + A_VALUE + " should be";
        }
        if (what.startsWith("Illegal unquoted character")) {
            Matcher code = CODE.matcher(what);
            return (code.find() ? character(Integer.parseInt(code.group(1))) : "a control character")
                    + " inside text in double quotes (write a line break as \\n and a tab as \\t)";
        }
        if (what.startsWith("Illegal character")) {
            Matcher code = CODE.matcher(what);
            return (code.find() ? character(Integer.parseInt(code.group(1))) : "a control character")
                    + " between values (only spaces, tabs and line breaks may be there)";
        }
        if (what.startsWith("Unrecognized character escape")) {
            Matcher code = CODE.matcher(what);
            return "an escape JSON does not have"
                    + (code.find() ? " (\\" + (char) Integer.parseInt(code.group(1)) + ")" : "")
                    + " in text; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by 4 hex digits";
        }
        if (what.contains("Leading zeroes")) {
            return "a number starts with 0 (write 7, not 007)";
        }
        if (what.contains("numeric value") || what.contains("Numeric value") || what.contains("plus signs")) {
            return "a number that is not written as JSON writes numbers";
        }
        if (what.startsWith("Non-standard token")) {
            return "a word JSON does not have where " + A_VALUE + " should be";
        }
        if (what.startsWith("Invalid UTF-8")) {
            return "it is not UTF-8 text";
        }
        return "";
    }

    /** What Jackson expected, from the end of its message. */
    private static String expected(String rest) {
        if (rest.contains("double-quote to start field name") || rest.contains("start field name")) {
            return "a field name in double quotes";
        }
        if (rest.contains("comma to separate Object entries")) {
            return "a comma or '}'";
        }
        if (rest.contains("comma to separate Array entries")) {
            return "a comma or ']'";
        }
        if (rest.contains("colon to separate field name and value")) {
            return "a colon ':'";
        }
        if (rest.contains("closing quote")) {
            return "a closing double quote";
        }
        if (rest.contains("root-level values")) {
            return "the end of the file";
        }
        return A_VALUE;
    }

    /** A character as a person would recognise it: 'x', a tab, a control character (number 7). */
    private static String character(int code) {
        switch (code) {
            case '\n':
                return "a line break";
            case '\r':
                return "a carriage return";
            case '\t':
                return "a tab";
            case '\'':
                return "a single quote (')";
            default:
                break;
        }
        if (code < 32 || code == 127) {
            return "a control character (number " + code + ")";
        }
        if (code < 127) {
            return "'" + (char) code + "'";
        }
        return "a character outside ASCII";
    }
}
