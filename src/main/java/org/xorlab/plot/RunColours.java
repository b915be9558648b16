package org.xorlab.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * The one palette of the runs' colours, in run order: Okabe and Ito's blue, vermilion, bluish green and reddish
 * purple, which stay distinguishable with the common colour-vision deficiencies. The window's chart, its run swatches
 * ({@code compare.css}, which JavaFX CSS cannot read from here; a test keeps the two equal) and the command line's PNG
 * all take their colours from it.
 */
public final class RunColours {

    private static final Color[] COLOURS = {
        new Color(0x00, 0x72, 0xB2),
        new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7),
    };

    /** Number of distinct colours; run {@code COUNT} has run 0's colour again. */
    public static final int COUNT = COLOURS.length;

    private RunColours() {
    }

    /** Colour of the run with this index (0 or more); after {@link #COUNT} runs the colours repeat. */
    public static Color of(int run) {
        return COLOURS[Math.floorMod(run, COUNT)];
    }

    /** The same colour as CSS writes it, for example {@code #0072B2}. */
    public static String hex(int run) {
        return String.format(Locale.ROOT, "#%06X", of(run).getRGB() & 0xFFFFFF);
    }
}
