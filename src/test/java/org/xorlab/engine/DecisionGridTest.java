package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecisionGridTest {

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
