package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * fixed seed: each is either read as a valid session or refused with a one-line message; nothing else is thrown, and
 * the file itself is never changed by reading it.
 */
class SessionFuzzTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final List<String> VALUES = List.of("1e309", "-1e309", "NaN", "\"NaN\"", "Infinity", "null", "true",
            "\"\"", "[]", "{}", "[[]]", "9223372036854775808", "-9223372036854775809", "0", "-1", "1e-400", "4294967296",
            "\"xor\"", "\"XOR\"", "[1,2,3]", "[[1],[2]]", "1.5", "99", "-0.0", "\"1\"", "1e300");
    private static final List<String> KEYS = List.of("\"format\"", "\"version\"", "\"W1\"", "\"b1\"", "\"W2\"", "\"b2\"",
            "\"epoch\"", "\"updates\"", "\"history\"", "\"hidden\"", "\"dataset\"", "\"learning_rate\"", "\"batch_size\"",
            "\"seed\"", "\"initial\"", "\"current\"", "\"settings\"");

    @TempDir
    Path dir;

    @Test
    void mutatedSessionFilesAreReadOrRefusedWithOneLine() throws IOException {
        String original = Sessions.json(Sessions.trained(new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2), 40));
        Random random = new Random(20261125L);
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = mutate(original, random);
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
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e + " instead of a SessionFileException", e);
            }
            assertThat(Files.readAllBytes(file)).as("reading must not change the file").isEqualTo(mutated);
        }
        assertThat(refused).isGreaterThan(1000);
        assertThat(accepted + refused).isEqualTo(1500);
    }

    private static void checkValid(Session session, int i) {
        TrainingConfig c = session.settings().config();
        assertThat(c.hidden()).as("mutation %d", i).isBetween(1, 8);
        assertThat(session.current().isFinite()).as("mutation %d", i).isTrue();
        assertThat(session.initial().isFinite()).as("mutation %d", i).isTrue();
        assertThat(session.history()).as("mutation %d", i).hasSize((int) session.epoch());
        for (double loss : session.history()) {
            assertThat(Double.isFinite(loss)).as("mutation %d", i).isTrue();
        }
    }

    private static byte[] mutate(String json, Random random) {
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
                return replaceNth(json, NUMBER, random, VALUES.get(random.nextInt(VALUES.size())))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                return json.replaceFirst(Pattern.quote(key), "\"x" + random.nextInt(9) + "\"")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                String version = VALUES.get(random.nextInt(VALUES.size()));
                return json.replaceFirst("\"version\"\\s*:\\s*1", "\"version\": " + version)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                String value = VALUES.get(random.nextInt(VALUES.size()));
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
