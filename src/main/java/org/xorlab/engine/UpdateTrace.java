package org.xorlab.engine;

import java.util.List;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Every intermediate value of one weight update, in the notebook's notation and shapes (columns are the chunk's
 * samples), for a network of any depth (SPEC.md, "Beyond the notebook"): per layer l = 1 to L + 1, input side
 * first and the output last ({@link #layer(int)}), the forward pass's z[l] and v[l], the backward pass's d[l], the
 * gradients, the regularisation term, the optimiser's state after the update and the update applied. Immutable:
 * each accessor returns a copy.
 *
 * <p>The notebook's accessors ({@link #z1()}, {@link #v1()}, {@link #z2()}, {@link #yHat()}, {@link #d2()},
 * {@link #d1()}, {@link #gradW1()} and the rest) keep their meaning for the notebook's network. For a deeper one
 * they refer to the first hidden layer (z1, v1, d1, gradW1, gradB1) and to the output layer (z2, y_hat, d2,
 * gradW2, gradB2: then z[L+1], d[L+1] and the output's gradients, 1 x the last hidden layer's width).
 */
public final class UpdateTrace {
    private final long epoch;
    private final long update;
    private final int firstSample;
    private final double learningRate;
    private final TrainingOptions options;
    private final RealMatrix x;
    private final RealMatrix y;
    private final List<LayerStep> layers;
    private final double loss;
    private final double biasCorrection1;
    private final double biasCorrection2;
    private final Weights before;
    private final Weights after;

    UpdateTrace(long epoch, long update, int firstSample, double learningRate, TrainingOptions options,
                RealMatrix x, RealMatrix y, List<LayerStep> layers, double loss, double biasCorrection1,
                double biasCorrection2, Weights before, Weights after) {
        this.epoch = epoch;
        this.update = update;
        this.firstSample = firstSample;
        this.learningRate = learningRate;
        this.options = options;
        this.x = x;
        this.y = y;
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.biasCorrection1 = biasCorrection1;
        this.biasCorrection2 = biasCorrection2;
        this.before = before;
        this.after = after;
    }

    /** The 1-based epoch this update belongs to. */
    public long epoch() {
        return epoch;
    }

    /**
     * The 1-based count of this update since the run started: also the optimiser's t, which Adam's bias corrections
     * raise beta1 and beta2 to.
     */
    public long update() {
        return update;
    }

    /**
     * Position (0 to 3) of the chunk's first sample in its epoch's order: the sample's index with the fixed order,
     * {@code Trainer.sampleOrder()[firstSample]} with the shuffled one.
     */
    public int firstSample() {
        return firstSample;
    }

    /** Number of samples m in the chunk. */
    public int samples() {
        return x.getColumnDimension();
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * The options the update followed: the hidden activation, the loss that produced d[L+1], the optimiser and its
     * hyper-parameters, the regularisation and its rate.
     */
    public TrainingOptions options() {
        return options;
    }

    /** Which loss produced the output error d[L+1]: MSE's (y_hat - y) y_hat (1 - y_hat) or cross-entropy's y_hat - y. */
    public TrainingOptions.Loss lossFunction() {
        return options.loss();
    }

    /** Layers with parameters: the hidden layers and the output, L + 1 (2 for the notebook's network). */
    public int layers() {
        return layers.size();
    }

    /** Layer l, from 1 (the first hidden layer) to {@link #layers()} (the output). */
    public LayerStep layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IllegalArgumentException("layer must be from 1 to " + layers.size() + " (got " + l + ")");
        }
        return layers.get(l - 1);
    }

    /** The output layer, {@code layer(layers())}. */
    public LayerStep output() {
        return layers.get(layers.size() - 1);
    }

    /** Adam's bias correction 1 - beta1^t for this update's t; 1 for the other optimisers. */
    public double biasCorrection1() {
        return biasCorrection1;
    }

    /** Adam's bias correction 1 - beta2^t for this update's t; 1 for the other optimisers. */
    public double biasCorrection2() {
        return biasCorrection2;
    }

    /** Inputs X, 2 x m. */
    public RealMatrix x() {
        return x.copy();
    }

    /** Targets Y, 1 x m. */
    public RealMatrix y() {
        return y.copy();
    }

    /** z1 = W1 X + b1, H x m (the first hidden layer). */
    public RealMatrix z1() {
        return layer(1).z();
    }

    /** v1 = f(z1), H x m (the first hidden layer; the notebook's f is the sigmoid). */
    public RealMatrix v1() {
        return layer(1).v();
    }

    /** The output's pre-activation, z2 = W2 v1 + b2 in the notebook's network, 1 x m. */
    public RealMatrix z2() {
        return output().z();
    }

    /** y_hat = sigmoid(z[L+1]), 1 x m. */
    public RealMatrix yHat() {
        return output().v();
    }

    /** The output error d[L+1]: the notebook's d2 = (y_hat - y) * y_hat * (1 - y_hat), or y_hat - y with cross-entropy. */
    public RealMatrix d2() {
        return output().d();
    }

    /** d1 = (W2^T d2) * f'(z1), H x m, with the weights from before the update (the first hidden layer). */
    public RealMatrix d1() {
        return layer(1).d();
    }

    /** The step's gradient for W1: d1 X^T / m, H x 2 (without the regularisation term). */
    public RealMatrix gradW1() {
        return layer(1).gradW();
    }

    /** The step's gradient for b1: rowsum(d1) / m, H x 1. */
    public RealMatrix gradB1() {
        return layer(1).gradB();
    }

    /** The output layer's gradient for its W: the notebook's d2 v1^T / m, 1 x H (without the regularisation term). */
    public RealMatrix gradW2() {
        return output().gradW();
    }

    /** The output layer's gradient for its b: rowsum(d2) / m, 1 x 1. */
    public RealMatrix gradB2() {
        return output().gradB();
    }

    /** The chunk's mean loss (squared error or cross-entropy), from the forward pass before this update. */
    public double loss() {
        return loss;
    }

    /** The weights the forward pass used. */
    public Weights before() {
        return before;
    }

    /** The weights after this update (equal to {@link #before()} if the update diverged and was refused). */
    public Weights after() {
        return after;
    }

    /**
     * One layer's share of the update, layer l with width[l] units over width[l-1] inputs. Parameter-shaped values
     * come as a W part (width[l] x width[l-1]) and a b part (width[l] x 1).
     */
    public static final class LayerStep {
        private final int index;
        private final Activation activation;
        private final RealMatrix z;
        private final RealMatrix v;
        private final RealMatrix d;
        private final RealMatrix gradW;
        private final RealMatrix gradB;
        private final RealMatrix penaltyW;
        private final RealMatrix effectiveGradW;
        private final RealMatrix firstW;
        private final RealMatrix firstB;
        private final RealMatrix secondW;
        private final RealMatrix secondB;
        private final double biasCorrection1;
        private final double biasCorrection2;
        private final RealMatrix updateW;
        private final RealMatrix updateB;

        LayerStep(int index, Activation activation, RealMatrix z, RealMatrix v, RealMatrix d, RealMatrix gradW,
                  RealMatrix gradB, RealMatrix penaltyW, RealMatrix effectiveGradW, RealMatrix firstW,
                  RealMatrix firstB, RealMatrix secondW, RealMatrix secondB, double biasCorrection1,
                  double biasCorrection2, RealMatrix updateW, RealMatrix updateB) {
            this.index = index;
            this.activation = activation;
            this.z = z;
            this.v = v;
            this.d = d;
            this.gradW = gradW;
            this.gradB = gradB;
            this.penaltyW = penaltyW;
            this.effectiveGradW = effectiveGradW;
            this.firstW = firstW;
            this.firstB = firstB;
            this.secondW = secondW;
            this.secondB = secondB;
            this.biasCorrection1 = biasCorrection1;
            this.biasCorrection2 = biasCorrection2;
            this.updateW = updateW;
            this.updateB = updateB;
        }

        /** l, from 1. */
        public int index() {
            return index;
        }

        /** f of v[l] = f(z[l]): the hidden activation, or the sigmoid for the output layer. */
        public Activation activation() {
            return activation;
        }

        /** Units in this layer, width[l]. */
        public int units() {
            return z.getRowDimension();
        }

        /** z[l] = W[l] v[l-1] + b[l] (v[0] = X), width[l] x m. */
        public RealMatrix z() {
            return z.copy();
        }

        /** v[l] = f(z[l]) (y_hat for the output layer), width[l] x m. */
        public RealMatrix v() {
            return v.copy();
        }

        /**
         * d[l], the loss's derivative with respect to z[l], width[l] x m: for the output the loss's own output error,
         * below it (W[l+1]^T d[l+1]) * f'(z[l]) with the weights from before the update.
         */
        public RealMatrix d() {
            return d.copy();
        }

        /** The data's gradient for W[l]: d[l] v[l-1]^T / m. */
        public RealMatrix gradW() {
            return gradW.copy();
        }

        /** The gradient for b[l]: rowsum(d[l]) / m (the biases take no regularisation term). */
        public RealMatrix gradB() {
            return gradB.copy();
        }

        /** The regularisation term added to W[l]'s gradient: rate * W (l2), rate * sign(W) (l1), zeros for none. */
        public RealMatrix penaltyW() {
            return penaltyW.copy();
        }

        /** The gradient the optimiser used for W[l]: {@link #gradW()} plus {@link #penaltyW()} (with l1 or l2). */
        public RealMatrix effectiveGradW() {
            return effectiveGradW.copy();
        }

        /**
         * The optimiser's first state after this update, for W[l]: momentum's and nesterov's velocity v, Adam's
         * first moment m; zeros for sgd and rmsprop, which keep none. (After a refused, diverging update: the stopped
         * run's state, which it never uses again.)
         */
        public RealMatrix firstW() {
            return firstW.copy();
        }

        /** As {@link #firstW()}, for b[l]. */
        public RealMatrix firstB() {
            return firstB.copy();
        }

        /** The optimiser's average of squared gradients s after this update, for W[l]: rmsprop's and Adam's; else zeros. */
        public RealMatrix secondW() {
            return secondW.copy();
        }

        /** As {@link #secondW()}, for b[l]. */
        public RealMatrix secondB() {
            return secondB.copy();
        }

        /** Adam's bias-corrected first moment m / (1 - beta1^t), for W[l] (m itself for the other optimisers). */
        public RealMatrix correctedFirstW() {
            return divided(firstW, biasCorrection1);
        }

        /** As {@link #correctedFirstW()}, for b[l]. */
        public RealMatrix correctedFirstB() {
            return divided(firstB, biasCorrection1);
        }

        /** Adam's bias-corrected second moment s / (1 - beta2^t), for W[l] (s itself for the other optimisers). */
        public RealMatrix correctedSecondW() {
            return divided(secondW, biasCorrection2);
        }

        /** As {@link #correctedSecondW()}, for b[l]. */
        public RealMatrix correctedSecondB() {
            return divided(secondB, biasCorrection2);
        }

        /** The update applied to W[l]: after minus before (zeros when the update was refused). */
        public RealMatrix updateW() {
            return updateW.copy();
        }

        /** The update applied to b[l]: after minus before. */
        public RealMatrix updateB() {
            return updateB.copy();
        }

        /** Each entry over {@code c}, as the optimiser divides (one rounding, m / c). */
        private static RealMatrix divided(RealMatrix m, double c) {
            RealMatrix out = m.copy();
            out.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double value) {
                    return value / c;
                }
            });
            return out;
        }
    }
}
