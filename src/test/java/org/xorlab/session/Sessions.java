package org.xorlab.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/** Sessions of real runs for the tests in this package. */
final class Sessions {
    private Sessions() {
    }

    /**
     * The run of {@code config} after {@code epochs} epochs (with its optimiser's state), with Play set to stop when
     * the loss is below 0.05.
     */
    static Session trained(TrainingConfig config, int epochs) {
        Trainer trainer = new Trainer(config);
        double[] history = new double[epochs];
        trainer.runEpochs(epochs, (e, loss) -> history[(int) e - 1] = loss);
        return new Session(new RunSettings(config, true, 20_000, 0.05), trainer.initialWeights(), trainer.weights(),
                trainer.optimizerState(), trainer.epoch(), trainer.updates(), history);
    }

    static String json(Session session) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionFile.write(session, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
