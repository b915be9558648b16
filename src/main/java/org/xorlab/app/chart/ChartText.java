package org.xorlab.app.chart;

import org.xorlab.text.NumberText;

/** What the chart writes for a reader, in {@link NumberText}'s one style: "epoch 1,234 · loss 0.0125". */
final class ChartText {

    private ChartText() {
    }

    /**
     * The readout for one point: "epoch 1,234 · loss 0.004195337011625507", the exact loss as the status bar and the
     * notebook print it, with the position on the x axis when that is not the epoch, and the run's name on a first
     * line when there are several runs. With a test loss (not NaN) a last line reads "test loss 0.0061...".
     */
    static String readout(String runName, long epoch, double loss, double testLoss, XAxisMode mode,
                          int updatesPerEpoch, int samplesPerEpoch) {
        StringBuilder s = new StringBuilder();
        if (runName != null) {
            s.append(runName).append('\n');
        }
        s.append("epoch ").append(NumberText.count(epoch));
        if (!Double.isNaN(loss)) {
            s.append(" · loss ").append(NumberText.python(loss));
        }
        long x = mode.x(epoch, updatesPerEpoch, samplesPerEpoch);
        if (mode == XAxisMode.UPDATES) {
            s.append(" · ").append(NumberText.count(x)).append(" updates");
        } else if (mode == XAxisMode.SAMPLES) {
            s.append(" · ").append(NumberText.count(x)).append(" samples");
        }
        if (!Double.isNaN(testLoss)) {
            s.append('\n').append("test loss ").append(NumberText.python(testLoss));
        }
        return s.toString();
    }
}
