package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;

/**
 * 1,500 mutated session files (truncated, random bytes, wrong types, huge numbers, wrong version, missing fields), from a
 * fixed seed: each is either read as a valid session or refused with a one-line message in plain words; nothing else
 * is thrown, and the file itself is never changed by reading it. Then hostile files: a sparse gigabyte, a FIFO, more
 * losses than a run keeps, huge unknown fields, deep nesting, and an Error while reading; each either reads or is
 * refused quickly (a timeout fails a regression instead of hanging the suite).
 */
class SessionFuzzTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final List<String> VALUES = List.of("1e309", "-1e309", "NaN", "\"NaN\"", "Infinity", "null", "true",
            "\"\"", "[]", "{}", "[[]]", "9223372036854775808", "-9223372036854775809", "0", "-1", "1e-400", "4294967296",
            "\"xor\"", "\"XOR\"", "[1,2,3]", "[[1],[2]]", "1.5", "99", "-0.0", "\"1\"", "1e300");
    private static final List<String> KEYS = List.of("\"format\"", "\"version\"", "\"W1\"", "\"b1\"", "\"W2\"", "\"b2\"",
            "\"epoch\"", "\"updates\"", "\"history\"", "\"hidden\"", "\"dataset\"", "\"learning_rate\"", "\"batch_size\"",
            "\"seed\"", "\"initial\"", "\"current\"", "\"settings\"");
    /** Version 2's keys besides: the general network's options, deeper layers and the optimiser's state. */
    private static final List<String> KEYS_2 = java.util.stream.Stream.concat(KEYS.stream(), java.util.stream.Stream.of(
            "\"W3\"", "\"b3\"", "\"activation\"", "\"loss\"", "\"optimizer\"", "\"momentum\"", "\"rho\"",
            "\"beta1\"", "\"beta2\"", "\"epsilon\"", "\"regularization\"", "\"reg_rate\"", "\"init\"",
            "\"order\"", "\"optimizer_first\"", "\"optimizer_second\"")).toList();
    private static final List<String> VALUES_2 = java.util.stream.Stream.concat(VALUES.stream(), java.util.stream.Stream.of(
            "\"adam\"", "\"tanh\"", "\"cross-entropy\"", "\"l2\"", "\"he\"", "\"shuffle\"", "\"relu \"", "[4,4]",
            "[9]", "[1,1,1,1,1,1,1]", "[]", "0.999999", "1", "1e-320", "\"rmsprop\"", "\"sgd\"")).toList();

    @TempDir
    Path dir;

    @Test
    void mutatedSessionFilesAreReadOrRefusedWithOneLine() throws IOException {
        String original = Sessions.json(Sessions.trained(new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2), 40));
        assertThat(original).contains("\"version\" : 1");
        readOrRefuseMutations(original, KEYS, VALUES, 20261125L);
    }

    @Test
    void mutatedVersion2FilesAreReadOrRefusedWithOneLine() throws IOException {
        // Adam (both moments saved), tanh, cross-entropy, l2, he, shuffled, two hidden layers.
        TrainingConfig c = new TrainingConfig(Dataset.XOR, 3, 7, 0.05, 2).withHiddenLayers(3, 2);
        c = c.withOptions(c.options().withActivation(org.xorlab.engine.Activation.TANH)
                .withLoss(org.xorlab.engine.TrainingOptions.Loss.CROSS_ENTROPY)
                .withOptimizer(org.xorlab.engine.TrainingOptions.Optimizer.ADAM)
                .withRegularization(org.xorlab.engine.TrainingOptions.Regularization.L2, 0.001)
                .withInit(org.xorlab.engine.TrainingOptions.Init.HE)
                .withOrder(org.xorlab.engine.TrainingOptions.Order.SHUFFLE));
        String original = Sessions.json(Sessions.trained(c, 40));
        assertThat(original).contains("\"version\" : 2", "\"optimizer_second\"");
        readOrRefuseMutations(original, KEYS_2, VALUES_2, 20261202L);
    }

    private void readOrRefuseMutations(String original, List<String> keys, List<String> values, long seed)
            throws IOException {
        Random random = new Random(seed);
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = mutate(original, random, keys, values);
            Path file = dir.resolve("fuzz-" + i + ".xorlab.json");
            Files.write(file, mutated);
            try {
                Session session = SessionFile.read(file);
                accepted++;
                checkValid(session, i);
            } catch (SessionFileException e) {
                refused++;
                String message = e.getMessage();
                assertThat(message).as("mutation %d", i).isNotBlank();
                assertThat(message.strip()).as("mutation %d: %s", i, message).doesNotContain("\n");
                assertPlain(message, "mutation " + i);
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e + " instead of a SessionFileException", e);
            }
            assertThat(Files.readAllBytes(file)).as("reading must not change the file").isEqualTo(mutated);
        }
        assertThat(refused).isGreaterThan(1000);
        assertThat(accepted + refused).isEqualTo(1500);
    }

    /** Words of Jackson's messages a user should never see: class and feature names, character codes. */
    private static final List<String> INTERNALS = List.of("code ", "CTRL-CHAR", "ALLOW_", "Feature", "Source:", "Exception",
            "jackson", "was expecting", "Unexpected character", "Unrecognized token", "marker", "Invalid UTF-8",
            "StreamReadConstraints", "exceeds the maximum");

    static void assertPlain(String message, String what) {
        for (String internal : INTERNALS) {
            assertThat(message).as("%s: %s", what, message).doesNotContainIgnoringCase(internal);
        }
    }

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private static String session() {
        return Sessions.json(Sessions.trained(new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2), 40));
    }

    @Test
    void aOneGigabyteSessionIsRefusedBeforeAnyOfItIsRead() throws IOException {
        // A real session's beginning, then a gigabyte of zeros that take no disk.
        Path file = SpecialFiles.sparse(dir.resolve("huge.xorlab.json"), session().substring(0, 300),
                SpecialFiles.GIGABYTE);
        try {
            assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> SessionFile.read(file))
                    .isInstanceOf(SessionFileException.class)
                    .hasMessage("it is 1,024 MB, more than a session file can be (at most 512 MB;"
                            + " a 10,000,000-epoch session is about 250 MB)"));
            assertThat(Files.size(file)).isEqualTo(SpecialFiles.GIGABYTE);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aSparseFileJustUnderTheLimitIsRefusedAtItsFirstNulByte() throws IOException {
        String start = session().substring(0, 300);
        Path file = SpecialFiles.sparse(dir.resolve("almost.xorlab.json"), start, SessionFile.MAX_BYTES);
        try {
            long line = start.lines().count();
            assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> SessionFile.read(file))
                    .hasMessage("it is not a text file: line " + line + " holds a NUL byte (a JSON file is UTF-8 text)"));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe.xorlab.json"));
        // Opening a FIFO nobody writes to blocks forever: a regression fails here instead of hanging the suite.
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> SessionFile.read(fifo))
                .isInstanceOf(SessionFileException.class)
                .hasMessage("it is a named pipe (FIFO), not a regular file; XOR Lab reads only regular files"));
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aHistoryLongerThanARunKeepsIsRefused() {
        // 10,000,001 epochs with a consistent header: a file the window could never have saved (Play stops at
        // 10,000,000), made on the fly, 70 MB that never touch the disk.
        String empty = Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK, 0))
                .replace("\"epoch\" : 0", "\"epoch\" : 10000001").replace("\"updates\" : 0", "\"updates\" : 40000004");
        String head = empty.substring(0, empty.indexOf("\"loss_history\"")) + "\"loss_history\" : [ 0.25";
        InputStream in = Generated.of(head, ", 0.25", 10_000_000, " ]\n}\n");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> SessionFile.read(in))
                .isInstanceOf(SessionFileException.class)
                .hasMessage("\"loss_history\" holds more than 10,000,000 losses; a run keeps at most 10,000,000 epochs"));
    }

    @Test
    void largeUnknownFieldsAreSkippedWithoutBeingKept() {
        // A 30-million-character text and a list of 5 million numbers in fields XOR Lab does not know: skipped
        // token by token (a tree of them, or the text as a string, is what made such files fail or run out of memory).
        Session saved = Sessions.trained(new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2), 40);
        String text = Sessions.json(saved);
        String rest = text.substring(text.indexOf('{') + 1);
        InputStream in = new java.io.SequenceInputStream(Generated.of("{ \"notes\" : \"", "abcdefghij", 3_000_000, "\", "),
                Generated.of("\"samples\" : [ 0.5", ", 0.5", 5_000_000, " ], " + rest));
        Session read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SessionFile.read(in));
        assertThat(read).isEqualTo(saved);
    }

    @Test
    void deepNestingIsRefusedInPlainWords() {
        String text = session().replaceFirst("\\{", "{ \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + ",");
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> SessionFile.read(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("it is not a file XOR Lab reads: lists and objects are nested more than 64 deep"));
    }

    @Test
    void anErrorWhileReadingRefusesTheFileInsteadOfCrashing() {
        for (Error error : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError())) {
            InputStream failing = new InputStream() {
                @Override
                public int read() {
                    throw error;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    throw error;
                }
            };
            assertThatThrownBy(() -> SessionFile.read(failing)).as(error.toString())
                    .isInstanceOf(SessionFileException.class)
                    .hasMessage(error instanceof OutOfMemoryError
                            ? "XOR Lab ran out of memory reading it (a session file is at most 512 MB)"
                            : "it is nested too deeply to read");
        }
    }

    private static void checkValid(Session session, int i) {
        TrainingConfig c = session.settings().config();
        for (int width : c.hiddenLayers()) {
            assertThat(width).as("mutation %d", i).isBetween(1, 8);
        }
        assertThat(session.current().hiddenLayers()).as("mutation %d", i).isEqualTo(c.hiddenLayers());
        assertThat(session.optimizerState().first().isFinite()).as("mutation %d", i).isTrue();
        assertThat(session.optimizerState().second().isFinite()).as("mutation %d", i).isTrue();
        assertThat(session.current().isFinite()).as("mutation %d", i).isTrue();
        assertThat(session.initial().isFinite()).as("mutation %d", i).isTrue();
        assertThat(session.history()).as("mutation %d", i).hasSize((int) session.epoch());
        for (double loss : session.history()) {
            assertThat(Double.isFinite(loss)).as("mutation %d", i).isTrue();
        }
    }

    private static byte[] mutate(String json, Random random, List<String> keys, List<String> values) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(8)) {
            case 0 -> {
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case 1 -> {
                byte[] copy = bytes.clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 2 -> {
                byte[] noise = new byte[random.nextInt(2000)];
                random.nextBytes(noise);
                return noise;
            }
            case 3 -> {
                return replaceNth(json, NUMBER, random, values.get(random.nextInt(values.size())))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                String key = keys.get(random.nextInt(keys.size()));
                return json.replaceFirst(Pattern.quote(key), "\"x" + random.nextInt(9) + "\"")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                String version = values.get(random.nextInt(values.size()));
                return json.replaceFirst("\"version\"\\s*:\\s*\\d", "\"version\": " + version)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                String key = keys.get(random.nextInt(keys.size()));
                String value = values.get(random.nextInt(values.size()));
                return json.replaceFirst(Pattern.quote(key) + "\\s*:\\s*", key + ": " + value + ", \"was\": ")
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                int at = random.nextInt(json.length());
                String junk = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "é", "\uD83D").get(random.nextInt(11));
                return (json.substring(0, at) + junk + json.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String replaceNth(String json, Pattern pattern, Random random, String replacement) {
        Matcher m = pattern.matcher(json);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return json;
        }
        int target = random.nextInt(count);
        m.reset();
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (m.find()) {
            m.appendReplacement(sb, n++ == target ? Matcher.quoteReplacement(replacement) : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
