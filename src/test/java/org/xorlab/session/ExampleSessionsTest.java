package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * The README's data screenshots come from the example sessions in docs/examples, played to their stop: what the
 * README says of them (the settings, the accuracy on the training and held-out points) is what they train to.
 */
class ExampleSessionsTest {
    private static Path example(String name) {
        return Path.of(System.getProperty("xorlab.reference.dir")).resolve("../../../../docs/examples")
                .resolve(name).normalize();
    }

    /** The run played from the file's state to its stop epoch, as Play does. */
    private static Weights played(Session s) {
        Trainer t = s.trainer();
        t.runEpochs(s.settings().stopEpochs() - s.epoch(), (e, loss) -> { });
        return t.weights();
    }

    @Test
    void theSpiralIsLearnedByADeeperTanhNetworkOnAllSevenFeatures() throws Exception {
        Session s = SessionFile.read(example("spiral.xorlab.json"));
        TrainingConfig c = s.settings().config();
        assertThat(c.dataName()).isEqualTo("spiral (300 points, noise 0, seed 1)");
        assertThat(c.options().features()).containsExactly(Feature.values());
        assertThat(c.hiddenLayers()).containsExactly(8, 8);
        assertThat(c.options().activation()).isEqualTo(Activation.TANH);
        assertThat(c.samples().size()).isEqualTo(210);
        assertThat(c.testSamples().size()).isEqualTo(90);
        assertThat(s.settings().stopEpochs()).isEqualTo(2000);
        Weights w = played(s);
        assertThat(NumberText.percent(w.accuracy(c.samples(), c.options()))).isEqualTo("100 %");
        assertThat(NumberText.percent(w.accuracy(c.testSamples(), c.options()))).isEqualTo("97 %");
    }

    @Test
    void theHandDrawnRingIsLearnedThroughTheSquares() throws Exception {
        Session s = SessionFile.read(example("own-points.xorlab.json"));
        TrainingConfig c = s.settings().config();
        assertThat(c.dataName()).isEqualTo("own points");
        assertThat(c.options().features()).isEqualTo(List.of(Feature.X1, Feature.X2, Feature.X1SQ, Feature.X2SQ));
        assertThat(c.samples().size()).isEqualTo(30);
        assertThat(c.batchSize()).isEqualTo(30);
        assertThat(NumberText.percent(played(s).accuracy(c.samples(), c.options()))).isEqualTo("100 %");
    }
}
