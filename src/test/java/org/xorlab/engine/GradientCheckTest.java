package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xorlab.engine.MatrixReferenceTrainer.Params;

/**
 * The gradients in each UpdateTrace against central finite differences of the chunk's loss.
 *
 * <p>Which loss: the notebook's d2 = (y_hat - y) * y_hat * (1 - y_hat) has no factor 2, so d2 v1^T / m and the
 * others are the gradients of half the mean squared error, L = sum((y_hat - y)^2) / (2m), not of the MSE the
 * notebook prints as its loss (whose gradients are twice these). The check therefore differentiates L.
 */
class GradientCheckTest {
    /** Central-difference step; its truncation error (~h^2) is far below the tolerance. */
    private static final double H = 1e-5;
    private static final double RELATIVE = 1e-6;
    /** Rounding noise of a central difference: about ulp(L) / h, with L below 1. */
    private static final double ABSOLUTE = 1e-10;

    static Stream<Arguments> configs() {
        List<Arguments> cases = new ArrayList<>();
        int n = 0;
        for (int hidden : new int[] {1, 2, 5, 8}) {
            for (int batchSize = 1; batchSize <= 4; batchSize++) {
                Dataset dataset = Dataset.values()[n % 4];
                cases.add(Arguments.of(new TrainingConfig(dataset, hidden, 1000L + n, 1.0, batchSize)));
                n++;
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void gradientsAreThoseOfHalfTheMeanSquaredError(TrainingConfig config) {
        Trainer trainer = new Trainer(config);
        double largest = 0;
        // Check at the initial weights and again after some training, over every chunk of an epoch.
        for (int round = 0; round < 2; round++) {
            for (int u = 0; u < config.updatesPerEpoch(); u++) {
                assertThat(trainer.step()).isTrue();
                largest = Math.max(largest, check(trainer.lastUpdate()));
            }
            trainer.runEpochs(50, null);
        }
        // Guards the check itself: the gradients compared must not all be negligible next to ABSOLUTE.
        assertThat(largest).as("largest gradient checked").isGreaterThan(1e-3);
    }

    /** Checks one update's four gradients; returns the largest |entry| among them. */
    private static double check(UpdateTrace trace) {
        Params at = Params.of(trace.before());
        RealMatrix x = trace.x();
        RealMatrix y = trace.y();
        String where = "update " + trace.update() + " (samples from " + trace.firstSample() + ", m = "
                + trace.samples() + ")";
        double largest = 0;
        largest = Math.max(largest, compare(where + " dW1", trace.gradW1(), at, Params::w1, x, y));
        largest = Math.max(largest, compare(where + " db1", trace.gradB1(), at, Params::b1, x, y));
        largest = Math.max(largest, compare(where + " dW2", trace.gradW2(), at, Params::w2, x, y));
        largest = Math.max(largest, compare(where + " db2", trace.gradB2(), at, Params::b2, x, y));
        // The product's GradientCheck takes the same differences as this independent transcription.
        GradientCheck product = GradientCheck.of(trace);
        for (GradientCheck.Parameter p : product.parameters()) {
            double reference = referenceDifference(at, p, x, y);
            assertThat(Math.abs(p.finiteDifference() - reference)).as(where + " GradientCheck " + p.name())
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(reference) + ABSOLUTE);
        }
        return largest;
    }

    /** Compares every entry of one gradient matrix with the finite difference; returns its largest |entry|. */
    private static double compare(String what, RealMatrix gradient, Params at, Function<Params, RealMatrix> which,
                                  RealMatrix x, RealMatrix y) {
        RealMatrix shape = which.apply(at);
        assertThat(gradient.getRowDimension()).as(what + " rows").isEqualTo(shape.getRowDimension());
        assertThat(gradient.getColumnDimension()).as(what + " columns").isEqualTo(shape.getColumnDimension());
        double largest = 0;
        for (int r = 0; r < shape.getRowDimension(); r++) {
            for (int c = 0; c < shape.getColumnDimension(); c++) {
                double plus = MatrixReferenceTrainer.halfMeanSquaredError(nudged(at, which, r, c, H), x, y);
                double minus = MatrixReferenceTrainer.halfMeanSquaredError(nudged(at, which, r, c, -H), x, y);
                double numeric = (plus - minus) / (2 * H);
                double analytic = gradient.getEntry(r, c);
                double allowed = RELATIVE * Math.max(Math.abs(numeric), Math.abs(analytic)) + ABSOLUTE;
                if (!(Math.abs(analytic - numeric) <= allowed)) {
                    fail(what + "[" + r + "][" + c + "]: trace says " + analytic + ", finite difference " + numeric);
                }
                largest = Math.max(largest, Math.abs(analytic));
            }
        }
        return largest;
    }

    /** The central difference for {@code p} with the test's own loss and step. */
    private static double referenceDifference(Params at, GradientCheck.Parameter p, RealMatrix x, RealMatrix y) {
        Function<Params, RealMatrix> which = switch (p.matrix()) {
            case "W1" -> Params::w1;
            case "b1" -> Params::b1;
            case "W2" -> Params::w2;
            default -> Params::b2;
        };
        double plus = MatrixReferenceTrainer.halfMeanSquaredError(nudged(at, which, p.row(), p.column(), H), x, y);
        double minus = MatrixReferenceTrainer.halfMeanSquaredError(nudged(at, which, p.row(), p.column(), -H), x, y);
        return (plus - minus) / (2 * H);
    }

    /** A copy of {@code at} with entry (r, c) of the chosen matrix moved by {@code delta}. */
    private static Params nudged(Params at, Function<Params, RealMatrix> which, int r, int c, double delta) {
        Params copy = new Params(at.w1().copy(), at.b1().copy(), at.w2().copy(), at.b2().copy());
        RealMatrix target = which.apply(copy);
        target.setEntry(r, c, target.getEntry(r, c) + delta);
        return copy;
    }
}
