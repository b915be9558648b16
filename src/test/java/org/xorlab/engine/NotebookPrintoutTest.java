package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.engine.ReferenceFiles.assertRelative;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every number the notebook (shared/seed/000_21096487a2026c8e.txt) prints, reproduced by the engine with the
 * notebook's settings (XOR, H = 2, seed 42, learning rate 0.1, SGD). Numbers the notebook prints with 8 decimals
 * are compared as NumPy shows them; numbers it prints in full are compared to a relative error of 1e-9 (the
 * loss of one forward pass to 1e-15: a few ulps, since the engine may add z2's terms in another order).
 */
class NotebookPrintoutTest {

    /** NumPy prints these arrays with 8 decimals. */
    private static String numpy(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    @Test
    void initialWeightsAreThePrintedOnes() {
        Weights w = new Trainer(TrainingConfig.NOTEBOOK).weights();
        // Initial Weights (Input to Hidden): [[0.37454012 0.95071431] [0.73199394 0.59865848]]
        assertThat(numpy(w.w1(0, 0))).isEqualTo("0.37454012");
        assertThat(numpy(w.w1(0, 1))).isEqualTo("0.95071431");
        assertThat(numpy(w.w1(1, 0))).isEqualTo("0.73199394");
        assertThat(numpy(w.w1(1, 1))).isEqualTo("0.59865848");
        // Initial Weights (Hidden to Output): [[0.05808361 0.86617615]]
        assertThat(numpy(w.w2(0))).isEqualTo("0.05808361");
        assertThat(numpy(w.w2(1))).isEqualTo("0.86617615");
    }

    @Test
    void lossOfTheSampleInputUnderTheInitialWeights() {
        // x_sample = [[0], [1]], y_true_sample = [[1]]: "Loss for the initialized weights: 0.05084754666230897"
        Weights w = Weights.initial(2, 42);
        double error = 1 - w.predict(0, 1);
        assertRelative("loss for (0,1) -> 1", error * error, 0.05084754666230897, 1e-15);
    }

    @Test
    void epochLossesPrintedEveryThousandEpochs() {
        // The notebook prints when epoch % 1000 == 0 (0-based), labelled epoch + 1.
        Map<Long, Double> printed = new LinkedHashMap<>();
        printed.put(1L, 0.3239537158130419);
        printed.put(1001L, 0.24817211793449434);
        printed.put(2001L, 0.21459076862934467);
        printed.put(3001L, 0.15936526038440854);
        printed.put(4001L, 0.04888994977531156);
        printed.put(5001L, 0.016090123221200778);
        printed.put(6001L, 0.00861826270292999);
        printed.put(7001L, 0.005697165950060215);
        printed.put(8001L, 0.00419533701162551);
        printed.put(9001L, 0.0032952036447040957);

        Map<Long, Double> seen = new LinkedHashMap<>();
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(10_000, (epoch, loss) -> {
            if (printed.containsKey(epoch)) {
                seen.put(epoch, loss);
            }
        });

        assertThat(seen.keySet()).containsExactlyElementsOf(printed.keySet());
        printed.forEach((epoch, loss) -> assertRelative("loss at epoch " + epoch, seen.get(epoch), loss, 1e-9));
    }

    @Test
    void finalPredictionsAfterTenThousandEpochs() {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(10_000, null);
        Weights w = trainer.weights();
        // Predicted Output after Training: [[0.05464331 0.95032601 0.95006665 0.05336686]]
        assertThat(new String[] {numpy(w.predict(0, 0)), numpy(w.predict(0, 1)), numpy(w.predict(1, 0)),
                numpy(w.predict(1, 1))})
                .containsExactly("0.05464331", "0.95032601", "0.95006665", "0.05336686");
    }
}
