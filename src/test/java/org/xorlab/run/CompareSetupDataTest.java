package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Data;
import org.xorlab.engine.Feature;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/** The compare setup on data beyond the truth tables: batch sizes 1 to n, names with n, the verdict naming the data. */
class CompareSetupDataTest {
    private static final Data SPIRAL = Data.split("spiral (100 points, noise 0.1, seed 2)",
            PointCloud.SPIRAL.generate(100, 0.1, 2), 0.2, 2);
    private static final List<Feature> FEATURES = List.of(Feature.X1, Feature.X2, Feature.SIN1, Feature.SIN2);

    @Test
    void theNotebooksRaceMovesToTheDataWithBatchGdStillTheFullBatch() {
        CompareSetup setup = CompareSetup.NOTEBOOK.withData(SPIRAL, FEATURES);
        assertThat(setup.sampleCount()).isEqualTo(80);
        assertThat(setup.runs()).extracting(CompareSetup.Run::batchSize).containsExactly(1, 80);
        assertThat(setup.names()).containsExactly("SGD (batch size 1)", "Batch GD (batch size 80)");
        assertThat(setup.dataName()).isEqualTo("spiral (100 points, noise 0.1, seed 2)");
        for (int i = 0; i < 2; i++) {
            TrainingConfig c = setup.config(i);
            assertThat(c.samples()).isEqualTo(SPIRAL.train());
            assertThat(c.testSamples()).isEqualTo(SPIRAL.test());
            assertThat(c.options().features()).isEqualTo(FEATURES);
        }
        // Back on the truth table: the full batch is 4 again, the notebook's race exactly.
        CompareSetup back = setup.withData(Data.TRUTH_TABLE, Feature.DEFAULT);
        assertThat(back).isEqualTo(CompareSetup.NOTEBOOK);
    }

    @Test
    void aMiniBatchLargerThanTheNewDataBecomesItsFullBatchAndAnAddedRunFits() {
        CompareSetup mini = CompareSetup.NOTEBOOK.withData(SPIRAL, FEATURES)
                .withRun(1, new CompareSetup.Run(0.1, 50));
        Data small = Data.of("eight points", PointCloud.GAUSS.generate(8, 0, 1));
        CompareSetup fitted = mini.withData(small, Feature.DEFAULT);
        assertThat(fitted.runs()).extracting(CompareSetup.Run::batchSize).containsExactly(1, 8);
        CompareSetup three = fitted.withAddedRun();
        assertThat(three.runs().get(2).batchSize()).isEqualTo(2);
        assertThat(three.names()).containsExactly("SGD (batch size 1)", "Batch GD (batch size 8)",
                "Mini-batch GD (batch size 2)");
    }

    @Test
    void aBatchBeyondTheTrainingPointsIsRefusedSayingHowManyThereAre() {
        CompareSetup setup = CompareSetup.NOTEBOOK.withData(SPIRAL, FEATURES);
        assertThatThrownBy(() -> setup.withRun(0, new CompareSetup.Run(0.1, 81)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be a whole number from 1 to 80, the number of training samples (got 81)");
        assertThatThrownBy(() -> new CompareSetup.Run(0.1, 1001))
                .hasMessage("batch size must be a whole number from 1 to 1000 (got 1001)");
        assertThatThrownBy(() -> setup.withData(SPIRAL, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRaceTrainsWhatABareTrainerTrainsAndTheVerdictReadsTheData() {
        CompareSetup setup = CompareSetup.NOTEBOOK.withData(SPIRAL, FEATURES).withBudget(Budget.epochs(30))
                .withTargetLoss(0.2);
        TrainingLoop loop = new TrainingLoop(setup.specs(), setup.stopRule(), TrainingLoop.MAX_SPEED);
        loop.setBudget(setup.budget());
        loop.play();
        List<TrainingFrame> frames = new ArrayList<>();
        loop.runUntilIdle(frames::add);
        TrainingFrame last = frames.get(frames.size() - 1);
        for (int i = 0; i < 2; i++) {
            Trainer bare = new Trainer(setup.config(i));
            bare.runEpochs(30, (e, loss) -> { });
            RunFrame run = last.runs().get(i);
            assertThat(run.snapshot().epoch()).isEqualTo(30);
            assertThat(run.snapshot().weights()).isEqualTo(bare.weights());
            assertThat(run.testHistory().size()).isEqualTo(30);
            assertThat(run.testHistory().get(29)).isEqualTo(bare.testLoss());
        }
        // The verdict reads the runs' own configs: what it says of the data is the spiral's, never the truth table's.
        CompareSummary summary = CompareSummary.of(last, setup.budget());
        assertThat(summary.result().runs()).allSatisfy(r -> assertThat(r.config().dataName())
                .isEqualTo("spiral (100 points, noise 0.1, seed 2)"));
        assertThat(summary.verdict()).startsWith("No run got below 0.2 in 30 epochs").doesNotContainIgnoringCase("xor");
    }
}
