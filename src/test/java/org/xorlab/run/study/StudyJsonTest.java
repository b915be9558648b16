package org.xorlab.run.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;

/** A study written as JSON reads back as the same grid and runs, and so the same summary. */
class StudyJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static StudyResult run(StudyGrid grid) {
        return new Study(grid, 2).run();
    }

    private StudyResult roundTrip(StudyResult result, Measure measure) throws Exception {
        Path file = dir.resolve("study.json");
        Files.writeString(file, StudyJson.text(result, measure));
        return StudyJson.read(file);
    }

    @Test
    void aTruthTableStudyReadsBackRunForRun() throws Exception {
        StudyGrid grid = new StudyGrid(new TrainingConfig(Dataset.XOR, 2, 0, 1, 1), List.of(1L, 2L, 3L, 7L),
                List.of(1.0, 3.0), List.of(1, 4), List.of(TrainingOptions.Optimizer.SGD), 0.01, Budget.epochs(1500));
        StudyResult result = run(grid);
        StudyResult back = roundTrip(result, Measure.UPDATES);

        assertThat(back.grid()).isEqualTo(grid);
        assertThat(back.runs()).isEqualTo(result.runs());
        assertThat(back.complete()).isTrue();
        JsonNode written = JSON.readTree(StudyJson.text(result, Measure.UPDATES));
        JsonNode again = JSON.readTree(StudyJson.text(back, Measure.UPDATES));
        assertThat(again).isEqualTo(written);
    }

    @Test
    void aStudyOnPointsWithOtherOptionsReadsBackToo() throws Exception {
        Samples points = Samples.of(new double[] {0, 0, 1, 1, 0.5, 0.2}, new double[] {0, 1, 0, 1, 0.5, 0.9},
                new double[] {0, 1, 1, 0, 1, 0});
        TrainingOptions options = TrainingOptions.NOTEBOOK.withFeatures(List.of(Feature.values()[0],
                Feature.values()[1], Feature.values()[4])).withData(Data.of("six.csv", points));
        options = new TrainingOptions(List.of(3), Activation.values()[1], TrainingOptions.Loss.values()[1],
                TrainingOptions.Optimizer.SGD, 0.8, 0.9, 0.9, 0.999, 1e-8, TrainingOptions.Regularization.values()[2],
                1e-4, TrainingOptions.Init.values()[1], TrainingOptions.Order.values()[1], options.features(),
                options.data());
        StudyGrid grid = new StudyGrid(new TrainingConfig(Dataset.XOR, 3, 0, 1, 1, options), List.of(5L, 9L),
                List.of(0.05, 0.5), List.of(2, 6), List.of(TrainingOptions.Optimizer.ADAM,
                TrainingOptions.Optimizer.MOMENTUM), 0.05, new Budget(Measure.SAMPLES, 900));
        StudyResult result = run(grid);
        StudyResult back = roundTrip(result, Measure.EPOCHS);

        assertThat(back.grid()).isEqualTo(grid);
        assertThat(back.runs()).isEqualTo(result.runs());
    }

    @Test
    void aFileWithRunsOutsideItsGridIsRefused() throws Exception {
        StudyGrid grid = new StudyGrid(new TrainingConfig(Dataset.XOR, 2, 0, 1, 1), List.of(1L), List.of(3.0),
                List.of(4), List.of(TrainingOptions.Optimizer.SGD), 0.01, Budget.epochs(200));
        String text = StudyJson.text(run(grid), Measure.EPOCHS).replace("\"seed\" : 1,",
                "\"seed\" : 2,");
        Path file = dir.resolve("other.json");
        Files.writeString(file, text);
        assertThatThrownBy(() -> StudyJson.read(file)).isInstanceOf(StudyFileException.class)
                .hasMessage("run seed 2, sgd, batch size 4, learning rate 3 is not in the study's grid");
    }
}
