package org.xorlab.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueAxisPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.xorlab.text.NumberText;

/**
 * A base-10 log axis for losses with plain decimal tick labels (0.001, 0.01, 0.1) instead of powers.
 *
 * <p>Labels decades, or 1-2-5 steps when there is room; minor grid lines at 2..9 times a power of ten. When the
 * range is too narrow to hold two such labels (early in training the loss barely moves), evenly spaced decimal ticks
 * are used instead, as few as the plot's height needs. Either way two neighbouring labels are at least 1.6 label
 * heights apart, so they never touch however short the plot. The auto range spans at least a fifth of a decade, so a flat curve does not fill the plot with noise.
 *
 * <p>The window's live chart lets it follow the data; a printed chart fixes its range with {@link #setRoundedRange}.
 * Both draw the same ticks and labels.
 */
public final class LossLogAxis extends LogAxis {

    /** Range shown before any loss arrives. */
    private static final Range EMPTY_RANGE = new Range(1e-3, 1);
    /** Narrowest auto range, in decades. */
    private static final double MIN_DECADES = 0.2;
    /** Fraction of the log range added above and below the data. */
    private static final double MARGIN = 0.04;
    /** Below this, tick labels switch from decimals to 1e-5 notation. */
    private static final double SMALLEST_DECIMAL = 1e-4;
    /** The mantissas of the round values a fixed range starts and ends at. */
    private static final int[] ROUND_MANTISSAS = {1, 2, 5};

    /** A log axis with minor tick marks, following the data until a range is set. */
    public LossLogAxis(String label) {
        super(label);
        setSmallestValue(1e-300);
        setMinorTickMarksVisible(true);
    }

    /**
     * Fixes the range to run from the largest 1, 2 or 5 times a power of ten at or below {@code low} to the smallest
     * at or above {@code high}, so that both ends are labelled.
     *
     * @param low the least loss to show, positive and finite
     * @param high the greatest loss to show, at least {@code low}
     */
    public void setRoundedRange(double low, double high) {
        setRange(roundedBelow(low), roundedAbove(high));
    }

    /** The largest 1, 2 or 5 times a power of ten at or below {@code v}. */
    static double roundedBelow(double v) {
        int k = (int) Math.floor(Math.log10(v));
        double best = Math.pow(10, k);
        for (int m : ROUND_MANTISSAS) {
            double candidate = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
            if (candidate <= v) {
                best = candidate;
            }
        }
        return best;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
    static double roundedAbove(double v) {
        int k = (int) Math.floor(Math.log10(v));
        for (int m : ROUND_MANTISSAS) {
            double candidate = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
            if (candidate >= v) {
                return candidate;
            }
        }
        return Math.pow(10, k + 1);
    }

    @Override
    protected void autoAdjustRange() {
        Plot plot = getPlot();
        if (!(plot instanceof ValueAxisPlot)) {
            return;
        }
        Range data = ((ValueAxisPlot) plot).getDataRange(this);
        if (data == null || !(data.getLowerBound() > 0)) {
            setRange(EMPTY_RANGE, false, false);
            return;
        }
        double low = Math.log10(data.getLowerBound());
        double high = Math.log10(data.getUpperBound());
        if (high - low < MIN_DECADES) {
            double middle = (high + low) / 2;
            low = middle - MIN_DECADES / 2;
            high = middle + MIN_DECADES / 2;
        }
        double margin = (high - low) * MARGIN;
        // Kept inside the decades a double can show, so an extreme target loss cannot collapse or overflow the range.
        double from = Math.max(-300, Math.min(299, low - margin));
        double to = Math.min(300, Math.max(from + MIN_DECADES, high + margin));
        setRange(new Range(Math.pow(10, from), Math.pow(10, to)), false, false);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double labelHeight = getTickLabelFont().getLineMetrics("0.123", g2.getFontRenderContext()).getHeight();
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        return ticks(exponentLengthToJava2D(1.0, dataArea, edge), 1.6 * labelHeight, anchor);
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double labelWidth = g2.getFontMetrics(getTickLabelFont()).stringWidth("0.0001");
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        return ticks(exponentLengthToJava2D(1.0, dataArea, edge), 1.5 * labelWidth, anchor);
    }

    /**
     * Ticks for the current range.
     *
     * @param pixelsPerDecade screen length of one power of ten
     * @param labelSpace screen length one label needs, gap included
     */
    private List<ValueTick> ticks(double pixelsPerDecade, double labelSpace, TextAnchor anchor) {
        Range range = getRange();
        // Clamped to the doubles' own decades, so an extreme range (a target loss of 1e300, say) cannot loop forever.
        double low = Math.min(Math.max(range.getLowerBound(), getSmallestValue()), Double.MAX_VALUE);
        double high = Math.min(range.getUpperBound(), Double.MAX_VALUE);
        if (!(low > 0) || !(high >= low)) {
            return new ArrayList<>();
        }
        int firstDecade = Math.max(-324, (int) Math.floor(Math.log10(low)));
        int lastDecade = Math.min(308, (int) Math.ceil(Math.log10(high)));
        // 1, 2 and 5 sit 0.3, 0.4 and 0.3 decades apart.
        boolean oneTwoFive = pixelsPerDecade * 0.3 >= labelSpace;
        int decadeStep = Math.max(1, (int) Math.ceil(labelSpace / pixelsPerDecade));
        boolean minor = pixelsPerDecade >= 40;

        List<ValueTick> ticks = new ArrayList<>();
        int labelled = 0;
        for (int decade = firstDecade; decade <= lastDecade; decade++) {
            for (int mantissa = 1; mantissa <= 9; mantissa++) {
                double value = Double.parseDouble(mantissa + "E" + decade);
                if (value < low || value > high) {
                    continue;
                }
                boolean major = mantissa == 1
                        ? Math.floorMod(decade, decadeStep) == 0
                        : oneTwoFive && (mantissa == 2 || mantissa == 5);
                if (major) {
                    ticks.add(tick(TickType.MAJOR, value, label(value), anchor));
                    labelled++;
                } else if (minor) {
                    ticks.add(tick(TickType.MINOR, value, "", anchor));
                }
            }
        }
        return labelled >= 2 ? ticks : linearTicks(low, high, pixelsPerDecade, labelSpace, anchor);
    }

    /**
     * Evenly spaced ticks at round decimals, for a range narrower than the 1-2-5 labels: about five, or fewer when the
     * plot is short. On a log axis equal steps lie closer together towards the top, so the step grows (1, 2, 5 times
     * a power of ten) until every two neighbouring labels are {@code labelSpace} apart; if no step leaves two labels
     * that room, the one round value nearest the middle is labelled.
     */
    private static List<ValueTick> linearTicks(double low, double high, double pixelsPerDecade, double labelSpace,
                                               TextAnchor anchor) {
        double raw = (high - low) / 5;
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return new ArrayList<>();
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        int mantissa = raw / magnitude < 2 ? 1 : raw / magnitude < 5 ? 2 : 5;
        List<Double> single = List.of();
        double singleStep = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double step = mantissa * magnitude;
            List<Double> values = new ArrayList<>();
            for (long i = (long) Math.ceil(low / step); i * step <= high; i++) {
                values.add(i * step);
            }
            if (values.size() >= 2 && smallestSpacing(values, pixelsPerDecade) >= labelSpace) {
                return decimalTicks(values, step, anchor);
            }
            if (!values.isEmpty()) {
                double middle = Math.sqrt(low * high);
                double nearest = values.stream().min(java.util.Comparator.comparingDouble(
                        v -> Math.abs(Math.log10(v / middle)))).orElseThrow();
                single = List.of(nearest);
                singleStep = step;
            }
            if (mantissa == 5) {
                mantissa = 1;
                magnitude *= 10;
            } else {
                mantissa = mantissa == 1 ? 2 : 5;
            }
        }
        return decimalTicks(single, singleStep, anchor);
    }

    /** The least screen distance between neighbouring values (ascending) on an axis of this many px per decade. */
    private static double smallestSpacing(List<Double> values, double pixelsPerDecade) {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 1; i < values.size(); i++) {
            least = Math.min(least, pixelsPerDecade * Math.log10(values.get(i) / values.get(i - 1)));
        }
        return least;
    }

    /** Labelled ticks at {@code values}, with just the decimals {@code step} needs. */
    private static List<ValueTick> decimalTicks(List<Double> values, double step, TextAnchor anchor) {
        List<ValueTick> ticks = new ArrayList<>();
        if (values.isEmpty()) {
            return ticks;
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        for (double value : values) {
            ticks.add(tick(TickType.MAJOR, value, NumberText.fixed(value, decimals), anchor));
        }
        return ticks;
    }

    private static NumberTick tick(TickType type, double value, String label, TextAnchor anchor) {
        return new NumberTick(type, value, label, anchor, anchor, 0.0);
    }

    /** "0.001" for decimals a reader takes in at a glance, "2e-5" below that. */
    static String label(double value) {
        if (value >= SMALLEST_DECIMAL) {
            return NumberText.plain(value);
        }
        int exponent = (int) Math.floor(Math.log10(value) + 1e-9);
        long mantissa = Math.round(value / Math.pow(10, exponent));
        return mantissa + "e" + exponent;
    }
}
