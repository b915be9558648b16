package org.xorlab.app.chart;

import org.xorlab.text.NumberText;

/** What the chart writes for a reader, in {@link NumberText}'s one style: "epoch 1,234 · loss 0.0125". */
final class ChartText {

    private ChartText() {
    }

    /**
     * The readout for one point: "epoch 1,234 · loss 0.004195337011625507", the exact loss as the status bar and the
     * notebook print it, with the position on the x axis when that is not the epoch, and the run's name on a first
     * line when there are several runs.
     */
    static String readout(String runName, long epoch, double loss, XAxisMode mode, int updatesPerEpoch) {
        StringBuilder s = new StringBuilder();
        if (runName != null) {
            s.append(runName).append('\n');
        }
        s.append("epoch ").append(NumberText.count(epoch)).append(" · loss ").append(NumberText.python(loss));
        if (mode == XAxisMode.UPDATES) {
            s.append(" · ").append(NumberText.count(mode.x(epoch, updatesPerEpoch))).append(" updates");
        } else if (mode == XAxisMode.SAMPLES) {
            s.append(" · ").append(NumberText.count(mode.x(epoch, updatesPerEpoch))).append(" samples");
        }
        return s.toString();
    }
}
