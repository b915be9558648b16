package org.xorlab.cli;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.xorlab.plot.ChartLook;
import org.xorlab.plot.StudyCharts;
import org.xorlab.run.study.StudyCurves;
import org.xorlab.run.study.StudyResult;
import org.xorlab.run.study.StudySummary;
import org.xorlab.text.NumberText;

/**
 * A study's two charts side by side in one PNG, as {@link StudyCharts} draws them for the window, in
 * {@link ChartLook#PRINT}'s sizes for a projector: on the left the fraction of seeds converged against the cost
 * (each method at its best rate), on the right the median cost against the learning rate. A title and a line of
 * settings above them.
 */
final class StudyPng {
    static final int WIDTH = 1800;
    static final int HEIGHT = 800;
    private static final int HEADER = 96;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    private static final Font SUBTITLE_FONT = ChartLook.font(18);

    private StudyPng() {
    }

    /** The image of {@code summary}'s two charts of {@code result}, titled with {@code title}. */
    static BufferedImage image(StudyResult result, StudySummary summary, String title) {
        ChartLook look = ChartLook.PRINT;
        JFreeChart ecdf = StudyCharts.ecdf(StudyCurves.ecdfs(result, summary), summary.measure(), look);
        JFreeChart sensitivity = StudyCharts.sensitivity(StudyCurves.sensitivities(result, summary),
                summary.measure(), look);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(ChartLook.BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setPaint(look.text());
            centred(g, TITLE_FONT, "Study: " + title, 40);
            g.setPaint(look.note());
            centred(g, SUBTITLE_FONT, "Left: fraction of seeds below loss " + NumberText.plain(result.grid()
                    .targetLoss()) + ", each method at its best rate. Right: median " + summary.measure().plural()
                    + " against the learning rate (x: median not reached). " + NumberText.count(result.done())
                    + " runs, each at most " + result.grid().budget().describe() + ".", 76);
            int half = WIDTH / 2;
            ecdf.draw(g, new Rectangle2D.Double(0, HEADER, half, HEIGHT - HEADER));
            sensitivity.draw(g, new Rectangle2D.Double(half, HEADER, WIDTH - half, HEIGHT - HEADER));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void centred(Graphics2D g, Font font, String text, int baseline) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, Math.max(8, (WIDTH - m.stringWidth(text)) / 2), baseline);
    }

    static void write(StudyResult result, StudySummary summary, String title, OutputStream out) throws IOException {
        ChartUtils.writeBufferedImageAsPNG(out, image(result, summary, title));
    }
}
