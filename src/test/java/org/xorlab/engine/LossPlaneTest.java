package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The landscape's plane and loss: projections of trajectories whose answer is known in closed form, the loss at a
 * plane point equal to the trainer's own loss for those weights, and per-sample gradients equal to the update
 * backprop made.
 */
class LossPlaneTest {
    private static final int[] NOTEBOOK = {2, 2, 1};

    /** Unit vectors d1, d2 in the notebook's 9 parameters, orthogonal and along no axis. */
    private static final double[] D1 = unit(new double[] {1, 2, 0, -1, 0.5, 0, 3, -2, 1});
    private static final double[] D2 = unit(orthogonal(new double[] {0, 1, 1, 0, -2, 1, 0, 1, 1}, D1));
    private static final double[] START = {0.3, 0.7, 0.1, 0.9, 0.5, 0.2, 0.6, 0.4, 0.8};

    /** p(t) = start + 2t d1 + sin(pi t) d2 for t = i / steps: the start-end plane is (d1, d2) with a = 2t, b = sin(pi t). */
    private static double[][] arc(int steps) {
        double[][] path = new double[steps + 1][];
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            path[i] = combine(START, 2 * t, D1, Math.sin(Math.PI * t), D2);
        }
        return path;
    }

    @Test
    void theStartEndPlaneOfAnArcIsItsChordAndItsBulge() {
        for (int steps : new int[] {10, 1000}) { // 1,001 points: the stray direction from 256 sampled
            double[][] path = arc(steps);
            LossPlane plane = LossPlane.through(LossPlane.Spec.START_END, NOTEBOOK, List.<double[][]>of(path));
            assertVector(plane.uCopy(), D1, 1e-12);
            assertVector(plane.vCopy(), D2, 1e-12);
            assertVector(plane.originCopy(), START, 0);
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                double[] ab = plane.project(path[i]);
                assertThat(ab[0]).isCloseTo(2 * t, within(1e-12));
                assertThat(ab[1]).isCloseTo(Math.sin(Math.PI * t), within(1e-12));
                assertVector(plane.point(ab[0], ab[1]), path[i], 1e-12);
            }
        }
    }

    @Test
    void twoRunsFromOneStartSpanTheStartEndPlaneWithTheirEnds() {
        double[][] first = {START, combine(START, 3, D1, 0, D2)};
        double[][] second = {START, combine(START, 1, D1, -2, D2)};
        LossPlane plane = LossPlane.through(LossPlane.Spec.START_END, NOTEBOOK, List.of(first, second));
        assertVector(plane.uCopy(), D1, 1e-12);
        // v points to the second end, across u: the second end is at (1, 2).
        assertVector(plane.vCopy(), scale(D2, -1), 1e-12);
        assertThat(plane.project(second[1])).containsExactly(new double[] {1, 2}, within(1e-12));
    }

    @Test
    void thePrincipalPlaneOfAPathInAPlaneContainsIt() {
        double[][] path = arc(200); // every point used, symmetric about t = 1/2
        LossPlane plane = LossPlane.through(LossPlane.Spec.PCA, NOTEBOOK, List.<double[][]>of(path));
        // The path lies in span(d1, d2) about its start, so the principal plane is that span: every point is
        // reconstructed from its projection, and u, v are orthonormal combinations of d1 and d2.
        for (double[] p : path) {
            double[] ab = plane.project(p);
            assertVector(plane.point(ab[0], ab[1]), p, 1e-12);
        }
        double[] u = plane.uCopy();
        double[] v = plane.vCopy();
        assertThat(LossPlane.dot(u, v)).isCloseTo(0, within(1e-12));
        assertThat(LossPlane.norm(u)).isCloseTo(1, within(1e-12));
        assertThat(Math.hypot(LossPlane.dot(u, D1), LossPlane.dot(u, D2))).isCloseTo(1, within(1e-12));
        // The chord (length 2) is the path's long direction, the bulge its short one.
        assertThat(Math.abs(LossPlane.dot(u, D1))).isGreaterThan(0.99);
        // Signed so the path runs its way along a: the end, at a = +1 about the mean.
        assertThat(plane.project(path[path.length - 1])[0]).isCloseTo(1, within(1e-9));
    }

    @Test
    void aParameterPlaneReadsTheTwoParametersAndKeepsTheOthersAtTheEnd() {
        double[][] path = arc(20);
        LossPlane plane = LossPlane.through(LossPlane.Spec.parse("w:W2[0,0],W2[0,1]"), NOTEBOOK, List.<double[][]>of(path));
        List<String> names = Weights.parameterNames(NOTEBOOK);
        assertThat(names).containsExactly("W1[0,0]", "W1[0,1]", "W1[1,0]", "W1[1,1]", "b1[0,0]", "b1[1,0]",
                "W2[0,0]", "W2[0,1]", "b2[0,0]");
        for (double[] p : path) {
            assertThat(plane.project(p)).containsExactly(p[6], p[7]);
        }
        double[] end = path[path.length - 1];
        double[] p = plane.point(-1.5, 4);
        for (int k = 0; k < 9; k++) {
            assertThat(p[k]).isEqualTo(k == 6 ? -1.5 : k == 7 ? 4.0 : end[k]);
        }
        assertThat(plane.aLabel()).isEqualTo("W2[0,0]");
    }

    @Test
    void aRunThatNeverMovedStillHasAPlane() {
        double[][] still = {START, START.clone()};
        for (LossPlane.Spec spec : List.of(LossPlane.Spec.START_END, LossPlane.Spec.PCA)) {
            LossPlane plane = LossPlane.through(spec, NOTEBOOK, List.<double[][]>of(still));
            assertThat(LossPlane.norm(plane.uCopy())).isCloseTo(1, within(1e-15));
            assertThat(LossPlane.norm(plane.vCopy())).isCloseTo(1, within(1e-15));
            assertThat(LossPlane.dot(plane.uCopy(), plane.vCopy())).isCloseTo(0, within(1e-15));
            LossPlane.Window w = plane.window(List.<double[][]>of(still));
            assertThat(w.aMax() - w.aMin()).isEqualTo(2 * LossPlane.MIN_HALF_WIDTH);
        }
    }

    @Test
    void theWindowIsSquareAndHoldsEveryPointWithAMargin() {
        double[][] path = arc(50);
        LossPlane plane = LossPlane.through(LossPlane.Spec.START_END, NOTEBOOK, List.<double[][]>of(path));
        LossPlane.Window w = plane.window(List.<double[][]>of(path));
        // a runs 0 to 2, b 0 to 1: centred on (1, 0.5), half-width 2/3 of 2.
        assertThat(w.aMin()).isCloseTo(1 - 4.0 / 3, within(1e-12));
        assertThat(w.aMax()).isCloseTo(1 + 4.0 / 3, within(1e-12));
        assertThat(w.bMin()).isCloseTo(0.5 - 4.0 / 3, within(1e-12));
        assertThat(w.bMax()).isCloseTo(0.5 + 4.0 / 3, within(1e-12));
        assertThat(w.a(0, 11)).isEqualTo(w.aMin());
        assertThat(w.a(10, 11)).isCloseTo(w.aMax(), within(1e-15));
    }

    @Test
    void badPlanesSayWhatIsAllowed() {
        assertThatThrownBy(() -> LossPlane.Spec.parse("diagonal"))
                .hasMessage("unknown plane 'diagonal'; allowed: " + LossPlane.Spec.ALLOWED);
        assertThatThrownBy(() -> LossPlane.Spec.parse("w:W2[0,0],W2[0,0]"))
                .hasMessage("the plane needs two different parameters (got W2[0,0] twice)");
        assertThatThrownBy(() -> LossPlane.through(LossPlane.Spec.parse("w:W3[0,0],W2[0,1]"), NOTEBOOK,
                List.<double[][]>of(arc(3))))
                .hasMessageStartingWith("this network (2-2-1) has no parameter W3[0,0]; it has W1[0,0], W1[0,1]");
        assertThat(LossPlane.Spec.parse(" w:W1[1,0], b1[0,0] ").text()).isEqualTo("w:W1[1,0],b1[0,0]");
        assertThat(LossPlane.Spec.parse("PCA")).isEqualTo(LossPlane.Spec.PCA);
    }

    /** The plane's loss is the trainer's loss of those weights, to the bit, for the notebook and a general network. */
    @Test
    void theLossAtAPointIsTheWeightsOwnLoss() {
        List<TrainingConfig> configs = List.of(TrainingConfig.NOTEBOOK,
                new TrainingConfig(Dataset.XOR, 3, 5, 0.3, 2, TrainingOptions.NOTEBOOK
                        .withActivation(Activation.TANH).withLoss(TrainingOptions.Loss.CROSS_ENTROPY)
                        .withDeeperLayers(List.of(4))));
        for (TrainingConfig config : configs) {
            Trainer trainer = new Trainer(config);
            trainer.runEpochs(300, null);
            Weights w = trainer.weights();
            PlaneLoss loss = new PlaneLoss(w.widths(), config.options(), config.samples());
            assertThat(loss.loss(w.flat())).isEqualTo(w.loss(config.samples(), config.options()));
            assertThat(Weights.fromFlat(w.widths(), w.flat())).isEqualTo(w);
            // On a plane: the grid's corner is the plane's point there.
            LossPlane plane = LossPlane.through(LossPlane.Spec.PCA, w.widths(),
                    List.<double[][]>of(new double[][] {trainer.initialWeights().flat(), w.flat()}));
            LossPlane.Window window = plane.window(List.<double[][]>of(new double[][] {w.flat()}));
            double[] grid = loss.grid(plane, window, 5);
            Weights corner = Weights.fromFlat(w.widths(), plane.point(window.a(4, 5), window.b(0, 5)));
            assertThat(grid[4]).isEqualTo(corner.loss(config.samples(), config.options()));
        }
    }

    /** A sample's gradient is the one backprop used for that sample's own update (batch size 1). */
    @Test
    void aSamplesGradientIsTheUpdateBackpropMadeForIt() {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 2, 42, 0.1, 1, TrainingOptions.NOTEBOOK
                .withDeeperLayers(List.of(3)).withActivation(Activation.TANH));
        Trainer trainer = new Trainer(config);
        trainer.setTracing(true);
        trainer.runEpochs(20, null);
        PlaneLoss loss = new PlaneLoss(trainer.weights().widths(), config.options(), config.samples());
        for (int k = 0; k < 4; k++) {
            int sample = trainer.nextSample();
            trainer.step();
            UpdateTrace trace = trainer.lastUpdate();
            double[] g = loss.sampleGradient(trace.before().flat(), sample);
            List<Double> backprop = new ArrayList<>();
            for (int l = 1; l <= trace.layers(); l++) {
                var gw = trace.layer(l).gradW();
                for (int j = 0; j < gw.getRowDimension(); j++) {
                    for (int c = 0; c < gw.getColumnDimension(); c++) {
                        backprop.add(gw.getEntry(j, c));
                    }
                }
                for (int j = 0; j < trace.layer(l).gradB().getRowDimension(); j++) {
                    backprop.add(trace.layer(l).gradB().getEntry(j, 0));
                }
            }
            assertThat(g).hasSize(backprop.size());
            for (int i = 0; i < g.length; i++) {
                assertThat(g[i]).as("sample %d parameter %d", sample, i).isCloseTo(backprop.get(i), within(1e-15));
            }
        }
        // The mean gradient is the mean of the four.
        double[] p = trainer.weights().flat();
        double[] mean = loss.meanGradient(p);
        for (int i = 0; i < mean.length; i++) {
            double sum = 0;
            for (int s = 0; s < 4; s++) {
                sum += loss.sampleGradient(p, s)[i];
            }
            assertThat(mean[i]).isCloseTo(sum / 4, within(1e-16));
        }
    }

    private static void assertVector(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSize(expected.length);
        for (int k = 0; k < actual.length; k++) {
            assertThat(actual[k]).as("component %d", k).isCloseTo(expected[k], within(tolerance));
        }
    }

    private static double[] unit(double[] a) {
        return scale(a, 1 / LossPlane.norm(a));
    }

    private static double[] scale(double[] a, double s) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] * s;
        }
        return out;
    }

    private static double[] orthogonal(double[] a, double[] unit) {
        double c = LossPlane.dot(a, unit);
        double[] out = a.clone();
        for (int k = 0; k < a.length; k++) {
            out[k] -= c * unit[k];
        }
        return out;
    }

    private static double[] combine(double[] base, double s, double[] d, double t, double[] e) {
        double[] out = new double[base.length];
        for (int k = 0; k < base.length; k++) {
            out[k] = base[k] + s * d[k] + t * e[k];
        }
        return out;
    }
}
