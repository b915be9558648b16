package org.xorlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Trains one network by the rules of the notebook (SPEC.md), or with the config's {@link TrainingOptions} by the
 * rules of SPEC's "Beyond the notebook" (hidden layers, activation, loss, optimiser, regularisation, init, order).
 * Each update ({@link #step()}) reads as the notebook's loop body: {@code forward} the next chunk of {@code batchSize} samples through every layer (z1, v1,
 * z2, y_hat), take its {@code outputError} (the squared error and d2), go {@code backward} (d1 from d2, one layer
 * down at a time), and {@code apply} the update, W -= lr * dW and b -= lr * db with the gradients d v_prev^T and
 * rowsum(d) averaged over the chunk. Not thread-safe: one thread trains, others read {@link #snapshot()}s.
 *
 * <p>The network is a list of {@link Layer}s (weights, biases, activation), input side first: the notebook's hidden
 * layer (W1, b1) and its output unit (W2, b2), or up to six hidden layers below the output. The maths is written
 * once, per layer, over small primitive arrays rather than {@link RealMatrix} operations: every RealMatrix operation allocates, a run may take millions of
 * updates, and the literal RealMatrix transcription of the notebook measured 11 to 57 times slower (see "Engine
 * core" in docs/ARCHITECTURE.md). Everything the trainer hands out ({@link Weights}, {@link UpdateTrace}) is in
 * RealMatrix form. The tests check these loops against that transcription and against NumPy.
 *
 * <p>Parameters are double-buffered: an update writes the new values into each layer's spare buffer and swaps only
 * if they are all finite, so a diverging update is refused and the last finite weights stay in place.
 */
public final class Trainer {
    /** Training samples n: the columns of X. */
    private final int n;
    /** Input features per sample: the first layer's fan-in (the truth table's two inputs by default). */
    private final int inputs;
    /** The points training walks, and the held-out points whose loss is taken after each epoch. */
    private final Samples samples;
    private final Samples testSamples;

    private TrainingConfig config;
    private final int hidden;
    private final TrainingOptions options;
    /** Cross-entropy rather than the notebook's squared error: chosen once, read once per update. */
    private final boolean crossEntropy;
    /** The seed's stream after the initial weights, for the shuffle's permutations; null with the fixed order. */
    private NumpyRandom random;
    /** The current epoch's sample order: column i of X and Y holds sample {@code order[i]}. */
    private int[] order;
    private double learningRate;
    private int batchSize;
    /** X, the inputs as columns: feature k of sample i at {@code k * n + i}; then a row of ones, for b1. */
    private final double[] x;
    /** Y, the targets as a row. */
    private final double[] y;
    private final Weights initial;

    /** Input side first; the last is the output layer, one sigmoid unit. */
    private final Layer[] layers;
    private final Layer output;

    private long epoch;
    private long updates;
    private int nextSample;
    private double epochTotal;
    private double loss = Double.NaN;
    /** The test set's loss with the last completed epoch's final weights; NaN without a test set. */
    private double testLoss = Double.NaN;
    /** The squared errors of this epoch's chunks so far, and of the last completed epoch (see {@link #squaredError}). */
    private double epochSquared;
    private double squaredError = Double.NaN;
    /** The last chunk's summed squared error, whichever loss trains (the same sum as the loss's with mse). */
    private double chunkSquared;
    private Divergence divergence;

    /** Whether each update keeps what {@link #lastUpdate()} shows (on unless {@link #setTracing} turned it off). */
    private boolean tracing = true;
    private boolean hasTrace;
    private int traceStart;
    private int traceSize;
    private long traceEpoch;
    private double traceLoss;
    private double traceRate;

    /** A run from the seed's NumPy-compatible initial weights (drawn by the config's init). */
    public Trainer(TrainingConfig config) {
        this(config, Weights.initial(config));
    }

    /**
     * A run from the given initial weights, for example to train several batch sizes from identical weights. With
     * the shuffled order the permutations come from the seed's stream after the draws the config's init makes, as if
     * these weights had been drawn from it.
     */
    public Trainer(TrainingConfig config, Weights initial) {
        requireLayers("initial weights", initial, config);
        this.config = config;
        this.hidden = config.hidden();
        this.options = config.options();
        this.crossEntropy = options.loss() == TrainingOptions.Loss.CROSS_ENTROPY;
        this.learningRate = config.learningRate();
        this.batchSize = config.batchSize();
        this.initial = initial;
        this.samples = config.samples();
        this.testSamples = config.testSamples();
        this.n = samples.size();
        this.inputs = config.inputs();
        this.order = identity(n);
        this.x = new double[(inputs + 1) * n];
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            x[inputs * n + i] = 1.0;
        }
        fillData();
        int[] widths = config.hiddenLayers();
        layers = new Layer[widths.length + 1];
        int in = inputs;
        for (int l = 0; l < widths.length; l++) {
            layers[l] = new Layer(widths[l], in, options.activation(), options, n);
            in = widths[l];
        }
        layers[widths.length] = new Layer(1, in, Activation.SIGMOID, options, n);
        output = layers[layers.length - 1];
        load(initial);
        startStream();
    }

    private static int[] identity(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void requireLayers(String which, Weights weights, TrainingConfig config) {
        if (weights.inputs() != config.inputs()) {
            throw new IllegalArgumentException(which + " take " + weights.inputs() + " input features but the config"
                    + " has " + config.inputs() + " (" + Feature.ids(config.options().features()) + ")");
        }
        if (weights.hasHiddenLayers(config.hiddenLayers())) {
            return;
        }
        if (weights.layers() == 2 && config.hiddenLayers().length == 1) {
            throw new IllegalArgumentException(which + " have " + weights.hidden()
                    + " hidden units but the config asks for " + config.hidden());
        }
        throw new IllegalArgumentException(which + " have hidden layers "
                + Arrays.toString(weights.hiddenLayers()) + " but the config asks for "
                + Arrays.toString(config.hiddenLayers()));
    }

    /** X and Y in the current {@link #order}. */
    private void fillData() {
        java.util.List<Feature> features = options.features();
        for (int i = 0; i < n; i++) {
            int sample = order[i];
            double x1 = samples.x1(sample);
            double x2 = samples.x2(sample);
            for (int k = 0; k < inputs; k++) {
                x[k * n + i] = features.get(k).of(x1, x2);
            }
            y[i] = samples.y(sample);
        }
    }

    /** With the shuffled order, the seed's stream just after the initial weights' draws; the fixed order again. */
    private void startStream() {
        if (options.order() != TrainingOptions.Order.SHUFFLE) {
            random = null;
            return;
        }
        random = new NumpyRandom(config.seed());
        for (long draws = Weights.draws(inputs, config.hiddenLayers(), options.init()); draws > 0; draws--) {
            random.nextDouble();
        }
        if (!Arrays.equals(order, identity(n))) {
            order = identity(n);
            fillData();
        }
    }

    /**
     * A run resumed at an epoch boundary, for example from a saved session: it holds {@code current} after
     * {@code epoch} epochs and {@code updates} updates, and trains on exactly as the run it was saved from would
     * have (the state between epochs is only the weights and the counters). {@link #reset()} returns to
     * {@code initial}.
     *
     * <p>The optimiser's state starts from zero, which continues a plain SGD run exactly; for the other optimisers
     * use {@link #restore(TrainingConfig, Weights, Weights, long, long, double, OptimizerState)}.
     *
     * @param loss the loss of epoch {@code epoch}; NaN when {@code epoch} is 0
     * @throws IllegalArgumentException naming the first value out of range: a weight shape that does not match
     *                                  the config, a non-finite weight, a negative epoch, fewer updates than
     *                                  epochs or more than {@code epoch * 4}, or a loss that is not a finite number
     *                                  from 0 to 1 after at least one epoch
     */
    public static Trainer restore(TrainingConfig config, Weights initial, Weights current, long epoch, long updates,
                                  double loss) {
        return restore(config, initial, current, epoch, updates, loss,
                OptimizerState.zero(config.inputs(), config.hiddenLayers()));
    }

    /**
     * {@link #restore(TrainingConfig, Weights, Weights, long, long, double)} with the optimiser's state as it was
     * (see {@link #optimizerState()}): momentum's velocity, rmsprop's and adam's moments, so the run goes on with
     * exactly the numbers it would have had. Adam's t goes on from {@code updates}.
     *
     * @throws IllegalArgumentException as the other restore, or if the state's shapes do not match the config or a
     *                                  value of it is not finite
     */
    public static Trainer restore(TrainingConfig config, Weights initial, Weights current, long epoch, long updates,
                                  double loss, OptimizerState state) {
        requireLayers("current weights", current, config);
        if (state == null) {
            throw new IllegalArgumentException("the optimizer's state must be given (OptimizerState.zero for none)");
        }
        requireLayers("the optimizer's first moments", state.first(), config);
        requireLayers("the optimizer's second moments", state.second(), config);
        if (!state.first().isFinite() || !state.second().isFinite()) {
            throw new IllegalArgumentException("every value of the optimizer's state must be a finite number");
        }
        if (!initial.isFinite() || !current.isFinite()) {
            throw new IllegalArgumentException("every weight must be a finite number");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more (got " + epoch + ")");
        }
        // Each epoch takes from 1 (full batch) to n (batch size 1) updates, whatever batch sizes it went through.
        int samples = config.sampleCount();
        long most = epoch > Long.MAX_VALUE / samples ? Long.MAX_VALUE : epoch * samples;
        if (updates < epoch || updates > most) {
            throw new IllegalArgumentException("after " + epoch + " epochs the updates must be from " + epoch
                    + " to " + most + " (got " + updates + ")");
        }
        // The squared error of a sigmoid output is at most 1; cross-entropy has no upper bound.
        boolean squared = config.options().loss() == TrainingOptions.Loss.MSE;
        if (epoch == 0 ? !Double.isNaN(loss) : !(loss >= 0 && (squared ? loss <= 1 : loss < Double.POSITIVE_INFINITY))) {
            throw new IllegalArgumentException(epoch == 0
                    ? "there is no loss before the first epoch (got " + loss + ")"
                    : squared ? "the last epoch's loss must be a number from 0 to 1 (got " + loss + ")"
                    : "the last epoch's loss must be a finite number from 0 up (got " + loss + ")");
        }
        Trainer trainer = new Trainer(config, initial);
        trainer.load(current);
        for (int l = 0; l < trainer.layers.length; l++) {
            trainer.layers[l].loadState(state.first().weightArray(l), state.first().biasArray(l),
                    state.second().weightArray(l), state.second().biasArray(l));
        }
        // Each finished epoch drew one permutation from the stream.
        if (trainer.random != null) {
            for (long e = 0; e < epoch; e++) {
                trainer.order = trainer.random.permutation(trainer.n);
            }
            trainer.fillData();
        }
        trainer.epoch = epoch;
        trainer.updates = updates;
        trainer.loss = loss;
        // With cross-entropy the saved loss does not say the squared error; it is known again after the next epoch.
        trainer.squaredError = squared ? loss : Double.NaN;
        trainer.testLoss = epoch > 0 ? trainer.measureTest() : Double.NaN;
        return trainer;
    }

    /**
     * Applies one weight update: the next chunk of up to {@code batchSize} samples in this epoch's order (with the
     * shuffled order, a new permutation is drawn before an epoch's first chunk).
     *
     * @return false if the run has diverged (now or before) and nothing changed
     */
    public boolean step() {
        if (divergence != null) {
            return false;
        }
        final int start = nextSample;
        if (start == 0 && random != null) {
            order = random.permutation(n);
            fillData();
        }
        final int m = Math.min(batchSize, n - start);
        forward(start, m);
        final double squared = crossEntropy ? crossEntropyError(start, m) : outputError(start, m);
        backward(start, m);
        final boolean finite = apply(start, m);

        if (tracing) {
            recordTrace(start, m, squared);
        }

        // A weight or the loss became infinite or NaN: refuse the update, keep the last finite weights.
        if (!finite || !Double.isFinite(squared)) {
            divergence = new Divergence(epoch + 1, updates + 1, learningRate);
            return false;
        }
        for (Layer layer : layers) {
            layer.accept();
        }
        updates++;
        epochTotal += squared;
        epochSquared += crossEntropy ? chunkSquared : squared;
        nextSample = start + m;
        if (nextSample == n) {
            epoch++;
            loss = epochTotal / n;
            squaredError = epochSquared / n;
            testLoss = measureTest();
            epochTotal = 0;
            epochSquared = 0;
            nextSample = 0;
        }
        return true;
    }

    /** What {@link #lastUpdate()} needs besides the layers' arrays: which chunk, of which epoch, at what rate. */
    private void recordTrace(int start, int m, double squared) {
        hasTrace = true;
        traceStart = start;
        traceSize = m;
        traceEpoch = epoch + 1;
        traceLoss = squared / m;
        traceRate = learningRate;
    }

    /** z1 = W1 X + b1, v1 = sigmoid(z1), z2 = W2 v1 + b2, y_hat = sigmoid(z2): layer by layer, for the chunk. */
    private void forward(int start, int m) {
        double[] in = x;
        for (Layer layer : layers) {
            layer.forward(in, start, m);
            in = layer.v;
        }
    }

    /**
     * sum((Y - Y_hat)^2) over the chunk, its share of the epoch's loss before the chunk's own update, and the output
     * error d2 = (Y_hat - Y) * sigma'(z2): the mean squared error's derivative without the factor 2 (the notebook's
     * code).
     */
    private double outputError(int start, int m) {
        double squared = 0;
        for (int i = start; i < start + m; i++) {
            double yHat = output.v[i];
            double error = y[i] - yHat;
            squared += error * error;
            output.d[i] = (yHat - y[i]) * (yHat * (1 - yHat));
        }
        return squared;
    }

    /**
     * Cross-entropy's sum over the chunk, max(z, 0) - z y + log(1 + exp(-|z|)) with z the output's pre-activation
     * (SPEC's stable form, log of 1 + exp as written, not log1p), and its output error d = y_hat - y.
     */
    private double crossEntropyError(int start, int m) {
        double total = 0;
        double squared = 0;
        for (int i = start; i < start + m; i++) {
            double z = output.z[i];
            total += Math.max(z, 0.0) - z * y[i] + Math.log(1 + Math.exp(-Math.abs(z)));
            double error = y[i] - output.v[i];
            squared += error * error;
            output.d[i] = output.v[i] - y[i];
        }
        chunkSquared = squared;
        return total;
    }

    /**
     * From the output layer down, with the weights from before this update: the d of the layer below,
     * d1 = (W2^T d2) * sigma'(z1).
     */
    private void backward(int start, int m) {
        for (int l = layers.length - 1; l > 0; l--) {
            layers[l].backpropagate(layers[l - 1], start, m);
        }
    }

    /**
     * Gradient descent on every layer: W -= lr * (sum of d v_prev^T) / m and b -= lr * rowsum(d) / m, each sum taken
     * over the chunk just before its parameter's update, into the spare buffers (SGD as the notebook does it; the
     * place for other optimisers).
     *
     * @return true if every new value is finite
     */
    private boolean apply(int start, int m) {
        boolean finite = true;
        double[] in = x;
        final long t = updates + 1;
        for (Layer layer : layers) {
            finite &= layer.descend(in, start, m, learningRate, t);
            in = layer.v;
        }
        return finite;
    }

    /** The test set's loss with the current weights (NaN without a test set). */
    private double measureTest() {
        return testSamples.isEmpty() ? Double.NaN : weights().loss(testSamples, options);
    }

    /** Sets every layer's parameters, in both buffers, to {@code w}. */
    private void load(Weights w) {
        for (int l = 0; l < layers.length; l++) {
            layers[l].load(w.weightArray(l), w.biasArray(l));
        }
    }

    /** Every layer's W and b from its {@code p} or its spare buffer. */
    private Weights weightsOf(boolean spare) {
        int[] widths = new int[layers.length + 1];
        double[][] w = new double[layers.length][];
        double[][] b = new double[layers.length][];
        widths[0] = inputs;
        for (int l = 0; l < layers.length; l++) {
            Layer layer = layers[l];
            double[] params = spare ? layer.nextP : layer.p;
            widths[l + 1] = layer.units;
            w[l] = layer.weights(params);
            b[l] = layer.biases(params);
        }
        return new Weights(widths, w, b);
    }

    /** The spare buffers as W[l], b[l]: after an accepted update, the weights from before it. */
    private Weights spareWeights() {
        return weightsOf(true);
    }

    /**
     * Runs updates until the current epoch completes (a whole epoch from a boundary).
     *
     * @return false if the run diverged before the epoch completed
     */
    public boolean stepEpoch() {
        do {
            if (!step()) {
                return false;
            }
        } while (nextSample != 0);
        return true;
    }

    /**
     * Trains {@code count} more epochs, telling {@code listener} of each (may be null).
     *
     * @return the number of epochs completed; fewer than {@code count} only if the run diverged
     */
    public long runEpochs(long count, EpochListener listener) {
        if (count < 0) {
            throw new IllegalArgumentException("epoch count must be 0 or more (got " + count + ")");
        }
        for (long n = 0; n < count; n++) {
            if (!stepEpoch()) {
                return n;
            }
            if (listener != null) {
                listener.epochCompleted(epoch, loss);
            }
        }
        return count;
    }

    /**
     * Changes the learning rate and batch size from the next update on, keeping the weights and counters: a teacher
     * can turn the rate up mid-run. Dataset, hidden units and seed define the run and cannot change.
     */
    public void retune(double newLearningRate, int newBatchSize) {
        config = new TrainingConfig(config.dataset(), hidden, config.seed(), newLearningRate, newBatchSize, options);
        learningRate = newLearningRate;
        batchSize = newBatchSize;
    }

    /** Returns to the run's initial weights, epoch 0, no history. */
    public void reset() {
        load(initial);
        epoch = 0;
        updates = 0;
        nextSample = 0;
        epochTotal = 0;
        loss = Double.NaN;
        testLoss = Double.NaN;
        epochSquared = 0;
        squaredError = Double.NaN;
        divergence = null;
        hasTrace = false;
        for (Layer layer : layers) {
            layer.clearState();
        }
        startStream();
    }

    public TrainingConfig config() {
        return config;
    }

    /** The weights this run started from (and returns to on {@link #reset()}). */
    public Weights initialWeights() {
        return initial;
    }

    /** A copy of the current weights. */
    public Weights weights() {
        return weightsOf(false);
    }

    /**
     * A copy of the optimiser's state now (all zeros for plain SGD, and before the first update): with the weights
     * and counters, all a {@link #restore(TrainingConfig, Weights, Weights, long, long, double, OptimizerState)}
     * needs to continue the run exactly.
     */
    public OptimizerState optimizerState() {
        return new OptimizerState(stateOf(false), stateOf(true));
    }

    private Weights stateOf(boolean second) {
        int[] widths = new int[layers.length + 1];
        double[][] w = new double[layers.length][];
        double[][] b = new double[layers.length][];
        widths[0] = inputs;
        for (int l = 0; l < layers.length; l++) {
            widths[l + 1] = layers[l].units;
            w[l] = layers[l].stateWeights(second);
            b[l] = layers[l].stateBiases(second);
        }
        return new Weights(widths, w, b);
    }

    /** The current epoch's sample order (the last epoch's at a boundary): always 0, 1, ..., n - 1 with the fixed order. */
    public int[] sampleOrder() {
        return order.clone();
    }

    /** Completed epochs. */
    public long epoch() {
        return epoch;
    }

    /** Weight updates applied. */
    public long updates() {
        return updates;
    }

    /** Position (0 to n - 1) in this epoch's {@link #sampleOrder()} of the next sample to train on. */
    public int nextSample() {
        return nextSample;
    }

    /**
     * The last completed epoch's loss: the mean over the samples of each one's squared error (or cross-entropy)
     * before its own update.
     */
    public double loss() {
        return loss;
    }

    /**
     * The last completed epoch's mean squared error, whatever loss the run minimises: the mean over the samples of
     * each one's (y - y_hat)^2 before its own update. With mse it is {@link #loss()}; with cross-entropy it is the
     * common yardstick by which runs of different losses can be compared. NaN before the first epoch (and, after a
     * cross-entropy run's {@link #restore}, until the next epoch completes).
     */
    public double squaredError() {
        return squaredError;
    }

    /**
     * The test set's loss (by the run's loss function) with the last completed epoch's final weights; NaN before the
     * first epoch and when nothing is held out (SPEC.md, "Data").
     */
    public double testLoss() {
        return testLoss;
    }

    /**
     * How many (hidden unit, sample) pairs had |z| above {@code limit} in their last forward pass, over every hidden
     * layer: after a completed epoch, the pre-activations each sample met during that epoch. Reads the trainer's own
     * z arrays (hidden units x samples), so it costs a handful of comparisons and no extra forward pass.
     */
    public int saturatedPairs(double limit) {
        int count = 0;
        for (int l = 0; l < layers.length - 1; l++) {
            for (double z : layers[l].z) {
                count += Math.abs(z) > limit ? 1 : 0;
            }
        }
        return count;
    }

    /** The number of (hidden unit, sample) pairs {@link #saturatedPairs} counts among: hidden units times samples. */
    public int hiddenPairs() {
        int count = 0;
        for (int l = 0; l < layers.length - 1; l++) {
            count += layers[l].z.length;
        }
        return count;
    }

    /** The number of training samples n. */
    public int sampleCount() {
        return n;
    }

    /** Why the run stopped, or null. */
    public Divergence divergence() {
        return divergence;
    }

    public boolean diverged() {
        return divergence != null;
    }

    /** An immutable picture of the run now. */
    public TrainingSnapshot snapshot() {
        return new TrainingSnapshot(config, epoch, updates, nextSample, loss, testLoss, weights(), lastUpdate(),
                divergence);
    }

    /**
     * Whether each update keeps what {@link #lastUpdate()} shows: on by default (the window's step inspector reads
     * it). Off, an update computes exactly the same weights and losses but leaves out the trace's bookkeeping (the
     * chunk, epoch, rate and loss of the update, and each layer's gradient sums), and {@link #lastUpdate()} is null
     * until tracing is on again and an update has been made. For many runs nobody inspects, such as a study's.
     */
    public void setTracing(boolean on) {
        tracing = on;
        hasTrace = false;
        for (Layer layer : layers) {
            layer.keepSums = on;
        }
    }

    /** True while each update keeps its trace ({@link #setTracing}). */
    public boolean isTracing() {
        return tracing;
    }

    /** The last update's intermediate values, or null before the first update (and with tracing off). */
    public UpdateTrace lastUpdate() {
        if (!hasTrace) {
            return null;
        }
        final int m = traceSize;
        RealMatrix mx = new Array2DRowRealMatrix(inputs, m);
        RealMatrix my = new Array2DRowRealMatrix(1, m);
        for (int c = 0; c < m; c++) {
            int i = traceStart + c;
            for (int k = 0; k < inputs; k++) {
                mx.setEntry(k, c, x[k * n + i]);
            }
            my.setEntry(0, c, y[i]);
        }
        // After a refused (diverging) update both are the kept weights; otherwise the spare buffers hold "before".
        Weights after = weights();
        Weights before = divergence != null ? after : spareWeights();
        long update = divergence != null ? updates + 1 : updates;
        // The t this update's descend was given (updates + 1 at the time): the update's own count.
        boolean adam = options.optimizer() == TrainingOptions.Optimizer.ADAM;
        double c1 = adam ? Layer.biasCorrection(options.beta1(), update) : 1;
        double c2 = adam ? Layer.biasCorrection(options.beta2(), update) : 1;
        List<UpdateTrace.LayerStep> steps = new ArrayList<>(layers.length);
        for (int l = 0; l < layers.length; l++) {
            steps.add(layerStep(l, m, before, after, c1, c2));
        }
        return new UpdateTrace(traceEpoch, update, traceStart, traceRate, options, mx, my, steps, traceLoss, c1, c2,
                before, after);
    }

    /** Layer {@code l}'s (from 0) share of the last update, copied out of its arrays. */
    private UpdateTrace.LayerStep layerStep(int l, int m, Weights before, Weights after, double c1, double c2) {
        final Layer layer = layers[l];
        final int units = layer.units;
        final int inputs = layer.inputs;
        final int cols = layer.cols;
        RealMatrix z = new Array2DRowRealMatrix(units, m);
        RealMatrix v = new Array2DRowRealMatrix(units, m);
        RealMatrix d = new Array2DRowRealMatrix(units, m);
        for (int j = 0; j < units; j++) {
            for (int c = 0; c < m; c++) {
                int at = j * n + traceStart + c;
                z.setEntry(j, c, layer.z[at]);
                v.setEntry(j, c, layer.v[at]);
                d.setEntry(j, c, layer.d[at]);
            }
        }
        // The gradients are the sums divided by m here, the same division the update's lr * sum / m leaves out; the
        // regularisation term is the one descend added, from the weights before the update.
        RealMatrix gw = new Array2DRowRealMatrix(units, inputs);
        RealMatrix gb = new Array2DRowRealMatrix(units, 1);
        RealMatrix penalty = new Array2DRowRealMatrix(units, inputs);
        RealMatrix effective = new Array2DRowRealMatrix(units, inputs);
        double[] first = layer.firstMoment();
        double[] second = layer.secondMoment();
        RealMatrix firstW = new Array2DRowRealMatrix(units, inputs);
        RealMatrix firstB = new Array2DRowRealMatrix(units, 1);
        RealMatrix secondW = new Array2DRowRealMatrix(units, inputs);
        RealMatrix secondB = new Array2DRowRealMatrix(units, 1);
        boolean penalised = options.regularization() != TrainingOptions.Regularization.NONE;
        for (int j = 0; j < units; j++) {
            for (int k = 0; k <= inputs; k++) {
                int n = j * cols + k;
                double g = layer.sums[n] / m;
                double f = first.length == 0 ? 0.0 : first[n];
                double s = second.length == 0 ? 0.0 : second[n];
                if (k == inputs) {
                    gb.setEntry(j, 0, g);
                    firstB.setEntry(j, 0, f);
                    secondB.setEntry(j, 0, s);
                } else {
                    double r = penalised ? layer.penalty(before.weight(l + 1, j, k)) : 0.0;
                    gw.setEntry(j, k, g);
                    penalty.setEntry(j, k, r);
                    effective.setEntry(j, k, penalised ? g + r : g);
                    firstW.setEntry(j, k, f);
                    secondW.setEntry(j, k, s);
                }
            }
        }
        return new UpdateTrace.LayerStep(l + 1, layer.activation, z, v, d, gw, gb, penalty, effective, firstW,
                firstB, secondW, secondB, c1, c2, after.w(l + 1).subtract(before.w(l + 1)),
                after.b(l + 1).subtract(before.b(l + 1)));
    }
}
