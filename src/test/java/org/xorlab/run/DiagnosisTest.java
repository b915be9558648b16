package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.run.DiagnosisNote.Kind;

/**
 * Each diagnosis note in a situation built to produce it, through the window's own {@link TrainingLoop}; and the
 * notebook's two runs, which must get only the notes that are true of them. The situations were found by
 * experiment (seeds 0 to 9, rates 0.1 to 1e12, every hidden activation and loss); the comments say why each one
 * does what it does.
 */
class DiagnosisTest {
    private static final TrainingConfig SGD = TrainingConfig.NOTEBOOK;

    private final List<TrainingFrame> frames = new ArrayList<>();

    /** Plays {@code config} for {@code epochs} epochs with the diagnosis on and returns the last frame's run. */
    private RunFrame play(TrainingConfig config, long epochs) {
        TrainingLoop loop = new TrainingLoop(List.of(new RunSpec("Loss", config)),
                new StopRule(false, epochs, StopRule.DEFAULT.targetLoss()), TrainingLoop.MAX_SPEED);
        loop.diagnose(true);
        loop.play();
        loop.runUntilIdle(frames::add);
        return frames.get(frames.size() - 1).runs().get(0);
    }

    private static List<Kind> kinds(RunFrame run) {
        return run.notes().stream().map(DiagnosisNote::kind).toList();
    }

    private static List<Long> epochs(RunFrame run) {
        return run.notes().stream().map(DiagnosisNote::epoch).toList();
    }

    /**
     * The notebook's run (seed 42, rate 0.1, SGD, 10,000 epochs) has one true plateau: from its first epoch's 0.324
     * it falls to 0.254 by epoch 52 (the output near 0.5 for every input, the hidden units still alike) and then
     * moves by less than 1% in 500 epochs (0.2540 to 0.2515 at epoch 552) before SGD's per-sample steps break the
     * symmetry and the loss falls to 0.0027. Nothing else applies: at most 2 of its 8 unit-sample pairs ever have
     * |z| > 5, its mean gradient never falls below 7.8e-4, and it never diverges.
     */
    @Test
    void theNotebooksRunHasOnlyItsEarlyPlateau() {
        RunFrame run = play(SGD, 10_000);

        assertThat(run.snapshot().epoch()).isEqualTo(10_000);
        assertThat(kinds(run)).containsExactly(Kind.PLATEAU);
        DiagnosisNote plateau = run.notes().get(0);
        assertThat(plateau.epoch()).isEqualTo(552);
        assertThat(plateau.text()).startsWith("From epoch 52 to 552 the loss changed by less than 1")
                .contains("0.254 to 0.2515").contains("above the target 0.01");
        assertThat(plateau.suggestion()).contains("learning rate");
    }

    /**
     * Batch GD at the notebook's rate sits on the same plateau longer (0.2520 at epoch 177 to 0.2495 at 677) and is
     * still at 0.18 after 10,000 epochs: slow but moving (its mean gradient stays above 1.8e-3), so it is not stuck.
     */
    @Test
    void batchGradientDescentPlateausButIsNotStuck() {
        RunFrame run = play(SGD.withBatchSize(Dataset.SIZE), 10_000);

        assertThat(kinds(run)).containsExactly(Kind.PLATEAU);
        assertThat(epochs(run)).containsExactly(677L);
        assertThat(run.notes().get(0).text()).startsWith("From epoch 177 to 677");
    }

    /**
     * Rate 20 from seed 0: the first few hundred updates push the hidden weights so far that z = W1 x + b1 lies
     * beyond 5 (or below -5) for most samples. There the sigmoid's slope is under 0.0066, backpropagation multiplies
     * every hidden gradient by it, and the loss freezes at 0.233 instead of falling: the note's own warning. After
     * the saturation the weights stop moving (stuck) and the loss is flat (plateau), so those two follow.
     */
    @Test
    void aLargeRateSaturatesTheHiddenUnits() {
        RunFrame run = play(new TrainingConfig(Dataset.XOR, 2, 0, 20, 1), 3_000);

        assertThat(kinds(run)).containsExactly(Kind.SATURATION, Kind.STUCK, Kind.PLATEAU);
        DiagnosisNote saturation = run.notes().get(0);
        assertThat(saturation.epoch()).isEqualTo(166);
        assertThat(saturation.text()).startsWith("At epoch 166 most hidden sigmoid units have saturated (|z| > 5 for ")
                .containsPattern("for [678] of 8 unit-sample pairs")
                .contains("the gradient vanishes");
        assertThat(saturation.suggestion()).isEqualTo("Try a smaller learning rate or Xavier init.");
        assertThat(run.snapshot().loss()).as("the loss it froze at").isBetween(0.2, 0.25);
        // The notebook's rate from the same seed never saturates.
        assertThat(kinds(play(new TrainingConfig(Dataset.XOR, 2, 0, 0.1, 1), 3_000)))
                .doesNotContain(Kind.SATURATION);
    }

    /**
     * tanh hidden units saturate as the sigmoid's do (tanh'(5) = 0.00018): from seed 3 at rate 20 at epoch 60, and
     * the loss stays near 0.24; at the notebook's rate they do not.
     */
    @Test
    void tanhUnitsSaturateToo() {
        TrainingOptions tanh = TrainingOptions.NOTEBOOK.withActivation(Activation.TANH);
        RunFrame run = play(new TrainingConfig(Dataset.XOR, 2, 3, 20, 1, tanh), 3_000);

        assertThat(kinds(run)).containsExactly(Kind.SATURATION);
        assertThat(epochs(run)).containsExactly(60L);
        assertThat(run.notes().get(0).text()).startsWith("At epoch 60 most hidden tanh units have saturated");
        assertThat(run.snapshot().loss()).isBetween(0.2, 0.25);
        assertThat(kinds(play(new TrainingConfig(Dataset.XOR, 2, 3, 0.1, 1, tanh), 3_000)))
                .doesNotContain(Kind.SATURATION);
    }

    /**
     * The notebook's network at rate 1 from seed 42 lands in XOR's well-known local minimum: one hidden unit
     * saturated off for every input (4 of 8 pairs, not most), the other left to fit all four targets alone, which
     * one sigmoid cannot. The loss flattens at 0.1334 (a plateau by epoch 2,183) and the mean gradient decays
     * below 1e-4 at epoch 5,905, so after 200 such epochs, at epoch 6,104, the run is stuck.
     */
    @Test
    void aLocalMinimumIsStuck() {
        RunFrame run = play(SGD.withLearningRate(1), 10_000);

        assertThat(kinds(run)).containsExactly(Kind.PLATEAU, Kind.STUCK);
        assertThat(epochs(run)).containsExactly(2_183L, 6_104L);
        DiagnosisNote stuck = run.notes().get(1);
        assertThat(stuck.text()).startsWith("At epoch 6,104 the run looks stuck in a local minimum")
                .contains("below 0.0001").contains("0.1336");
        assertThat(stuck.suggestion()).contains("another seed");
        assertThat(run.snapshot().loss()).isBetween(0.13, 0.14);
    }

    /**
     * Linear hidden units with cross-entropy at rate 2: the output's error y_hat - y stays near 1 for a wrong,
     * saturated output, so each update grows the unbounded linear units further and the loss overflows at epoch 212.
     * The same network with mean squared error does not diverge: its error carries the factor y_hat (1 - y_hat),
     * which vanishes as the output saturates and stops the growth (it settles at 0.283 instead).
     */
    @Test
    void crossEntropyDivergesWhereMeanSquaredErrorSettles() {
        TrainingOptions linear = TrainingOptions.NOTEBOOK.withActivation(Activation.LINEAR);
        TrainingConfig crossEntropy = new TrainingConfig(Dataset.XOR, 2, 42, 2, 1,
                linear.withLoss(TrainingOptions.Loss.CROSS_ENTROPY));

        RunFrame run = play(crossEntropy, 3_000);

        assertThat(run.snapshot().diverged()).isTrue();
        assertThat(kinds(run)).containsExactly(Kind.DIVERGENCE);
        DiagnosisNote diverged = run.notes().get(0);
        assertThat(diverged.epoch()).isEqualTo(212).isEqualTo(run.snapshot().divergence().epoch());
        assertThat(diverged.text()).startsWith("At epoch 212 the run diverged at learning rate 2")
                .contains("linear hidden units have no upper bound").contains("cross-entropy");
        assertThat(diverged.suggestion())
                .isEqualTo("Try a learning rate of 0.2 or less, mean squared error, or sigmoid or tanh hidden units.");

        RunFrame mse = play(new TrainingConfig(Dataset.XOR, 2, 42, 2, 1, linear), 3_000);
        assertThat(mse.snapshot().diverged()).isFalse();
        assertThat(kinds(mse)).doesNotContain(Kind.DIVERGENCE);
    }

    /**
     * At epoch 10,000 the timeline keeps epoch 160 of the early ones, not 166; the note's link must still show 166,
     * with the weights the run had then.
     */
    @Test
    void aNotesEpochCanBeShownExactlyAfterTheHistoryThinnedIt() {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 2, 0, 20, 1);
        TrainingLoop loop = new TrainingLoop(List.of(new RunSpec("Loss", config)), new StopRule(false, 10_000, 0.01),
                TrainingLoop.MAX_SPEED);
        loop.diagnose(true);
        loop.play();
        loop.runUntilIdle(frames::add);
        RunFrame run = frames.get(frames.size() - 1).runs().get(0);
        assertThat(run.notes().get(0).epoch()).isEqualTo(166);
        assertThat(run.weightHistory().at(166).epoch()).as("thinned").isLessThan(166);

        loop.preview(166);
        loop.runUntilIdle(frames::add);
        Preview preview = frames.get(frames.size() - 1).runs().get(0).preview();
        assertThat(preview.epoch()).isEqualTo(166);
        org.xorlab.engine.Trainer bare = new org.xorlab.engine.Trainer(config);
        bare.runEpochs(166, null);
        assertThat(preview.weights()).isEqualTo(bare.weights());
    }

    /**
     * The stuck rule's measure: with batch GD an epoch is one update, so the distance the weights moved over the rate
     * is exactly the norm of the gradient backpropagation computed for it.
     */
    @Test
    void theMeanGradientOfABatchEpochIsItsGradientsNorm() {
        org.xorlab.engine.Trainer t = new org.xorlab.engine.Trainer(SGD.withBatchSize(Dataset.SIZE));
        org.xorlab.engine.Weights before = t.weights();
        t.stepEpoch();
        var trace = t.lastUpdate();
        double sum = 0;
        for (var m : List.of(trace.gradW1(), trace.gradB1(), trace.gradW2(), trace.gradB2())) {
            sum += Math.pow(m.getFrobeniusNorm(), 2);
        }
        assertThat(Diagnosis.meanGradient(before, t.weights(), 0.1, 1))
                .isCloseTo(Math.sqrt(sum), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.weights().distance(before)).isEqualTo(before.distance(t.weights())).isPositive();
        assertThat(before.distance(before)).isZero();
    }

    /** Without the window asking, no run pays for a diagnosis, and a reset forgets the notes. */
    @Test
    void offUnlessAskedAndForgottenOnReset() {
        TrainingLoop loop = new TrainingLoop(List.of(new RunSpec("Loss", SGD.withBatchSize(Dataset.SIZE))),
                new StopRule(false, 1_000, 0.01), TrainingLoop.MAX_SPEED);
        loop.play();
        loop.runUntilIdle(frames::add);
        assertThat(frames.get(frames.size() - 1).runs().get(0).notes()).isEmpty();

        loop.reset();
        loop.diagnose(true);
        loop.play();
        loop.runUntilIdle(frames::add);
        assertThat(kinds(frames.get(frames.size() - 1).runs().get(0))).containsExactly(Kind.PLATEAU);

        loop.reset();
        loop.runUntilIdle(frames::add);
        assertThat(frames.get(frames.size() - 1).runs().get(0).notes()).isEmpty();
    }
}
