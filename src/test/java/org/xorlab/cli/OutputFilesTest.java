package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class OutputFilesTest {
    @TempDir
    Path dir;

    private final CommandLine command = new CommandLine(new XorLabCommand());

    @Test
    void nothingAppearsUntilCommitAndThenEverythingDoes() throws IOException {
        Path csv = dir.resolve("a.csv");
        Path png = dir.resolve("b.png");
        Files.writeString(csv, "old");
        try (OutputFiles files = new OutputFiles(command)) {
            files.create("--csv", csv).writer().write("new text");
            files.create("--png", png).stream().write(new byte[] {1, 2, 3});

            assertThat(Files.readString(csv)).isEqualTo("old");
            assertThat(png).doesNotExist();
            assertThat(CliRun.listing(dir)).hasSize(3).contains("a.csv").allMatch(n -> n.equals("a.csv")
                    || n.startsWith(".a.csv.") || n.startsWith(".b.png."));

            files.commit();
        }
        assertThat(Files.readString(csv)).isEqualTo("new text");
        assertThat(Files.readAllBytes(png)).containsExactly(1, 2, 3);
        assertThat(CliRun.listing(dir)).containsExactly("a.csv", "b.png");
    }

    @Test
    void aFailureBeforeCommitLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "old");
        assertThatThrownBy(() -> {
            try (OutputFiles files = new OutputFiles(command)) {
                files.create("--csv", csv).writer().write("half of it");
                throw new IllegalStateException("the run failed");
            }
        }).hasMessage("the run failed");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("old");
        assertThat(CliRun.listing(dir)).containsExactly("a.csv");
    }

    @Test
    void twoOptionsCannotNameTheSameFile() {
        try (OutputFiles files = new OutputFiles(command)) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", dir.resolve("x"));
            outputs.put("--json", null);
            outputs.put("--png", dir.resolve("sub/../x"));
            assertThatThrownBy(() -> files.requireDistinct(outputs)).isInstanceOf(ParameterException.class)
                    .hasMessage("--png must name a different file from --csv (both '" + dir.resolve("sub/../x")
                            + "')");
        }
    }
}
