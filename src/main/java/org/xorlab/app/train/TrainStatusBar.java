package org.xorlab.app.train;

import java.util.List;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.controls.StatusBar;
import org.xorlab.engine.TrainingSnapshot;
import org.xorlab.text.NumberText;

/**
 * The Train tab's status line: epoch (with the samples trained into the next one, "+ 12/140"), weight updates,
 * current loss, the shown weights' accuracy at threshold 0.5 ("97 % (test 94 %)" with a test set), training speed
 * and the latest message.
 */
final class TrainStatusBar extends StatusBar {
    TrainStatusBar(RunModel model) {
        super(model, "", List.of("Epoch", "Updates", "Loss", "Accuracy"));
    }

    @Override
    protected void show(TrainingFrame f) {
        TrainingSnapshot s = f.snapshot();
        show("Epoch", NumberText.count(s.epoch())
                + (s.nextSample() == 0 ? "" : " + " + s.nextSample() + "/" + s.config().sampleCount()));
        show("Updates", NumberText.count(s.updates()));
        // Full precision, exactly as the notebook prints its losses (0.0007711430393547778, never 7.7...E-4).
        show("Loss", s.hasLoss() ? NumberText.python(s.loss()) : "–");
        show("Accuracy", accuracy(f.runs().get(0)));
        message().getStyleClass().remove("error");
        if (s.diverged()) {
            message().getStyleClass().add("error");
        }
    }

    /** "97 %", or "97 % (test 94 %)" when points are held out; "–" before it is known. */
    static String accuracy(RunFrame run) {
        if (Double.isNaN(run.accuracy())) {
            return "–";
        }
        String train = NumberText.percent(run.accuracy());
        return run.hasTest() && !Double.isNaN(run.testAccuracy())
                ? train + " (test " + NumberText.percent(run.testAccuracy()) + ")"
                : train;
    }
}
