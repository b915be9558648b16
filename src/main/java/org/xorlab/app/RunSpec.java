package org.xorlab.app;

import org.xorlab.engine.TrainingConfig;

/** A run to train: its name on screen and its settings. */
public record RunSpec(String name, TrainingConfig config) {
}
