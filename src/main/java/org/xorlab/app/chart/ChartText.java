package org.xorlab.app.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats of what the chart writes for a reader: "1,234" and "0.01234". */
final class ChartText {

    private ChartText() {
    }

    /** An epoch or other count with thousands separators: "1,234". */
    static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** A loss to four significant digits without trailing zeros: "0.01234", "0.001", "1.234e-5". */
    static String loss(double loss) {
        if (!Double.isFinite(loss)) {
            return Double.toString(loss);
        }
        BigDecimal rounded = new BigDecimal(loss).round(new MathContext(4)).stripTrailingZeros();
        if (loss == 0 || Math.abs(loss) >= 1e-4) {
            return rounded.toPlainString();
        }
        return rounded.toString().replace("E", "e");
    }

    /**
     * The readout for one point: "epoch 1,234 · loss 0.01234", with the position on the x axis when that is not the
     * epoch, and the run's name on a first line when there are several runs.
     */
    static String readout(String runName, long epoch, double loss, XAxisMode mode, int updatesPerEpoch) {
        StringBuilder s = new StringBuilder();
        if (runName != null) {
            s.append(runName).append('\n');
        }
        s.append("epoch ").append(count(epoch)).append(" · loss ").append(loss(loss));
        if (mode == XAxisMode.UPDATES) {
            s.append(" · ").append(count(mode.x(epoch, updatesPerEpoch))).append(" updates");
        } else if (mode == XAxisMode.SAMPLES) {
            s.append(" · ").append(count(mode.x(epoch, updatesPerEpoch))).append(" samples");
        }
        return s.toString();
    }
}
