package org.xorlab.app.view;

import org.xorlab.engine.Activation;

/**
 * How a hidden unit's activation v is coloured on {@link Palette}'s orange-white-blue scale, and where its map draws
 * its line. A sigmoid's v runs from 0 (orange) through 0.5 (white) to 1 (blue), as the output's y_hat always does;
 * tanh, ReLU and linear units from -1 (orange) through 0 (white) to 1 (blue), clamped beyond, so that a unit that is
 * off (ReLU's 0) is white.
 */
final class ActivationScale {
    private ActivationScale() {
    }

    /** The value's place on the colour scale, 0 for orange to 1 for blue (Palette clamps beyond). */
    static double position(Activation activation, double v) {
        return activation == Activation.SIGMOID ? v : (v + 1) / 2;
    }

    /** The colour scale's middle, where a unit's map draws its line: 0.5 for a sigmoid, else 0 (ReLU: just above). */
    static double level(Activation activation) {
        return switch (activation) {
            case SIGMOID -> 0.5;
            // ReLU's v is never below 0: the line runs where it leaves 0, z = 0.
            case RELU -> Double.MIN_NORMAL;
            case TANH, LINEAR -> 0;
        };
    }

    /** The value written at the orange end of the legend's scale. */
    static String low(Activation activation) {
        return activation == Activation.SIGMOID ? "0" : "\u22121";
    }
}
