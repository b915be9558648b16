package org.xorlab.engine;

import static org.xorlab.engine.MatrixReferenceTrainer.broadcast;
import static org.xorlab.engine.MatrixReferenceTrainer.hadamard;
import static org.xorlab.engine.MatrixReferenceTrainer.map;
import static org.xorlab.engine.MatrixReferenceTrainer.ones;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * SPEC.md's "Beyond the notebook" transcribed literally into {@link RealMatrix} operations, for tests: every layer's
 * forward pass, the loss's output error, backpropagation, regularisation and each optimiser, one rule per line as
 * SPEC writes it, with none of the Trainer's arrays or loops. Checked against the NumPy oracle's fixture
 * ({@code UpdateTraceTest}); the Trainer's {@link UpdateTrace} is checked against it update by update.
 */
final class GeneralMatrixReference {

    /** Every value of one update, per layer l = 1 to L + 1 at index l - 1. */
    record Step(RealMatrix x, RealMatrix y, List<RealMatrix> z, List<RealMatrix> v, List<RealMatrix> d,
                List<RealMatrix> gradW, List<RealMatrix> gradB, List<RealMatrix> penaltyW,
                List<RealMatrix> effectiveGradW, List<RealMatrix> firstW, List<RealMatrix> firstB,
                List<RealMatrix> secondW, List<RealMatrix> secondB, List<RealMatrix> beforeW,
                List<RealMatrix> beforeB, List<RealMatrix> afterW, List<RealMatrix> afterB, double lossSum) {
    }

    private final TrainingOptions o;
    private final RealMatrix inputs;
    private final RealMatrix targets;
    private final double lr;
    private final int batchSize;
    private final List<RealMatrix> w = new ArrayList<>();
    private final List<RealMatrix> b = new ArrayList<>();
    private final List<RealMatrix> firstW = new ArrayList<>();
    private final List<RealMatrix> firstB = new ArrayList<>();
    private final List<RealMatrix> secondW = new ArrayList<>();
    private final List<RealMatrix> secondB = new ArrayList<>();
    private final NumpyRandom random;
    private int[] order = {0, 1, 2, 3};
    private int nextSample;
    private long t;

    GeneralMatrixReference(TrainingConfig config, Weights initial) {
        o = config.options();
        lr = config.learningRate();
        batchSize = config.batchSize();
        inputs = new Array2DRowRealMatrix(new double[][] {{0, 0, 1, 1}, {0, 1, 0, 1}});
        targets = new Array2DRowRealMatrix(1, Dataset.SIZE);
        for (int i = 0; i < Dataset.SIZE; i++) {
            targets.setEntry(0, i, config.dataset().target(i));
        }
        for (int l = 1; l <= initial.layers(); l++) {
            w.add(initial.w(l));
            b.add(initial.b(l));
            firstW.add(initial.w(l).scalarMultiply(0));
            firstB.add(initial.b(l).scalarMultiply(0));
            secondW.add(initial.w(l).scalarMultiply(0));
            secondB.add(initial.b(l).scalarMultiply(0));
        }
        if (o.order() == TrainingOptions.Order.SHUFFLE) {
            random = new NumpyRandom(config.seed());
            for (long n = Weights.draws(config.inputs(), config.hiddenLayers(), o.init()); n > 0; n--) {
                random.nextDouble();
            }
        } else {
            random = null;
        }
    }

    Weights weights() {
        return Weights.of(w, b);
    }

    boolean atEpochStart() {
        return nextSample == 0;
    }

    /** One update on the next chunk, in this epoch's order. */
    Step step() {
        if (nextSample == 0 && random != null) {
            order = random.permutation(Dataset.SIZE);
        }
        int start = nextSample;
        int m = Math.min(batchSize, Dataset.SIZE - start);
        RealMatrix x = new Array2DRowRealMatrix(2, m);
        RealMatrix y = new Array2DRowRealMatrix(1, m);
        for (int c = 0; c < m; c++) {
            x.setColumnMatrix(c, inputs.getColumnMatrix(order[start + c]));
            y.setColumnMatrix(c, targets.getColumnMatrix(order[start + c]));
        }
        int layers = w.size();
        // Forward: z[l] = W[l] v[l-1] + b[l], v[l] = f(z[l]); the output is a sigmoid.
        List<RealMatrix> z = new ArrayList<>();
        List<RealMatrix> v = new ArrayList<>();
        RealMatrix in = x;
        for (int l = 0; l < layers; l++) {
            RealMatrix zl = w.get(l).multiply(in).add(broadcast(b.get(l), m));
            Activation f = l == layers - 1 ? Activation.SIGMOID : o.activation();
            z.add(zl);
            v.add(map(zl, a -> f(f, a)));
            in = v.get(l);
        }
        RealMatrix yHat = v.get(layers - 1);
        RealMatrix zOut = z.get(layers - 1);
        double lossSum = 0;
        for (int c = 0; c < m; c++) {
            double yc = y.getEntry(0, c);
            double zc = zOut.getEntry(0, c);
            lossSum += o.loss() == TrainingOptions.Loss.MSE ? Math.pow(yc - yHat.getEntry(0, c), 2)
                    : Math.max(zc, 0) - zc * yc + Math.log(1 + Math.exp(-Math.abs(zc)));
        }
        // Backward: the loss's output error, then d[l-1] = (W[l]^T d[l]) * f'(z[l-1]).
        RealMatrix[] d = new RealMatrix[layers];
        RealMatrix error = yHat.subtract(y);
        d[layers - 1] = o.loss() == TrainingOptions.Loss.MSE
                ? hadamard(error, map(yHat, a -> a * (1 - a))) : error;
        for (int l = layers - 1; l > 0; l--) {
            RealMatrix zb = z.get(l - 1);
            RealMatrix vb = v.get(l - 1);
            RealMatrix derivative = zb.copy();
            for (int r = 0; r < zb.getRowDimension(); r++) {
                for (int c = 0; c < m; c++) {
                    derivative.setEntry(r, c, fPrime(o.activation(), zb.getEntry(r, c), vb.getEntry(r, c)));
                }
            }
            d[l - 1] = hadamard(w.get(l).transpose().multiply(d[l]), derivative);
        }
        // Gradients, regularisation, optimiser.
        t++;
        Step step = new Step(x, y, z, v, List.of(d), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                List.copyOf(w), List.copyOf(b), new ArrayList<>(), new ArrayList<>(), lossSum);
        in = x;
        for (int l = 0; l < layers; l++) {
            RealMatrix gw = map(d[l].multiply(in.transpose()), s -> s / m);
            RealMatrix gb = map(d[l].multiply(ones(m, 1)), s -> s / m);
            RealMatrix penalty = switch (o.regularization()) {
                case NONE -> w.get(l).scalarMultiply(0);
                case L2 -> w.get(l).scalarMultiply(o.regRate());
                case L1 -> map(w.get(l), a -> o.regRate() * Math.signum(a));
            };
            RealMatrix g = gw.add(penalty);
            step.gradW().add(gw);
            step.gradB().add(gb);
            step.penaltyW().add(penalty);
            step.effectiveGradW().add(g);
            RealMatrix[] nw = optimise(w.get(l), g, firstW, secondW, l);
            RealMatrix[] nb = optimise(b.get(l), gb, firstB, secondB, l);
            step.firstW().add(firstW.get(l));
            step.firstB().add(firstB.get(l));
            step.secondW().add(secondW.get(l));
            step.secondB().add(secondB.get(l));
            step.afterW().add(nw[0]);
            step.afterB().add(nb[0]);
            in = v.get(l);
        }
        for (int l = 0; l < layers; l++) {
            w.set(l, step.afterW().get(l));
            b.set(l, step.afterB().get(l));
        }
        nextSample = start + m == Dataset.SIZE ? 0 : start + m;
        return step;
    }

    /** SPEC's rule for parameter p with gradient g; updates the state lists at l, returns {p'}. */
    private RealMatrix[] optimise(RealMatrix p, RealMatrix g, List<RealMatrix> first, List<RealMatrix> second, int l) {
        double mu = o.momentum();
        switch (o.optimizer()) {
            case SGD -> {
                return new RealMatrix[] {p.subtract(g.scalarMultiply(lr))};
            }
            case MOMENTUM -> {
                first.set(l, first.get(l).scalarMultiply(mu).add(g));
                return new RealMatrix[] {p.subtract(first.get(l).scalarMultiply(lr))};
            }
            case NESTEROV -> {
                first.set(l, first.get(l).scalarMultiply(mu).add(g));
                return new RealMatrix[] {p.subtract(g.add(first.get(l).scalarMultiply(mu)).scalarMultiply(lr))};
            }
            case RMSPROP -> {
                double rho = o.rho();
                second.set(l, second.get(l).scalarMultiply(rho).add(map(g, a -> (1 - rho) * (a * a))));
                return new RealMatrix[] {p.subtract(zip(g, second.get(l),
                        (gi, si) -> lr * gi / (Math.sqrt(si) + o.epsilon())))};
            }
            case ADAM -> {
                double b1 = o.beta1();
                double b2 = o.beta2();
                first.set(l, first.get(l).scalarMultiply(b1).add(g.scalarMultiply(1 - b1)));
                second.set(l, second.get(l).scalarMultiply(b2).add(map(g, a -> (1 - b2) * (a * a))));
                double c1 = 1 - Math.pow(b1, t);
                double c2 = 1 - Math.pow(b2, t);
                return new RealMatrix[] {p.subtract(zip(first.get(l), second.get(l),
                        (mi, si) -> lr * (mi / c1) / (Math.sqrt(si / c2) + o.epsilon())))};
            }
            default -> throw new IllegalStateException();
        }
    }

    private static RealMatrix zip(RealMatrix a, RealMatrix b, DoubleBinaryOperator f) {
        RealMatrix out = a.copy();
        out.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return f.applyAsDouble(value, b.getEntry(row, column));
            }
        });
        return out;
    }

    /** SPEC's activations, written out here rather than taken from {@link Activation}. */
    private static double f(Activation a, double z) {
        return switch (a) {
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> z > 0 ? z : 0.0;
            case LINEAR -> z;
        };
    }

    /** SPEC's derivatives: sigmoid v(1 - v), tanh 1 - v^2, relu 1 where z > 0 else 0, linear 1. */
    static double fPrime(Activation a, double z, double v) {
        return switch (a) {
            case SIGMOID -> v * (1 - v);
            case TANH -> 1 - v * v;
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LINEAR -> 1.0;
        };
    }
}
