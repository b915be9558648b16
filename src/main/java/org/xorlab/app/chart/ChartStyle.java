package org.xorlab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** Fonts, colours and strokes of the loss chart, in one place; sized for a classroom projector. */
final class ChartStyle {

    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x21, 0x21, 0x21);
    static final Color TICK_TEXT = new Color(0x42, 0x42, 0x42);
    static final Color AXIS_LINE = new Color(0x9E, 0x9E, 0x9E);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color MINOR_GRID = new Color(0xF0, 0xF0, 0xF0);
    static final Color NO_DATA_TEXT = new Color(0x75, 0x75, 0x75);

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies: blue, vermilion, green, purple. */
    private static final Color[] RUN_COLOURS = {
        new Color(0x00, 0x72, 0xB2),
        new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7),
    };

    static final BasicStroke RUN_STROKE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke GRID_STROKE = new BasicStroke(1f);

    static final Color TARGET = new Color(0x42, 0x42, 0x42);
    static final BasicStroke TARGET_STROKE = new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);

    static final Color MARKER = new Color(0x61, 0x61, 0x61);
    static final BasicStroke MARKER_STROKE = new BasicStroke(1.5f);

    /** JavaFX style of the hover readout: a white card with dark 15 px text. */
    static final String READOUT_CSS = "-fx-background-color: rgba(255,255,255,0.95);"
            + "-fx-background-radius: 4; -fx-border-color: #9e9e9e; -fx-border-radius: 4;"
            + "-fx-padding: 4 8 4 8; -fx-font-size: 15px; -fx-text-fill: #212121;";

    private ChartStyle() {
    }

    /** Colour of the run with this index; after four runs the colours repeat. */
    static Color runColour(int run) {
        return RUN_COLOURS[run % RUN_COLOURS.length];
    }

    /** The same colour for JavaFX nodes. */
    static javafx.scene.paint.Color runColourFx(int run) {
        Color c = runColour(run);
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }
}
