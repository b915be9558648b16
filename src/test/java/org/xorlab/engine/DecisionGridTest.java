package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

public class DecisionGridTest {

    private static Weights trainedXor() {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(10_000, null);
        return trainer.weights();
    }

    @Test
    void everyCellHoldsTheNetworksOutputAndHiddenActivationsAtItsCentre() {
        for (Weights w : new Weights[] {Weights.initial(2, 42), trainedXor(), Weights.initial(8, 7)}) {
            DecisionGrid grid = DecisionGrid.sample(w, 37, -0.5, 1.5);
            assertThat(grid.hiddenUnits()).isEqualTo(w.hidden());
            for (int row = 0; row < 37; row++) {
                for (int col = 0; col < 37; col++) {
                    double x0 = grid.x0(col);
                    double x1 = grid.x1(row);
                    assertThat(grid.output(col, row)).isCloseTo(w.predict(x0, x1), within(1e-12));
                    for (int j = 0; j < w.hidden(); j++) {
                        assertThat(grid.hidden(j, col, row)).isCloseTo(w.hiddenActivation(j, x0, x1), within(1e-12));
                    }
                }
            }
        }
    }

    /** A network trained for {@code epochs} epochs with these hidden layers and activation (Adam, so it moves). */
    public static Trainer trained(Activation activation, long epochs, int... hidden) {
        TrainingConfig c = TrainingConfig.NOTEBOOK.withHiddenLayers(hidden)
                .withOptions(TrainingConfig.NOTEBOOK.withHiddenLayers(hidden).options().withActivation(activation)
                        .withOptimizer(TrainingOptions.Optimizer.ADAM))
                .withLearningRate(0.05);
        Trainer t = new Trainer(c);
        t.runEpochs(epochs, null);
        return t;
    }

    /**
     * The oracle: SPEC's z[l] = W[l] v[l-1] + b[l] as matrix products of the weights' own matrices, v = f(z) for the
     * hidden layers, a sigmoid on the output; every layer's v, input side first.
     */
    public static double[][] matrixForward(Weights w, Activation f, double x0, double x1) {
        org.apache.commons.math3.linear.RealMatrix v =
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(new double[][] {{x0}, {x1}});
        double[][] out = new double[w.layers()][];
        for (int l = 1; l <= w.layers(); l++) {
            org.apache.commons.math3.linear.RealMatrix z = w.w(l).multiply(v).add(w.b(l));
            double[] values = new double[z.getRowDimension()];
            for (int j = 0; j < values.length; j++) {
                double zj = z.getEntry(j, 0);
                values[j] = l == w.layers() ? 1 / (1 + Math.exp(-zj)) : switch (f) {
                    case SIGMOID -> 1 / (1 + Math.exp(-zj));
                    case TANH -> Math.tanh(zj);
                    case RELU -> Math.max(zj, 0);
                    case LINEAR -> zj;
                };
            }
            out[l - 1] = values;
            v = new org.apache.commons.math3.linear.Array2DRowRealMatrix(values);
        }
        return out;
    }

    @Test
    void anyDepthAndActivationSamplesEveryLayerAsTheMatrixForwardPassGivesIt() {
        record Case(Activation f, int[] hidden) { }
        for (Case c : new Case[] {new Case(Activation.TANH, new int[] {2}), new Case(Activation.RELU, new int[] {3}),
                new Case(Activation.TANH, new int[] {4, 4}), new Case(Activation.RELU, new int[] {4, 4}),
                new Case(Activation.LINEAR, new int[] {2, 3}), new Case(Activation.SIGMOID, new int[] {4, 4}),
                new Case(Activation.TANH, new int[] {8, 8, 8, 8, 8, 8})}) {
            Weights w = trained(c.f(), 300, c.hidden()).weights();
            DecisionGrid grid = DecisionGrid.sample(w, c.f(), 23, -0.5, 1.5);
            assertThat(grid.hiddenLayers()).containsExactly(c.hidden());
            assertThat(grid.activation()).isEqualTo(c.f());
            for (int row = 0; row < 23; row++) {
                for (int col = 0; col < 23; col++) {
                    double[][] expected = matrixForward(w, c.f(), grid.x0(col), grid.x1(row));
                    assertThat(grid.output(col, row)).isCloseTo(expected[w.layers() - 1][0], within(1e-12));
                    assertThat(grid.output(col, row)).isEqualTo(w.predict(c.f(), grid.x0(col), grid.x1(row)));
                    for (int l = 1; l < w.layers(); l++) {
                        for (int j = 0; j < c.hidden()[l - 1]; j++) {
                            assertThat(grid.hidden(l, j, col, row)).as("%s %s v[%d][%d]", c.f(),
                                    java.util.Arrays.toString(c.hidden()), l, j)
                                    .isCloseTo(expected[l - 1][j], within(1e-12));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theNotebooksSigmoidNetworkKeepsItsFastSamplingWhichAgreesWithTheGeneralPass() {
        Weights w = trainedXor();
        DecisionGrid grid = DecisionGrid.sample(w, Activation.SIGMOID, 31, -0.5, 1.5);
        assertThat(grid.hiddenLayerCount()).isEqualTo(1);
        for (int row = 0; row < 31; row++) {
            for (int col = 0; col < 31; col++) {
                double[][] v = w.activations(Activation.SIGMOID, grid.x0(col), grid.x1(row));
                assertThat(grid.output(col, row)).isCloseTo(v[1][0], within(1e-12));
                assertThat(grid.hidden(1, 1, col, row)).isCloseTo(v[0][1], within(1e-12));
            }
        }
    }

    @Test
    void aGridNamesTheLayerAndUnitItDoesNotHave() {
        DecisionGrid grid = DecisionGrid.sample(trained(Activation.TANH, 1, 4, 4).weights(), Activation.TANH, 4,
                -0.5, 1.5);
        assertThatThrownBy(() -> grid.hidden(3, 0, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("hidden layer must be from 1 to 2 (got 3)");
        assertThatThrownBy(() -> grid.hidden(2, 4, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("hidden unit must be from 0 to 3 (got 4)");
        assertThatThrownBy(() -> DecisionGrid.sample(Weights.initial(2, 42), (Activation) null, 4, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigmoid, tanh, relu, linear");
    }

    @Test
    void cellCentresSplitTheRangeEvenlyWithRowZeroAtTheTop() {
        DecisionGrid grid = DecisionGrid.sample(Weights.initial(2, 42), 4, -0.5, 1.5);
        // Four cells of width 0.5 over [-0.5, 1.5]: centres -0.25, 0.25, 0.75, 1.25.
        assertThat(grid.x0(0)).isCloseTo(-0.25, within(1e-15));
        assertThat(grid.x0(3)).isCloseTo(1.25, within(1e-15));
        assertThat(grid.x1(0)).isCloseTo(1.25, within(1e-15));
        assertThat(grid.x1(3)).isCloseTo(-0.25, within(1e-15));
        assertThat(grid.column(0.0)).isEqualTo(1);
        // A cell holds its lower edge: x1 = 1 lies in the top row's cell [1.0, 1.5).
        assertThat(grid.row(1.0)).isEqualTo(0);
        assertThat(grid.row(0.0)).isEqualTo(2);
        assertThat(grid.column(-9)).isZero();
        assertThat(grid.row(-9)).isEqualTo(3);
    }

    @Test
    void aNetworkThatOnlyLooksAtX1IsLargestInTheTopRows() {
        // One hidden unit v = sigmoid(5 x1), output sigmoid(4 v - 2): grows with x1 only.
        Weights w = new Weights(1, new double[] {0, 5}, new double[] {0}, new double[] {4}, -2);
        DecisionGrid grid = DecisionGrid.sample(w, 20, -0.5, 1.5);
        assertThat(grid.output(5, 0)).isGreaterThan(grid.output(5, 19));
        assertThat(grid.output(0, 7)).isCloseTo(grid.output(19, 7), within(1e-15));
        assertThat(grid.hidden(0, 3, 0)).isGreaterThan(0.99);
        assertThat(grid.hidden(0, 3, 19)).isLessThan(0.1);
    }

    @Test
    void hugeWeightsSaturateInsteadOfProducingNaN() {
        // e^-(800 x0) underflows where e^(800 x1) overflows: their product would be 0 * infinity, not e^-(z1).
        Weights w = new Weights(1, new double[] {800, -800}, new double[] {0}, new double[] {3}, -1);
        DecisionGrid grid = DecisionGrid.sample(w, 50, -0.5, 1.5);
        for (int row = 0; row < 50; row++) {
            for (int col = 0; col < 50; col++) {
                assertThat(grid.hidden(0, col, row))
                        .isCloseTo(w.hiddenActivation(0, grid.x0(col), grid.x1(row)), within(1e-12));
                assertThat(grid.output(col, row)).isCloseTo(w.predict(grid.x0(col), grid.x1(row)), within(1e-12));
            }
        }
    }

    @Test
    void defaultsCoverHalfAUnitAroundTheUnitSquareInAHundredCells() {
        DecisionGrid grid = DecisionGrid.sample(Weights.initial(2, 42));
        assertThat(grid.resolution()).isEqualTo(100);
        assertThat(grid.min()).isEqualTo(-0.5);
        assertThat(grid.max()).isEqualTo(1.5);
    }

    @Test
    void badArgumentsAreNamed() {
        Weights w = Weights.initial(2, 42);
        assertThatThrownBy(() -> DecisionGrid.sample(w, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution must be");
        assertThatThrownBy(() -> DecisionGrid.sample(w, 10, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min < max");
        assertThatThrownBy(() -> DecisionGrid.sample(w, 10, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> DecisionGrid.sample(null, 10, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights");
        DecisionGrid grid = DecisionGrid.sample(w, 10, 0, 1);
        assertThatThrownBy(() -> grid.hidden(2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.output(10, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
