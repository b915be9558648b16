package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile values for every option of both commands, generated from a fixed seed: each run either succeeds or ends
 * with status 2 and exactly one line naming the option, never a stack trace, and no existing file is changed.
 */
class CommandLineFuzzTest {
    private static final List<String> OPTIONS = List.of("--dataset", "--hidden", "--seed", "--learning-rate",
            "--epochs", "--batch-size", "--print-every", "--csv", "--json", "--target-loss", "--batch-sizes", "--png");
    private static final List<String> NASTY = List.of("", " ", "-", "--", "-1", "0", "NaN", "-NaN", "Infinity",
            "+Infinity", "1e309", "4.9e-324", "-0.0", "0x10", "1_000", "１", "٣", "9223372036854775808",
            "-9223372036854775809", "1,2,3,4,5", ",", "1,,4", "4,4", "%s%n", "${jndi:x}", "\u0000", "\n", "'", "\"",
            "..", "a/../b", "/dev/null/x", "XOR ", " and", "nor", "😀", "1e", "e1", ".", "1.",
            "--help", "-h", "--version");

    /** Options that name a file: their hostile values are kept inside the test's folder (the tests may run as root). */
    private static final List<String> PATH_OPTIONS = List.of("--csv", "--json", "--png");

    @TempDir
    Path dir;

    /** A hostile file name made safe: no separators or parent references, always inside {@link #dir}. */
    private String insideTempDir(String value) {
        String name = value.replace("/", "_").replace("\\", "_").replace("\0", "_");
        if (name.isBlank() || name.startsWith(".")) {
            name = "f" + name;
        }
        Path path = dir.resolve(name).normalize();
        if (!path.getParent().equals(dir)) {
            throw new AssertionError("fuzz path escaped the test folder: " + path);
        }
        return path.toString();
    }

    @Test
    void hostileValuesGiveOneLineAndLeaveFilesAlone() throws IOException {
        Path existing = dir.resolve("existing.csv");
        Files.writeString(existing, "keep me\n");
        Random random = new Random(20261125);
        int cases = 0;
        for (int i = 0; i < 700; i++) {
            String command = random.nextBoolean() ? "train" : "compare";
            String option = OPTIONS.get(random.nextInt(OPTIONS.size()));
            String value = random.nextInt(3) == 0 ? randomText(random) : NASTY.get(random.nextInt(NASTY.size()));
            if (PATH_OPTIONS.contains(option)) {
                value = insideTempDir(value);
            }
            List<String> args = new ArrayList<>(List.of(command, "--epochs", "3", option, value));
            if (random.nextInt(4) == 0) {
                args.addAll(List.of("--csv", existing.toString()));
            }
            check(args, existing);
            cases++;
        }
        assertThat(cases).isEqualTo(700);
    }

    private void check(List<String> args, Path existing) throws IOException {
        Files.writeString(existing, "keep me\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = XorLabCommand.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String errors = err.toString();
        assertThat(errors).as("args %s", args).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(status).as("args %s gave %s", args, errors).isIn(0, 2);
        if (status == 2) {
            assertThat(errors.strip().lines().count()).as("args %s gave %s", args, errors).isEqualTo(1);
            assertThat(Files.readString(existing)).as("args %s", args).isEqualTo("keep me\n");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith(".")).count())
                    .as("temporary files left by %s", args).isZero();
        }
    }

    private static String randomText(Random random) {
        int length = random.nextInt(40);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            sb.appendCodePoint(switch (kind) {
                case 0 -> '0' + random.nextInt(10);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> random.nextInt(0x3000);
                default -> 0x1F300 + random.nextInt(0x100);
            });
        }
        return sb.toString();
    }
}
