package org.xorlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one loss axis, as the command line's PNG fixes it: round ends, and labels as the plot's height has room for. */
class LossLogAxisTest {

    @ParameterizedTest(name = "losses {0} to {1} show {2} to {3}")
    @CsvSource({
        "0.0027, 0.32, 0.002, 0.5",
        "0.01, 0.7, 0.01, 1",
        "0.05, 0.2, 0.05, 0.2",
        "3e-7, 0.25, 2e-7, 0.5",
        "0.0011, 1.9, 0.001, 2",
    })
    void aFixedRangeRunsFromARoundValueToARoundValue(double low, double high, double from, double to) {
        LossLogAxis axis = new LossLogAxis("loss");
        axis.setRoundedRange(low, high);

        assertThat(axis.getLowerBound()).isEqualTo(from);
        assertThat(axis.getUpperBound()).isEqualTo(to);
        assertThat(axis.isAutoRange()).isFalse();
    }

    @Test
    void aTallPlotLabelsOneTwoAndFiveOfEveryDecade() {
        assertThat(labels(0.0027, 0.32, 500))
                .containsExactly("0.5", "0.2", "0.1", "0.05", "0.02", "0.01", "0.005", "0.002");
    }

    @Test
    void aShortPlotLabelsOnlyThePowersOfTen() {
        // 2.4 decades in 100 px: a 1-2-5 step would be 12 px, less than one 16 px label's height.
        assertThat(labels(0.0027, 0.32, 100)).containsExactly("0.1", "0.01");
    }

    @Test
    void smallLossesAreLabelledInENotation() {
        assertThat(labels(3e-7, 2e-4, 500)).contains("0.0001", "1e-5", "1e-6", "5e-7", "2e-7");
    }

    /** The labelled ticks, top first, of a printed loss axis over a plot {@code height} px tall. */
    private static List<String> labels(double low, double high, int height) {
        LossLogAxis axis = new LossLogAxis("loss");
        ChartLook.PRINT.style(axis);
        axis.setRoundedRange(low, high);
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            List<String> labels = new ArrayList<>();
            for (Object o : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 800, height),
                    RectangleEdge.LEFT)) {
                ValueTick tick = (ValueTick) o;
                if (!tick.getText().isEmpty()) {
                    labels.add(0, tick.getText());
                }
            }
            return labels;
        } finally {
            g2.dispose();
        }
    }
}
