package org.xorlab.run.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Lockstep;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.engine.Weights;

class StudyTest {

    static List<Long> seeds(long from, long to) {
        List<Long> s = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            s.add(i);
        }
        return s;
    }

    static StudyGrid small(List<Long> seeds) {
        return new StudyGrid(TrainingConfig.NOTEBOOK, seeds, List.of(0.5, 2.0), List.of(1, 4), List.of(Optimizer.SGD),
                0.05, Budget.epochs(1500));
    }

    @Test
    void everyRunIsTheTrainersOwnRunStoppedAtTheFirstEpochBelowTheTarget() {
        StudyGrid grid = small(seeds(1, 3));
        StudyResult result = new Study(grid, 2).run();
        assertThat(result.complete()).isTrue();
        for (long i = 0; i < grid.size(); i++) {
            StudyRun run = result.run(i);
            TrainingConfig config = grid.config(grid.cell(i));
            Trainer t = new Trainer(config, Weights.initial(config));
            long firstBelow = 0;
            while (t.epoch() < 1500 && firstBelow == 0) {
                t.stepEpoch();
                if (t.loss() < 0.05) {
                    firstBelow = t.epoch();
                }
            }
            assertThat(run.epochsToTarget()).as("run %d", i).isEqualTo(firstBelow);
            assertThat(run.epochs()).isEqualTo(t.epoch());
            assertThat(run.finalLoss()).isEqualTo(t.loss());
            assertThat(run.updatesToTarget()).isEqualTo(firstBelow * config.updatesPerEpoch());
            assertThat(run.samplesToTarget()).isEqualTo(firstBelow * 4);
            assertThat(run.seed()).isEqualTo(config.seed());
        }
    }

    @Test
    void aSeedsRunsStartFromTheSameWeights() {
        StudyGrid grid = small(seeds(7, 7));
        Weights first = Weights.initial(grid.config(grid.cell(0)));
        for (long i = 1; i < grid.size(); i++) {
            assertThat(Weights.initial(grid.config(grid.cell(i)))).isEqualTo(first);
        }
    }

    @Test
    void threadsDoNotChangeAnyNumber() {
        StudyGrid grid = small(seeds(1, 6));
        StudyResult one = new Study(grid, 1).run();
        StudyResult three = new Study(grid, 3).run();
        assertThat(three.runs()).isEqualTo(one.runs());
    }

    @Test
    void aCancelledStudyKeepsTheRunsItFinished() throws Exception {
        StudyGrid grid = new StudyGrid(TrainingConfig.NOTEBOOK, seeds(1, 200), List.of(0.1), List.of(1, 4),
                List.of(Optimizer.SGD), 1e-6, Budget.epochs(20_000));
        Study study = new Study(grid, 2);
        AtomicReference<StudyResult> out = new AtomicReference<>();
        Thread t = new Thread(() -> out.set(study.run()));
        t.start();
        while (study.done() < 3) {
            Thread.sleep(5);
        }
        study.cancel();
        t.join(10_000);
        assertThat(t.isAlive()).as("run() returned after cancel").isFalse();
        StudyResult r = out.get();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.done()).isBetween(3L, grid.size() - 1);
        assertThat(r.runs()).hasSize((int) r.done()).allSatisfy(run -> assertThat(run.epochs()).isEqualTo(20_000));
    }

    @Test
    void shardsMergeIntoTheWholeStudy() {
        StudyResult whole = new Study(small(seeds(1, 6)), 2).run();
        StudyResult merged = StudyResult.merge(List.of(new Study(small(seeds(4, 6)), 1).run(),
                new Study(small(seeds(1, 3)), 1).run()));
        for (Measure m : Measure.values()) {
            StudySummary a = StudySummary.of(whole, m);
            StudySummary b = StudySummary.of(merged, m);
            assertThat(b.configurations()).isEqualTo(a.configurations());
            assertThat(b.best()).isEqualTo(a.best());
            assertThat(b.pairs()).isEqualTo(a.pairs());
        }
        assertThatThrownBy(() -> StudyResult.merge(List.of(whole, new Study(small(seeds(6, 7)), 1).run())))
                .hasMessage("seed 6 is in more than one study; each seed may be in only one of the studies merged");
        StudyGrid otherRates = new StudyGrid(TrainingConfig.NOTEBOOK, seeds(9, 9), List.of(0.5), List.of(1, 4),
                List.of(Optimizer.SGD), 0.05, Budget.epochs(1500));
        assertThatThrownBy(() -> StudyResult.merge(List.of(whole, new Study(otherRates, 1).run())))
                .hasMessageContaining("study 2 differs from study 1 in learning rates");
    }

    @Test
    void aBudgetInUpdatesGivesFullBatchFourEpochsForEachOfSgds() {
        StudyGrid grid = new StudyGrid(TrainingConfig.NOTEBOOK, seeds(1, 1), List.of(0.1), List.of(1, 4),
                List.of(Optimizer.SGD), 1e-9, new Budget(Measure.UPDATES, 10));
        StudyResult r = new Study(grid, 1).run();
        assertThat(r.run(0).epochs()).as("sgd: 4 updates an epoch, 12 >= 10 after 3").isEqualTo(3);
        assertThat(r.run(1).epochs()).as("batch: 1 update an epoch").isEqualTo(10);
    }

    @Test
    void badGridsAreRefusedNamingWhatIsAllowed() {
        TrainingConfig b = TrainingConfig.NOTEBOOK;
        assertThatThrownBy(() -> new StudyGrid(b, List.of(), List.of(1.0), List.of(1), List.of(Optimizer.SGD), 0.01,
                Budget.epochs(10))).hasMessage("a study needs at least one of its seeds (got none)");
        assertThatThrownBy(() -> new StudyGrid(b, List.of(1L), List.of(0.0), List.of(1), List.of(Optimizer.SGD), 0.01,
                Budget.epochs(10))).hasMessage("learning rate must be a finite number greater than 0 (got 0.0)");
        assertThatThrownBy(() -> new StudyGrid(b, List.of(1L), List.of(1.0), List.of(5), List.of(Optimizer.SGD), 0.01,
                Budget.epochs(10))).hasMessage("batch size must be a whole number from 1 to 4 (got 5)");
        assertThatThrownBy(() -> new StudyGrid(b, List.of(1L, 1L), List.of(1.0), List.of(1), List.of(Optimizer.SGD),
                0.01, Budget.epochs(10))).hasMessage("the seeds must each be given once (1 is twice)");
        assertThatThrownBy(() -> new Study(small(seeds(1, 1)), 0))
                .hasMessage("threads must be a whole number from 1 up (got 0)");
    }

    @Test
    void runsAreNumberedSeedFirstAndBack() {
        StudyGrid grid = new StudyGrid(TrainingConfig.NOTEBOOK, List.of(5L, 3L), List.of(0.1, 1.0, 3.0),
                List.of(1, 2, 4), List.of(Optimizer.SGD, Optimizer.ADAM), 0.01, Budget.epochs(10));
        assertThat(grid.size()).isEqualTo(2 * 3 * 3 * 2);
        List<StudyGrid.StudyCell> cells = new ArrayList<>();
        for (long s : grid.seeds()) {
            for (Optimizer o : grid.optimizers()) {
                for (int k : grid.batchSizes()) {
                    for (double r : grid.learningRates()) {
                        cells.add(new StudyGrid.StudyCell(s, o, k, r));
                    }
                }
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            StudyGrid.StudyCell c = cells.get(i);
            assertThat(grid.cell(i)).isEqualTo(c);
            assertThat(grid.indexOf(c.seed(), c.optimizer(), c.batchSize(), c.learningRate())).isEqualTo(i);
        }
        assertThat(grid.methods()).extracting(StudyMethod::name)
                .containsExactly("sgd", "minibatch2", "batch", "Adam-batch1", "Adam-batch2", "Adam-batch4");
    }

    /** Keeps the Lockstep import honest: a one-run lockstep counts the first epoch below the target. */
    @Test
    void aOneRunLockstepStopsCountingAtTheFirstEpochBelow() {
        Trainer t = new Trainer(TrainingConfig.NOTEBOOK);
        Lockstep l = new Lockstep(List.of(t), 0.2, Budget.epochs(10_000));
        while (l.epochsToTarget(0) == 0) {
            l.stepEpoch(Measure.EPOCHS, null);
        }
        assertThat(l.epochsToTarget(0)).isEqualTo(t.epoch());
    }
}
