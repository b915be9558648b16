package org.xorlab.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYAnnotationBoundsInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.xorlab.text.NumberText;

/**
 * A dashed horizontal line at the target loss, labelled "target 0.001" at its left end.
 *
 * <p>It takes part in the auto range, so the goal stays in view while the loss is still far above it.
 */
public final class TargetLossLine extends AbstractXYAnnotation implements XYAnnotationBoundsInfo {

    private final double loss;
    private final String text;
    private final ChartLook look;

    /**
     * @param loss a positive, finite loss (checked by the caller)
     * @param look the line's and label's colour, stroke and font
     */
    public TargetLossLine(double loss, ChartLook look) {
        this.loss = loss;
        this.text = "target " + NumberText.plain(loss);
        this.look = look;
    }

    /** What the label says. */
    public String text() {
        return text;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge edge = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
        double y = rangeAxis.valueToJava2D(loss, dataArea, edge);
        if (!(y >= dataArea.getMinY() && y <= dataArea.getMaxY())) {
            return;
        }
        g2.setPaint(look.note());
        g2.setStroke(look.targetStroke());
        g2.draw(new Line2D.Double(dataArea.getMinX(), y, dataArea.getMaxX(), y));
        g2.setFont(look.noteFont());
        // Above the line unless that would leave the plot.
        boolean above = y - dataArea.getMinY() > 24;
        TextUtils.drawAlignedString(text, g2, (float) (dataArea.getMinX() + 8), (float) (above ? y - 4 : y + 4),
                above ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
    }

    @Override
    public boolean getIncludeInDataBounds() {
        return true;
    }

    @Override
    public Range getXRange() {
        return null;
    }

    @Override
    public Range getYRange() {
        return new Range(loss, loss);
    }
}
