package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.Samples;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.WeightHistory;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * The landscape the window draws, from runs trained here: paths from the weight history, shown points, the grid's
 * loss, and the gradient noise's angles and readout, each against a value computed independently in the test.
 */
class LandscapeTest {

    /** Trains {@code config} for {@code epochs}, recording every epoch's weights as the training loop does. */
    private static Landscape.Run train(String name, TrainingConfig config, int epochs) {
        Trainer trainer = new Trainer(config);
        WeightHistory history = new WeightHistory();
        history.record(0, trainer.weights());
        for (int e = 1; e <= epochs; e++) {
            trainer.stepEpoch();
            history.record(e, trainer.weights());
        }
        return new Landscape.Run(name, config, history, List.of(), trainer.weights(), epochs);
    }

    @Test
    void sgdAndBatchGdStartTogetherAndEachEndsAtItsShownWeights() {
        Landscape.Run sgd = train("SGD", TrainingConfig.NOTEBOOK, 600);
        Landscape.Run batch = train("Batch GD", TrainingConfig.NOTEBOOK.withBatchSize(4), 600);
        Landscape.Picture p = Landscape.compute(LossPlane.Spec.START_END, List.of(sgd, batch), false);
        Landscape.Path a = p.paths().get(0);
        Landscape.Path b = p.paths().get(1);
        assertThat(a.a()).hasSize(601);
        // One seed, one start: both paths begin at the plane's origin.
        assertThat(a.a()[0]).isEqualTo(b.a()[0]).isCloseTo(0, within(1e-15));
        assertThat(a.b()[0]).isEqualTo(b.b()[0]).isCloseTo(0, within(1e-15));
        // The start-end plane has the first run's end on its a axis and the second's in the plane.
        assertThat(a.shownA()).isCloseTo(sgd.shown().distance(sgd.history().at(0).weights()), within(1e-12));
        assertThat(a.shownB()).isCloseTo(0, within(1e-12));
        double[] end = p.plane().point(b.shownA(), b.shownB());
        double[] actual = batch.shown().flat();
        for (int k = 0; k < end.length; k++) {
            assertThat(end[k]).isCloseTo(actual[k], within(1e-12));
        }
        // The shown loss is the weights' own loss over the four samples.
        assertThat(a.shownLoss()).isEqualTo(sgd.shown().loss(TrainingConfig.NOTEBOOK.samples(),
                TrainingConfig.NOTEBOOK.options()));
        assertThat(p.n()).isEqualTo(Landscape.MAX_GRID);
        assertThat(p.losses()).hasSize(100 * 100);
        for (double[] xy : new double[][] {{a.shownA(), a.shownB()}, {b.shownA(), b.shownB()}, {0, 0}}) {
            assertThat(p.window().contains(xy[0], xy[1])).isTrue();
        }
        assertThat(p.readout()).isEqualTo("Epoch 600: loss SGD " + NumberText.brief(a.shownLoss()) + " and Batch GD "
                + NumberText.brief(b.shownLoss()) + " over all 4 samples at the weights shown.");
    }

    @Test
    void aLongRunsPathIsThinnedKeepingItsFirstAndLastEpochs() {
        Landscape.Run run = train("SGD", TrainingConfig.NOTEBOOK, 5000);
        double[][] path = Landscape.path(run);
        assertThat(path.length).isLessThanOrEqualTo(Landscape.PATH_POINTS).isGreaterThan(Landscape.PATH_POINTS - 10);
        assertThat(path[0]).containsExactly(run.history().at(0).weights().flat());
        assertThat(path[path.length - 1]).containsExactly(run.shown().flat());
    }

    @Test
    void stepsAfterTheLastEpochExtendThePath() {
        TrainingConfig config = TrainingConfig.NOTEBOOK;
        Trainer trainer = new Trainer(config);
        WeightHistory history = new WeightHistory();
        history.record(0, trainer.weights());
        trainer.runEpochs(10, null);
        history.record(10, trainer.weights());
        List<Weights> steps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trainer.step();
            steps.add(trainer.weights());
        }
        Landscape.Run run = new Landscape.Run("SGD", config, history, steps, trainer.weights(), 10);
        double[][] path = Landscape.path(run);
        assertThat(path).hasNumberOfRows(5);
        assertThat(path[4]).containsExactly(trainer.weights().flat());
    }

    /**
     * The noise at the notebook's initial weights: each sample's angle to the mean gradient, here from central
     * finite differences of each sample's own half squared error (the loss backprop's output error differentiates).
     */
    @Test
    void theGradientNoiseNamesEachSamplesAngleToTheMean() {
        TrainingConfig config = TrainingConfig.NOTEBOOK;
        Landscape.Run run = train("SGD", config, 0);
        Landscape.Picture p = Landscape.compute(LossPlane.Spec.START_END, List.of(run), true);
        double[] w = run.shown().flat();
        int[] widths = run.shown().widths();
        Samples all = config.samples();
        double[][] g = new double[4][w.length];
        for (int i = 0; i < 4; i++) {
            Samples one = Samples.of(new double[] {all.x1(i)}, new double[] {all.x2(i)}, new double[] {all.y(i)});
            for (int k = 0; k < w.length; k++) {
                double h = 1e-6;
                double[] up = w.clone();
                double[] down = w.clone();
                up[k] += h;
                down[k] -= h;
                g[i][k] = (Weights.fromFlat(widths, up).loss(one, config.options())
                        - Weights.fromFlat(widths, down).loss(one, config.options())) / (2 * h) / 2;
            }
        }
        double[] mean = new double[w.length];
        for (double[] gi : g) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += gi[k] / 4;
            }
        }
        StringBuilder expected = new StringBuilder(" Angles to the mean gradient (all 9 parameters): ");
        String[] names = {"(0,0)", "(0,1)", "(1,0)", "(1,1)"};
        for (int i = 0; i < 4; i++) {
            double angle = Math.toDegrees(Math.acos(dot(g[i], mean) / Math.sqrt(dot(g[i], g[i]) * dot(mean, mean))));
            assertThat(p.noise().angles()[i]).isCloseTo(angle, within(1e-4));
            expected.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(Math.round(angle)).append("°");
        }
        assertThat(p.readout()).contains(expected + ". Batch GD steps once against the mean; SGD steps 4 times, each"
                + " against one sample's gradient where the step before left it");
        // Centred on the weights the arrows start from.
        assertThat((p.window().aMin() + p.window().aMax()) / 2).isCloseTo(p.paths().get(0).shownA(), within(1e-12));
        assertThat((p.window().bMin() + p.window().bMax()) / 2).isCloseTo(p.paths().get(0).shownB(), within(1e-12));
        assertThat(p.noise().labels()).containsExactly("(0,0)", "(0,1)", "(1,0)", "(1,1)");
        // Arrows scaled together: the longest reaches a quarter of the window across.
        double longest = Math.hypot(p.noise().meanA(), p.noise().meanB());
        for (int i = 0; i < 4; i++) {
            longest = Math.max(longest, Math.hypot(p.noise().sampleA()[i], p.noise().sampleB()[i]));
        }
        assertThat(longest).isCloseTo(0.25 * (p.window().aMax() - p.window().aMin()), within(1e-12));
    }

    /** The README's figures: at the notebook's epoch 10,000 the four samples' angles to the mean gradient. */
    @Test
    void theReadmesAnglesAtTheNotebooksEpochTenThousand() {
        Landscape.Run run = train("SGD", TrainingConfig.NOTEBOOK, 10_000);
        Landscape.Picture p = Landscape.compute(LossPlane.Spec.START_END, List.of(run), true);
        assertThat(java.util.Arrays.stream(p.noise().angles()).map(Math::round).toArray())
                .containsExactly(76, 80, 80, 83);
        assertThat(p.readout()).contains("here they point different ways, so SGD zig-zags.");
    }

    /**
     * Weights near overflow (a run heading for divergence; the monkey found a NaN window reaching the view): the
     * landscape is either refused with a reason or drawn on a finite window, never a NaN one.
     */
    @Test
    void weightsNearOverflowNeverGiveANonFiniteWindow() {
        Landscape.Run run = train("SGD", TrainingConfig.NOTEBOOK, 3);
        for (double scale : new double[] {1e150, 1e200, 1e300, 1e308}) {
            double[] huge = run.shown().flat();
            java.util.Arrays.fill(huge, scale);
            huge[0] = -scale;
            Weights big = Weights.fromFlat(run.shown().widths(), huge);
            WeightHistory history = new WeightHistory();
            history.record(0, run.history().at(0).weights());
            history.record(1, big);
            Landscape.Run wild = new Landscape.Run("SGD", TrainingConfig.NOTEBOOK, history, List.of(), big, 1);
            for (LossPlane.Spec spec : List.of(LossPlane.Spec.START_END, LossPlane.Spec.PCA, LossPlane.Spec.OUTPUT_WEIGHTS)) {
                for (boolean gradients : new boolean[] {false, true}) {
                    try {
                        LossPlane.Window w = Landscape.compute(spec, List.of(wild), gradients).window();
                        for (double edge : new double[] {w.aMin(), w.aMax(), w.bMin(), w.bMax()}) {
                            assertThat(Double.isFinite(edge)).as("%s at %s", spec.text(), scale).isTrue();
                        }
                        assertThat(w.aMax()).isGreaterThan(w.aMin());
                        assertThat(w.bMax()).isGreaterThan(w.bMin());
                    } catch (IllegalArgumentException e) {
                        assertThat(e.getMessage()).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void aParameterTheNetworkLacksIsSaidWithWhatItHas() {
        Landscape.Run run = train("SGD", TrainingConfig.NOTEBOOK, 5);
        assertThatThrownBy(() -> Landscape.compute(LossPlane.Spec.parse("w:W3[0,0],W2[0,1]"), List.of(run), false))
                .hasMessageStartingWith("this network (2-2-1) has no parameter W3[0,0]");
    }

    @Test
    void theGridIsCoarserForCostlierNetworksWithinItsBounds() {
        assertThat(Landscape.gridSize(9, 4)).isEqualTo(100);
        assertThat(Landscape.gridSize(9, 1000)).isBetween(Landscape.MIN_GRID, 70);
        assertThat(Landscape.gridSize(400, 1000)).isEqualTo(Landscape.MIN_GRID);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
