package org.xorlab.app;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the step inspector writes them: a few significant digits, a true minus sign, exponents only when needed. */
final class MathText {
    /** The typographic minus sign, as wide as a digit in monospace and easier to see on a projector than "-". */
    static final char MINUS = '\u2212';

    private MathText() {
    }

    /**
     * {@code v} with {@code significant} significant digits: whole numbers as they are ("0", "1"), plain decimals
     * from 0.001 to 100,000 ("0.37454", "−0.0012346"), otherwise scientific ("1.2346e−5").
     */
    static String format(double v, int significant) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e5) {
            return withMinus(Long.toString((long) v));
        }
        double a = Math.abs(v);
        String text;
        if (a >= 1e-3 && a < 1e5) {
            text = new BigDecimal(v).round(new MathContext(significant)).toPlainString();
        } else {
            String s = String.format(Locale.ROOT, "%." + (significant - 1) + "e", v);
            int e = s.indexOf('e');
            text = s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
        }
        return withMinus(text);
    }

    /** The shortest text that reads back as {@code v} exactly, for settings such as the learning rate ("0.1"). */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return format(v, 6);
        }
        return withMinus(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }

    /** Reads back a number written by {@link #format}. */
    static double parse(String text) {
        String s = text.strip().replace(MINUS, '-');
        return switch (s) {
            case "∞" -> Double.POSITIVE_INFINITY;
            case "-∞" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static String withMinus(String s) {
        return s.replace('-', MINUS);
    }
}
