package org.xorlab.app;

import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Weights;

/**
 * A rewound run: the weights kept for an earlier epoch and the decision surface sampled from them on the training
 * thread; immutable.
 *
 * @param epoch   the epoch shown: the nearest kept epoch at or before the one asked for
 * @param weights the weights at the end of that epoch
 * @param grid    the decision surface sampled from {@code weights}
 */
public record Preview(long epoch, Weights weights, DecisionGrid grid) {
}
