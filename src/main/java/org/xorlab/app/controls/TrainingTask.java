package org.xorlab.app.controls;

import javafx.concurrent.Task;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;

/**
 * The one adapter from the JavaFX-free {@link TrainingLoop} to a JavaFX {@link Task}: it runs the loop on the task's
 * thread and hands its frames to {@link #updateValue}, which keeps only the newest until the FX thread takes it, so a
 * fast loop never floods the FX thread. Cancelling the task ends the loop.
 */
final class TrainingTask extends Task<TrainingFrame> {
    private final TrainingLoop loop;

    TrainingTask(TrainingLoop loop) {
        this.loop = loop;
    }

    @Override
    protected TrainingFrame call() {
        try {
            loop.run(this::updateValue, this::isCancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
