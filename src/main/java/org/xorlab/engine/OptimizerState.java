package org.xorlab.engine;

import java.util.Objects;

/**
 * An optimiser's state after some updates (SPEC.md, "Beyond the notebook"), in the shapes of the parameters it
 * belongs to: {@code first} holds momentum's and nesterov's velocity v or adam's first moment m, {@code second}
 * rmsprop's and adam's average of squared gradients s, one number per weight and bias (W[l] and b[l] of each layer).
 * What an optimiser does not use is zero; plain SGD's state is all zeros. Immutable ({@link Weights} hands out
 * copies), so it can be saved and handed to {@link Trainer#restore(TrainingConfig, Weights, Weights, long, long,
 * double, OptimizerState)} to continue a run exactly.
 *
 * @param first  v or m, shaped as the network's weights
 * @param second s, shaped as the network's weights
 */
public record OptimizerState(Weights first, Weights second) {
    public OptimizerState {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!first.hasHiddenLayers(second.hiddenLayers())) {
            throw new IllegalArgumentException("the optimizer's first and second moments must have the same shapes");
        }
    }

    /** The state an optimiser starts from: zeros for every parameter of a network with these hidden layers. */
    public static OptimizerState zero(int[] hiddenLayers) {
        return zero(2, hiddenLayers);
    }

    /** No state yet for a network with {@code inputs} input features and these hidden layers. */
    public static OptimizerState zero(int inputs, int[] hiddenLayers) {
        Weights zeros = Weights.zeros(inputs, hiddenLayers);
        return new OptimizerState(zeros, zeros);
    }
}
