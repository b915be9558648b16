package org.xorlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The end of a curve that stopped because its budget ran out before it reached the target: a bar across the curve's
 * last point and the words "budget spent", so the picture says what the verdict says (this run was cut off, it did
 * not fail).
 */
public final class CutOffMark extends AbstractXYAnnotation {
    public static final String TEXT = "budget spent";
    private static final BasicStroke STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final double x;
    private final double y;
    private final Color colour;
    private final Font font;

    /**
     * @param x where the curve ends, in the domain axis's units
     * @param y the curve's last loss
     * @param colour the run's colour
     * @param look the font of the words
     */
    public CutOffMark(double x, double y, Color colour, ChartLook look) {
        this.x = x;
        this.y = y;
        this.colour = colour;
        this.font = look.noteFont();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double px = domainAxis.valueToJava2D(x, dataArea, xEdge);
        double py = rangeAxis.valueToJava2D(y, dataArea, yEdge);
        if (!Double.isFinite(px) || !Double.isFinite(py)) {
            return;
        }
        g2.setPaint(colour);
        g2.setStroke(STROKE);
        g2.draw(new Line2D.Double(px, py - 9, px, py + 9));
        g2.setFont(font);
        // Text inside the plot: to the left of a mark near the right edge, else to its right.
        boolean left = px > dataArea.getCenterX();
        TextUtils.drawAlignedString(TEXT, g2, (float) (left ? px - 8 : px + 8), (float) (py - 10),
                left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
    }
}
