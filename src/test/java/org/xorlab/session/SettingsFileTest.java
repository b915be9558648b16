package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;

/**
 * The remembered settings: they round-trip, and a bad file never stops the window from opening, including a sparse
 * gigabyte and a FIFO (each with a timeout, so a regression fails instead of hanging the suite).
 */
class SettingsFileTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    private SettingsFile file() {
        return new SettingsFile(home.resolve("settings.json"));
    }

    private String warnings() {
        return warnings.toString(StandardCharsets.UTF_8);
    }

    private PrintStream warningStream() {
        return new PrintStream(warnings, true, StandardCharsets.UTF_8);
    }

    @Test
    void settingsRoundTrip() throws Exception {
        AppSettings saved = new AppSettings(
                new RunSettings(new TrainingConfig(Dataset.XNOR, 5, 4_294_967_295L, 0.75, 3), true, 1234, 0.002),
                Double.POSITIVE_INFINITY, 1.1, 2.0,
                new AppSettings.WindowBounds(-1200, 30, 1400, 900, true), home.resolve("exports").toString());
        file().save(saved);
        assertThat(file().load(warningStream())).isEqualTo(saved);
        assertThat(warnings()).isEmpty();
        assertThat(Files.readString(home.resolve("settings.json"))).contains("\"speed\" : \"max\"");
    }

    @Test
    void theGeneralNetworksOptionsAreRemembered() throws Exception {
        TrainingConfig c = new TrainingConfig(Dataset.OR, 3, 9, 0.02, 2).withHiddenLayers(3, 5, 2);
        c = c.withOptions(c.options().withActivation(org.xorlab.engine.Activation.RELU)
                .withLoss(org.xorlab.engine.TrainingOptions.Loss.CROSS_ENTROPY)
                .withOptimizer(org.xorlab.engine.TrainingOptions.Optimizer.NESTEROV)
                .withHyperParameters(0.5, 0.6, 0.7, 0.8, 1e-6)
                .withRegularization(org.xorlab.engine.TrainingOptions.Regularization.L1, 0.03)
                .withInit(org.xorlab.engine.TrainingOptions.Init.XAVIER)
                .withOrder(org.xorlab.engine.TrainingOptions.Order.SHUFFLE));
        AppSettings saved = AppSettings.DEFAULT.withRun(new RunSettings(c, false, 500, 0.01));
        file().save(saved);
        assertThat(file().load(warningStream())).isEqualTo(saved);
        assertThat(warnings()).isEmpty();
        assertThat(Files.readString(home.resolve("settings.json"))).contains("\"optimizer\" : \"nesterov\"");
    }

    @Test
    void settingsRememberedBeforeTheOptionsExistedLoadWithTheNotebooksOptionsSilently() throws Exception {
        Files.writeString(home.resolve("settings.json"), """
                {"run": {"dataset": "and", "hidden": 4, "seed": 5, "learning_rate": 0.3, "batch_size": 2,
                         "stop": {"at": "epochs", "epochs": 700, "target_loss": 0.02}}}
                """);
        RunSettings run = file().load(warningStream()).run();
        assertThat(run.config()).isEqualTo(new TrainingConfig(Dataset.AND, 4, 5, 0.3, 2));
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aBadOptionFallsBackToItsDefaultAndKeepsTheOthers() throws Exception {
        Files.writeString(home.resolve("settings.json"), """
                {"run": {"dataset": "and", "hidden": [4, 9], "seed": 5, "learning_rate": 0.3, "batch_size": 2,
                         "activation": "tanh", "optimizer": "adagrad", "momentum": 2,
                         "stop": {"at": "epochs", "epochs": 700, "target_loss": 0.02}}}
                """);
        TrainingConfig c = file().load(warningStream()).run().config();
        assertThat(c.hiddenLayers()).containsExactly(2);
        assertThat(c.options().activation()).isEqualTo(org.xorlab.engine.Activation.TANH);
        assertThat(c.options().optimizer()).isEqualTo(org.xorlab.engine.TrainingOptions.Optimizer.SGD);
        assertThat(c.options().momentum()).isEqualTo(0.9);
        assertThat(warnings()).contains("hidden units must be a whole number from 1 to 8 (got 9)",
                "unknown optimizer 'adagrad'; allowed: sgd, momentum, nesterov, rmsprop, adam",
                "momentum must be a number from 0 up to but not including 1 (got 2.0)");
    }

    @Test
    void saveCreatesTheFolder() throws Exception {
        SettingsFile nested = new SettingsFile(home.resolve("a/b/settings.json"));
        nested.save(AppSettings.DEFAULT.withSpeed(30));
        assertThat(nested.load(warningStream()).speed()).isEqualTo(30);
    }

    @Test
    void aMissingFileGivesTheDefaultsSilently() {
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aCorruptFileIsIgnoredWithOneLineOfWarning() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"run\": {\"dataset\": \"xor\", ");
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings().lines()).hasSize(1);
        assertThat(warnings()).startsWith("xorlab: ignoring the settings file " + home.resolve("settings.json"))
                .contains("ends too early");
    }

    @Test
    void aFileThatIsNotAnObjectIsIgnored() throws Exception {
        Files.writeString(home.resolve("settings.json"), "[1, 2, 3]");
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings().lines()).containsExactly("xorlab: ignoring the settings file "
                + home.resolve("settings.json") + ": it is not a JSON object {...}");
    }

    @Test
    void anUnreadableFileIsIgnored() throws Exception {
        Files.createDirectory(home.resolve("settings.json"));
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings().lines()).hasSize(1);
        assertThat(warnings().lines()).containsExactly("xorlab: ignoring the settings file " + home.resolve("settings.json")
                + ": it is a folder, not a settings file");
    }

    @Test
    void outOfRangeValuesFallBackToTheirDefaultsAndKeepTheRest() throws Exception {
        Files.writeString(home.resolve("settings.json"), """
                {"run": {"dataset": "and", "hidden": 9, "seed": 5, "learning_rate": -1, "batch_size": 2,
                         "stop": {"at": "loss", "epochs": 500, "target_loss": 0.02}},
                 "speed": 0, "zoom": 7, "presenter_zoom": 2.0,
                 "window": {"x": 10, "y": 20, "width": 5, "height": 900}}
                """);
        AppSettings s = file().load(warningStream());
        TrainingConfig c = s.run().config();
        assertThat(c.dataset()).isEqualTo(Dataset.AND);
        assertThat(c.hidden()).isEqualTo(TrainingConfig.NOTEBOOK.hidden());
        assertThat(c.seed()).isEqualTo(5);
        assertThat(c.learningRate()).isEqualTo(TrainingConfig.NOTEBOOK.learningRate());
        assertThat(c.batchSize()).isEqualTo(2);
        assertThat(s.run().stopAtLoss()).isTrue();
        assertThat(s.run().stopEpochs()).isEqualTo(500);
        assertThat(s.speed()).isEqualTo(AppSettings.DEFAULT.speed());
        assertThat(s.zoom()).isEqualTo(1.0);
        assertThat(s.presenterZoom()).isEqualTo(2.0);
        assertThat(s.window()).isNull();
        assertThat(warnings().lines()).hasSize(1);
        assertThat(warnings()).contains("hidden units must be a whole number from 1 to 8 (got 9)")
                .contains("learning rate must be").contains("speed must be").contains("zoom must be")
                .contains("window size must be").contains("using the defaults instead");
    }

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    /** The one line the window's start prints for a settings file it ignores whole. */
    private String ignored(String why) {
        return "xorlab: ignoring the settings file " + home.resolve("settings.json") + ": " + why;
    }

    @Test
    void aOneGigabyteSettingsFileIsIgnoredWithoutReadingIt() throws Exception {
        Path big = SpecialFiles.sparse(home.resolve("settings.json"), "{\"zoom\": 1.5, \"x\": \"", SpecialFiles.GIGABYTE);
        try {
            AppSettings loaded = assertTimeoutPreemptively(QUICKLY, () -> file().load(warningStream()));
            assertThat(loaded).isEqualTo(AppSettings.DEFAULT);
            assertThat(warnings().lines()).containsExactly(
                    ignored("it is 1,024 MB, more than a settings file can be (at most 1 MB)"));
            assertThat(Files.size(big)).isEqualTo(SpecialFiles.GIGABYTE);
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void aSettingsFileThatIsAFifoIsIgnoredWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(home.resolve("settings.json"));
        AppSettings loaded = assertTimeoutPreemptively(QUICKLY, () -> file().load(warningStream()));
        assertThat(loaded).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings().lines()).containsExactly(
                ignored("it is a named pipe (FIFO), not a regular file; XOR Lab reads only regular files"));
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void settingsAreNotSavedIntoAFifoWhereNothingReadsSoExitNeverBlocks() throws Exception {
        Path fifo = SpecialFiles.fifo(home.resolve("settings.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertTimeoutPreemptively(QUICKLY,
                () -> file().save(AppSettings.DEFAULT)))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aLatin1SettingsFileIsCalledNotUtf8() throws Exception {
        Files.write(home.resolve("settings.json"), "{\"zoom\": 1.5,\n \"last_folder\": \"/home/zoé/cours\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings().lines()).containsExactly(ignored(
                "it is not UTF-8 text: line 2 has a byte 0xE9 that UTF-8 does not allow there (save the file as UTF-8)"));
    }

    @Test
    void syntaxErrorsAndDuplicatesAreToldInPlainWords() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"zoom\": 1.5 \"speed\": 30}");
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        Files.writeString(home.resolve("settings.json"), "{\"zoom\": 1.5, \"zoom\": 2}");
        assertThat(file().load(warningStream())).isEqualTo(AppSettings.DEFAULT);
        assertThat(warnings().lines()).containsExactly(
                ignored("it is not valid JSON at line 1, column 14: '\"' where a comma or '}' should be"),
                ignored("\"zoom\" is given twice (again at line 1); each field may appear once"));
    }

    @Test
    void unknownFieldsAreSkippedAndTheRestIsRead() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"from_a_newer_version\": {\"a\": [" + "[1, 2], ".repeat(20_000)
                + "3]}, \"zoom\": 1.5}");
        assertThat(file().load(warningStream()).zoom()).isEqualTo(1.5);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void theFileIsInXorlabHomeIfSetElseInTheUsersHome() {
        assertThat(SettingsFile.forEnvironment(Map.of("XORLAB_HOME", "/tmp/x"), "/home/u").path())
                .isEqualTo(Path.of("/tmp/x/settings.json"));
        assertThat(SettingsFile.forEnvironment(Map.of("XORLAB_HOME", " "), "/home/u").path())
                .isEqualTo(Path.of("/home/u/.xorlab/settings.json"));
        assertThat(SettingsFile.forEnvironment(Map.of(), "/home/u").path())
                .isEqualTo(Path.of("/home/u/.xorlab/settings.json"));
    }
}
