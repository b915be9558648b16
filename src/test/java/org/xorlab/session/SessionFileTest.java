package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/** Session files: what a saved run holds, that it reopens exactly, and that every kind of bad file is refused clearly. */
class SessionFileTest {
    /** Writes NaN and Infinity as the bare tokens a hand-edited or foreign file might hold. */
    private static final ObjectMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final TrainingConfig CONFIG = new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2);

    @TempDir
    Path dir;

    @Test
    void aSavedSessionReadsBackEqualAndTrainsOnLikeTheUninterruptedRun() throws Exception {
        Session saved = Sessions.trained(CONFIG, 250);
        Path file = dir.resolve("run.xorlab.json");
        SessionFile.write(saved, file);

        Session read = SessionFile.read(file);
        assertThat(read).isEqualTo(saved);
        assertThat(read.history()).containsExactly(saved.history());
        assertThat(read.settings()).isEqualTo(new RunSettings(CONFIG, true, 20_000, 0.05));

        Trainer uninterrupted = new Trainer(CONFIG);
        uninterrupted.runEpochs(400, null);
        Trainer resumed = read.trainer();
        resumed.runEpochs(150, null);
        assertThat(resumed.weights()).isEqualTo(uninterrupted.weights());
        assertThat(resumed.loss()).isEqualTo(uninterrupted.loss());
        assertThat(resumed.updates()).isEqualTo(uninterrupted.updates());
    }

    @Test
    void theFileHasTheDocumentedShape() throws Exception {
        Session saved = Sessions.trained(TrainingConfig.NOTEBOOK, 3);
        JsonNode root = JSON.readTree(Sessions.json(saved));
        assertThat(root.get("format").asText()).isEqualTo("xorlab-session");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.at("/settings/dataset").asText()).isEqualTo("xor");
        assertThat(root.at("/settings/learning_rate").asDouble()).isEqualTo(0.1);
        assertThat(root.at("/settings/stop/at").asText()).isEqualTo("loss");
        assertThat(root.get("epoch").asLong()).isEqualTo(3);
        assertThat(root.get("updates").asLong()).isEqualTo(12);
        // The notebook's seed-42 weights, in the CLI's nested-array shapes.
        assertThat(root.at("/initial/W1/0/0").asDouble()).isEqualTo(0.3745401188473625);
        assertThat(root.at("/initial/W1").size()).isEqualTo(2);
        assertThat(root.at("/initial/W1/0").size()).isEqualTo(2);
        assertThat(root.at("/initial/b1/1/0").asDouble()).isEqualTo(0.15599452033620265);
        assertThat(root.at("/initial/W2/0").size()).isEqualTo(2);
        assertThat(root.at("/initial/b2/0/0").asDouble()).isEqualTo(0.6011150117432088);
        assertThat(root.at("/current/W1/1/1").asDouble()).isEqualTo(saved.current().w1(1, 1));
        assertThat(root.get("loss_history").get(0).asDouble()).isEqualTo(0.3239537158130419);
        assertThat(root.get("loss_history").size()).isEqualTo(3);
    }

    @Test
    void anEpochZeroSessionHasNoHistory() throws Exception {
        Session fresh = Sessions.trained(TrainingConfig.NOTEBOOK, 0);
        Session read = SessionFile.read(new ByteArrayInputStream(Sessions.json(fresh).getBytes(StandardCharsets.UTF_8)));
        assertThat(read).isEqualTo(fresh);
        assertThat(read.lastLoss()).isNaN();
    }

    static Stream<Arguments> badFiles() {
        Cases cases = new Cases();
        cases.add(bad("empty file", text -> ""), "the file is empty");
        cases.add(bad("not JSON", text -> "hello"), "it is not valid JSON at line 1, column 6");
        cases.add(bad("a list", text -> "[1, 2]"), "it is not an XOR Lab session (a session is a JSON object {...})");
        cases.add(bad("truncated", text -> text.substring(0, text.length() / 2)), "the file ends too early");
        cases.add(bad("truncated between fields", text -> text.substring(0, text.indexOf("\"epoch\"") - 1)),
                "the file ends too early");
        cases.add(bad("trailing data", text -> text + "{}"), "there is more data after the session's closing '}'");
        cases.add(bad("duplicate key", text -> text.replace("\"epoch\" :", "\"epoch\" : 3, \"epoch\" :")),
                "\"epoch\" is given twice (again at line 16); each field may appear once");
        cases.add(bad("duplicate nested key", text -> text.replace("\"hidden\" :", "\"hidden\" : 3, \"hidden\" :")),
                "\"settings.hidden\" is given twice (again at line 6); each field may appear once");
        cases.add(edit("no format", root -> root.remove("format")),
                "it is not an XOR Lab session (\"format\" must be \"xorlab-session\", got nothing)");
        cases.add(edit("wrong format", root -> root.put("format", "keras-model")),
                "it is not an XOR Lab session (\"format\" must be \"xorlab-session\", got \"keras-model\")");
        cases.add(edit("newer version", root -> root.put("version", 3)),
                "it was saved by a newer XOR Lab (session version 3); this one opens versions 1 and 2");
        cases.add(edit("version 0", root -> root.put("version", 0)),
                "session version 0 is not supported; this XOR Lab opens versions 1 and 2");
        cases.add(edit("version text", root -> root.put("version", "one")), "\"version\" must be a whole number (got \"one\")");
        cases.add(edit("no settings", root -> root.remove("settings")), "\"settings\" is missing");
        cases.add(edit("hidden 9", root -> settings(root).put("hidden", 9)),
                "hidden units must be a whole number from 1 to 8 (got 9)");
        cases.add(edit("hidden 2.5", root -> settings(root).put("hidden", 2.5)),
                "\"settings.hidden\" must be a whole number (got 2.5)");
        cases.add(edit("unknown dataset", root -> settings(root).put("dataset", "nand")),
                "unknown dataset 'nand'; allowed: xor, and, or, xnor");
        cases.add(edit("seed negative", root -> settings(root).put("seed", -1)),
                "seed must be a whole number from 0 to 4294967295 (got -1)");
        cases.add(edit("learning rate 0", root -> settings(root).put("learning_rate", 0)),
                "learning rate must be a finite number greater than 0 (got 0.0)");
        cases.add(edit("batch size 5", root -> settings(root).put("batch_size", 5)),
                "batch size must be a whole number from 1 to 4 (got 5)");
        cases.add(edit("stop at", root -> ((ObjectNode) settings(root).get("stop")).put("at", "never")),
                "\"settings.stop.at\" must be \"epochs\" or \"loss\" (got \"never\")");
        cases.add(edit("stop epochs 0", root -> ((ObjectNode) settings(root).get("stop")).put("epochs", 0)),
                "the epoch Play stops at must be a whole number from 1 to 10000000 (got 0)");
        cases.add(edit("negative epoch", root -> root.put("epoch", -1)),
                "epoch must be a whole number from 0 to 10,000,000 (got -1)");
        cases.add(edit("history shorter than epoch", root -> root.put("epoch", 4)),
                "the loss history must hold one loss per epoch: 4 epochs but 3 losses");
        cases.add(edit("too few updates", root -> root.put("updates", 2)),
                "after 3 epochs the updates must be from 3 to 12 (got 2)");
        cases.add(edit("NaN weight", root -> ((ArrayNode) root.at("/current/W1/1")).set(0, Double.NaN)),
                "\"current.W1[1][0]\" must be a finite number (got NaN)");
        cases.add(edit("infinite weight", root -> ((ArrayNode) root.at("/initial/b2/0")).set(0, Double.POSITIVE_INFINITY)),
                "\"initial.b2[0][0]\" must be a finite number (got Infinity)");
        cases.add(edit("text weight", root -> ((ArrayNode) root.at("/current/W2/0")).set(1, "0.5")),
                "\"current.W2[0][1]\" must be a number (got \"0.5\")");
        cases.add(edit("W1 with 3 rows", root -> ((ArrayNode) root.at("/current/W1")).addArray().add(1).add(2)),
                "\"current.W1\" must be 2 x 2 for 2 hidden units (a list of 2 rows of 2 numbers); got 3 rows");
        cases.add(edit("W2 row too short", root -> ((ArrayNode) root.at("/initial/W2/0")).remove(1)),
                "\"initial.W2\" must be 1 x 2 for 2 hidden units (a list of 1 row of 2 numbers); row 1 has 1 number");
        cases.add(edit("weights missing", root -> root.remove("current")), "\"current\" is missing");
        cases.add(edit("b1 missing", root -> ((ObjectNode) root.get("initial")).remove("b1")), "\"initial.b1\" is missing");
        cases.add(edit("no history", root -> root.remove("loss_history")), "\"loss_history\" is missing");
        cases.add(edit("NaN loss", root -> ((ArrayNode) root.get("loss_history")).set(1, Double.NaN)),
                "the loss of epoch 2 must be a number from 0 to 1 (got NaN)");
        cases.add(edit("negative loss", root -> ((ArrayNode) root.get("loss_history")).set(2, -0.5)),
                "the loss of epoch 3 must be a number from 0 to 1 (got -0.5)");
        cases.add(edit("text loss", root -> ((ArrayNode) root.get("loss_history")).set(0, "low")),
                "\"loss_history[0]\" (epoch 1) must be a number (got \"low\")");
        cases.add(edit("history not a list", root -> root.put("loss_history", 0.2)),
                "\"loss_history\" must be a list of numbers [...], one loss per epoch");
        return cases.list.stream();
    }

    /** Bad files with the message each must give. */
    private static final class Cases {
        final List<Arguments> list = new ArrayList<>();

        void add(Arguments file, String message) {
            list.add(Arguments.of(file.get()[0], file.get()[1], message));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingTheProblem(String name, String text, String message) {
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .as(name)
                .isInstanceOf(SessionFileException.class)
                .hasMessageStartingWith(message);
    }

    static Stream<Arguments> syntaxErrors() {
        String value = "a value (a number, text in double quotes, a list [...], an object {...}, true, false or null)";
        return Stream.of(
                Arguments.of("hello", "it is not valid JSON at line 1, column 6: hello where " + value + " should be"),
                Arguments.of("{x", "it is not valid JSON at line 1, column 2: 'x' where a field name in double quotes"
                        + " should be"),
                Arguments.of("{'format': 1}", "it is not valid JSON at line 1, column 2: a single quote (') where a field"
                        + " name in double quotes should be"),
                Arguments.of("{\"format\" 1}", "it is not valid JSON at line 1, column 11: '1' where a colon ':' should be"),
                Arguments.of("{\"a\": 1 \"b\": 2}", "it is not valid JSON at line 1, column 9: '\"' where a comma or '}'"
                        + " should be"),
                Arguments.of("{\"a\": [1 2]}", "it is not valid JSON at line 1, column 10: '2' where a comma or ']' should be"),
                Arguments.of("{\"a\": [1}", "it is not valid JSON at line 1, column 9: '}' where ']' should close the list"),
                Arguments.of("{\"a\": 1]", "it is not valid JSON at line 1, column 8: ']' where '}' should close the object"),
                Arguments.of("{\"a\": 01}", "it is not valid JSON at line 1, column 8: a number starts with 0 (write 7, not 007)"),
                Arguments.of("{\"a\": 1.}", "it is not valid JSON at line 1, column 8: '}' in a number, where a digit should be"),
                Arguments.of("{\"a\": tru}", "it is not valid JSON at line 1, column 10: tru where " + value + " should be"),
                Arguments.of("{\"a\": \"line\nbreak\"}", "it is not valid JSON at line 1, column 12: a line break inside"
                        + " text in double quotes (write a line break as \\n and a tab as \\t)"),
                Arguments.of("{\"a\": 1, // note\n}", "it is not valid JSON at line 1, column 10: '/': JSON has no comments"),
                Arguments.of("{\"a\":\u0007 1}", "it is not valid JSON at line 1, column 7: a control character (number 7)"
                        + " between values (only spaces, tabs and line breaks may be there)"),
                Arguments.of("{\"a\": 1}}", "there is more data after the session's closing '}'"),
                Arguments.of("{\"a\": 1" + "0".repeat(2000) + "}",
                        "it is not a file XOR Lab reads: a number is longer than 1,000 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorsAreToldInPlainWords(String text, String message) {
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SessionFileException.class)
                .hasMessage(message);
    }

    @Test
    void aLatin1FileIsCalledNotUtf8NotTruncated() {
        String text = Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 3)).replaceFirst("\\{",
                "{\n  \"comment\" : \"le café de 9 h\",");
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(latin1)))
                .isInstanceOf(SessionFileException.class)
                .hasMessage("it is not UTF-8 text: line 2 has a byte 0xE9 that UTF-8 does not allow there"
                        + " (save the file as UTF-8)");
        // The same text as UTF-8 reads.
        assertThat(catchThrowable(() -> SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))))
                .isNull();
        // A file whose last byte begins a character it does not finish: cut short, or not UTF-8.
        byte[] cut = "{\"comment\": \"caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(cut)))
                .hasMessage("it ends in the middle of a UTF-8 character on line 1: it is cut short, or not UTF-8 text");
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(utf16)))
                .hasMessageStartingWith("it is not UTF-8 text: line 1 has a byte 0xFE");
    }

    @Test
    void aKnownFieldFarLargerThanASessionNeedsIsRefused() {
        String text = Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 3))
                .replaceFirst("\"initial\" : \\{", "\"initial\" : { \"W0\": [" + "1, ".repeat(5000) + "1],");
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("\"initial\" holds more than 1,000 values, far more than any setting or weight matrix"
                        + " (8 hidden units' weights are 41 numbers)");
    }

    @Test
    void versionIsCheckedBeforeAnythingElseInTheFile() {
        // A future version may change every field; the message must be about the version, not its contents.
        String text = Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 3))
                .replace("\"version\" : 1", "\"version\" : 7").replace("\"hidden\" : 2", "\"hidden\" : \"two\"");
        assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("it was saved by a newer XOR Lab (session version 7); this one opens versions 1 and 2");
    }

    @Test
    void everyTruncationOfAFileIsRefusedWithAMessage() {
        String text = Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 2));
        for (int n = 0; n < text.trim().length(); n++) {
            byte[] cut = text.substring(0, n).getBytes(StandardCharsets.UTF_8);
            int length = n;
            assertThatThrownBy(() -> SessionFile.read(new ByteArrayInputStream(cut)))
                    .as("the first %d characters", length)
                    .isInstanceOf(SessionFileException.class)
                    .message().isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Session saved = Sessions.trained(TrainingConfig.NOTEBOOK, 3);
        String text = Sessions.json(saved).replaceFirst("\\{", "{ \"comment\": {\"by\": [\"a teacher\"]},");
        assertThat(SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(saved);
    }

    @Test
    void unreadableFilesSayWhy() throws IOException {
        assertThatThrownBy(() -> SessionFile.read(dir.resolve("missing.xorlab.json")))
                .hasMessage("it cannot be read: no such file or directory");
        assertThatThrownBy(() -> SessionFile.read(dir)).hasMessage("it is a folder, not a session file");
        assertThatThrownBy(() -> SessionFile.read(Path.of(dir.toString(), "missing", "x.json")))
                .hasMessage("it cannot be read: no such file or directory");
    }

    @Test
    void savingOverAFileReplacesItWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("run.xorlab.json");
        Files.writeString(file, "old");
        Session saved = Sessions.trained(TrainingConfig.NOTEBOOK, 5);
        SessionFile.write(saved, file);
        assertThat(SessionFile.read(file)).isEqualTo(saved);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static Arguments bad(String name, java.util.function.UnaryOperator<String> change) {
        return Arguments.of(name, change.apply(Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 3))));
    }

    private static Arguments edit(String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 3)));
            change.accept(root);
            return Arguments.of(name, JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode settings(ObjectNode root) {
        return (ObjectNode) root.get("settings");
    }
}
