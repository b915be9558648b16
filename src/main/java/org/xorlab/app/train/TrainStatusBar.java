package org.xorlab.app.train;

import java.util.List;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.controls.StatusBar;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingSnapshot;
import org.xorlab.text.NumberText;

/** The Train tab's status line: epoch, weight updates, current loss, training speed and the latest message. */
final class TrainStatusBar extends StatusBar {
    TrainStatusBar(RunModel model) {
        super(model, "", List.of("Epoch", "Updates", "Loss"));
    }

    @Override
    protected void show(TrainingFrame f) {
        TrainingSnapshot s = f.snapshot();
        show("Epoch", NumberText.count(s.epoch())
                + (s.nextSample() == 0 ? "" : " + " + s.nextSample() + "/" + Dataset.SIZE));
        show("Updates", NumberText.count(s.updates()));
        // Full precision, exactly as the notebook prints its losses (0.0007711430393547778, never 7.7...E-4).
        show("Loss", s.hasLoss() ? NumberText.python(s.loss()) : "–");
        message().getStyleClass().remove("error");
        if (s.diverged()) {
            message().getStyleClass().add("error");
        }
    }
}
