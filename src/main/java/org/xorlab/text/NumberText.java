package org.xorlab.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every number a person reads, written one way, and every number a person types, read one way: the command line,
 * the window and the files all go through here, always in {@link Locale#ROOT} (a "." decimal point, "," between
 * thousands), so XOR Lab reads and writes the same under any system locale. Nothing here consults the default
 * locale; a German system still sees {@code 0.0027} and {@code 22,868}.
 *
 * <p>The rules, by what is shown:
 * <ul>
 *   <li>A loss at full precision: {@link #python} (the status bar, the chart's hover readout, the command line), the
 *       digits the notebook's {@code print} shows.</li>
 *   <li>A count (epochs, weight updates, samples): {@link #count}, with thousands separators. The one exception is
 *       {@code xorlab train}'s progress lines {@code Epoch 1001, Loss: ...}, which copy the notebook's own
 *       {@code print(f'Epoch {epoch+1}, Loss: ...')} and so print the epoch as Python does, without separators.
 *       Seeds are names, not counts, and are written as plain digits too.</li>
 *   <li>A number in a summary or a label: {@link #significant} / {@link #brief}, as Python's {@code %g}.</li>
 *   <li>A setting the user typed (learning rate, target loss): {@link #plain}.</li>
 *   <li>Fixed decimals (truth table, network labels): {@link #fixed}, as Python's {@code %.Nf}.</li>
 *   <li>The step inspector: {@link #step} with {@link #STEP_DIGITS} significant digits, more only where a weight's
 *       before and after would otherwise read the same ({@link #stepDigits}).</li>
 * </ul>
 * Files are not written through here: the CSV and JSON files keep Java's round-trip text
 * ({@link Double#toString(double)}, Jackson), which is locale-independent by specification.
 */
public final class NumberText {
    /** Significant digits of every number the step inspector shows, unless a weight's change needs more. */
    public static final int STEP_DIGITS = 4;
    /** The typographic minus sign the step inspector writes: as wide as a digit, easier to see on a projector. */
    public static final char MINUS = '\u2212';

    /** Python's float syntax without NaN, infinities, hexadecimal or Java's type suffixes: 0.1, -2, 1e-3, .5. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    /** Digits, optionally grouped by commas in threes: 10000 or 10,000, never 10,00 or 1.000. */
    private static final Pattern COUNT = Pattern.compile("[0-9]+|[0-9]{1,3}(,[0-9]{3})+");
    private static final int MAX_DIGITS = 17;

    private NumberText() {
    }

    /**
     * {@code value} exactly as Python's {@code repr(float)} (and {@code print}, and an f-string) writes it: the
     * shortest digits that read back as the same double, the nearest such when there are several; plain decimal for
     * decimal exponents from -4 to 15 ({@code 0.0007711430393547778}, {@code 10000.0}), scientific otherwise
     * ({@code 1e-05}, {@code 1.5e+16}, {@code 5e-324}); {@code nan}, {@code inf}, {@code -inf}, {@code -0.0}.
     * Never Java's {@code 7.711430393547778E-4}. This is how the notebook prints a loss.
     */
    public static String python(double value) {
        if (!Double.isFinite(value)) {
            return special(value);
        }
        if (value == 0) {
            return negative(value) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int exponent = exponent(shortest);
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
        }
        return sign + scientific(digits, exponent);
    }

    /** A count with thousands separators: {@code 22,868}, {@code -1,000}, {@code 7}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * A count that may have a fraction, as a median of counts has: {@code 1,234}, {@code 1,234.5}, {@code 12.25}
     * (thousands separators, at most two decimals, trailing zeros dropped).
     */
    public static String count(double value) {
        if (!Double.isFinite(value)) {
            return special(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e18) {
            return count((long) value);
        }
        String s = String.format(Locale.ROOT, "%,.2f", value);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * {@code value} to {@code digits} significant digits, exactly as Python's {@code format(value, '.<digits>g')}:
     * correctly rounded, trailing zeros dropped, plain decimal when the decimal exponent is from -4 to
     * {@code digits - 1}, scientific otherwise ({@code 0.2481}, {@code 1.234e-05}, {@code 1.23457e+06}).
     *
     * @param digits 1 to 17
     */
    public static String significant(double value, int digits) {
        checkDigits(digits);
        if (!Double.isFinite(value)) {
            return special(value);
        }
        String sign = negative(value) ? "-" : "";
        if (value == 0) {
            return sign + "0";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = exponent(rounded);
        BigDecimal stripped = rounded.stripTrailingZeros();
        if (exponent >= -4 && exponent < digits) {
            return sign + stripped.toPlainString();
        }
        return sign + scientific(stripped.unscaledValue().toString(), exponent);
    }

    /**
     * {@code value} to six significant digits, as Python's {@code '%g'} ({@code 0.00270126}, {@code 0.180925},
     * {@code 3.2e-05}): a final loss in a summary table.
     */
    public static String brief(double value) {
        return significant(value, 6);
    }

    /**
     * A setting as the user would type it: the shortest digits that read back as {@code value}, as a plain decimal
     * ({@code 0.01} rather than {@code 1.0E-2}, {@code 0.1}, {@code 0.00001}, {@code 2}) for magnitudes from 1e-9 up
     * to 1e15; beyond them the same digits in Python's scientific form ({@code 1e-12}, {@code 1e+15}).
     */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return special(value);
        }
        String sign = negative(value) ? "-" : "";
        if (value == 0) {
            return sign + "0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        int exponent = exponent(shortest);
        return sign + (exponent >= -9 && exponent < 15 ? shortest.toPlainString()
                : scientific(shortest.unscaledValue().toString(), exponent));
    }

    /** A wall-clock duration for a person: "0.4 ms", "84 ms", "1.25 s", "12.5 s". */
    public static String duration(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 10) {
            return fixed(ms, 1) + " ms";
        }
        if (ms < 1000) {
            return fixed(ms, 0) + " ms";
        }
        return fixed(ms / 1000, ms < 10_000 ? 2 : 1) + " s";
    }

    /**
     * {@code value} with exactly {@code decimals} digits after the point, correctly rounded (ties to even), exactly
     * as Python's {@code '%.<decimals>f'}: {@code 0.0546}, {@code -0.0000} for a tiny negative value.
     *
     * @param decimals 0 or more
     */
    public static String fixed(double value, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more (got " + decimals + ")");
        }
        if (!Double.isFinite(value)) {
            return special(value);
        }
        String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negative(value) && text.charAt(0) != '-' ? "-" + text : text;
    }

    /** A share as a percentage: {@code 4.6 %} for 0.046 (one decimal below 10 %), {@code 23 %} (none from 10 % up). */
    public static String percent(double fraction) {
        double p = fraction * 100;
        String oneDecimal = fixed(p, 1);
        return (Math.abs(Double.parseDouble(oneDecimal)) < 10 ? oneDecimal : fixed(p, 0)) + " %";
    }

    /**
     * A number of the step inspector with {@code digits} significant digits, in math typography: a true minus sign
     * ({@link #MINUS}), trailing zeros kept so a column's digits line up; whole numbers below 100,000 as they are
     * ({@code 0}, {@code 1}, {@code −3}); plain decimals from 0.001 to 100,000 ({@code 0.3745}, {@code −0.03938});
     * otherwise scientific with a bare exponent ({@code 1.235e5}, {@code −4.272e−4}); {@code NaN}, {@code ∞}.
     *
     * @param digits 1 to 17
     */
    public static String step(double value, int digits) {
        checkDigits(digits);
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : MINUS + "∞";
        }
        String sign = value < 0 ? String.valueOf(MINUS) : "";
        double a = Math.abs(value);
        if (a == Math.rint(a) && a < 1e5) {
            return sign + (long) a;
        }
        BigDecimal rounded = new BigDecimal(a).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (a >= 1e-3 && a < 1e5) {
            return sign + rounded.toPlainString();
        }
        String all = rounded.unscaledValue().toString();
        String mantissa = all.length() == 1 ? all : all.charAt(0) + "." + all.substring(1);
        int exponent = exponent(rounded);
        return sign + mantissa + "e" + (exponent < 0 ? String.valueOf(MINUS) : "") + Math.abs(exponent);
    }

    /** {@link #step(double, int)} with the inspector's {@link #STEP_DIGITS}. */
    public static String step(double value) {
        return step(value, STEP_DIGITS);
    }

    /**
     * The inspector's one precision rule applied to a weight matrix before and after its update: the fewest
     * significant digits, at least {@link #STEP_DIGITS} and at most 17, at which every entry the update changed
     * reads differently before and after, so a student can see each change however small it is.
     *
     * @param before the weights before the update
     * @param after  the same weights after it, in the same shape
     */
    public static int stepDigits(double[][] before, double[][] after) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("before has " + before.length + " rows, after " + after.length);
        }
        for (int r = 0; r < before.length; r++) {
            if (before[r].length != after[r].length) {
                throw new IllegalArgumentException("row " + r + " has " + before[r].length + " entries before and "
                        + after[r].length + " after");
            }
        }
        int digits = STEP_DIGITS;
        // Not one entry at a time: two values told apart at n digits can round alike at n + 1 (0.12349, 0.12351).
        while (digits < MAX_DIGITS && !eachChangeShows(before, after, digits)) {
            digits++;
        }
        return digits;
    }

    private static boolean eachChangeShows(double[][] before, double[][] after, int digits) {
        for (int r = 0; r < before.length; r++) {
            for (int c = 0; c < before[r].length; c++) {
                double b = before[r][c];
                double a = after[r][c];
                if (Double.compare(a, b) != 0 && step(b, digits).equals(step(a, digits))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads a decimal number as a person types it, in any locale the same way: {@code 0.1}, {@code -2},
     * {@code 1e-3}, {@code .5}. A comma is never a decimal point ({@code 0,1} is refused, not read as 1 or 0.1), and
     * NaN, Infinity, hexadecimal and Java's {@code d}/{@code f} suffixes are refused too. The result may be infinite
     * for a huge exponent; callers check the range.
     *
     * @throws NumberFormatException if {@code text} is not such a number
     */
    public static double parseDecimal(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("not a decimal number: " + text);
        }
        return Double.parseDouble(text); // never locale-dependent
    }

    /**
     * What a person typed into a number field, in the characters the parsers read: a decimal digit of any script
     * (Arabic-Indic {@code \u0663}, fullwidth {@code \uFF13}) becomes its 0-9, and the minus sign {@link #MINUS}
     * becomes {@code -}, so a number copied from the step inspector reads back. Printable ASCII is kept as typed (the
     * parsers say what is wrong with it); anything else is refused here, before it reaches the field.
     *
     * <p>Refusing it also keeps complex-script text out of the window's text fields: JavaFX 21 shares one Pango
     * glyph layout between the FX thread and the render thread (which lays out canvas text), and releases it before
     * it frees its strings, so such text in a field while a canvas draws can corrupt the native heap (the JVM
     * aborted with "malloc(): unsorted double linked list corrupted" in the monkey test).
     *
     * @throws IllegalArgumentException naming the first character refused, by its Unicode name and number, and what
     *                                  a number is written with
     */
    public static String typedNumber(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); ) {
            int c = typed.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c <= 0x7e) {
                out.append((char) c);
            } else if (c == MINUS) {
                out.append('-');
            } else if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else {
                String name = Character.getName(c);
                throw new IllegalArgumentException((name == null ? "The character" : name) + String.format(
                        " (U+%04X) cannot be typed here: numbers are written with the digits 0-9, '.', ',', '-' and 'e'",
                        c));
            }
        }
        return out.toString();
    }

    /**
     * Reads a setting typed into the field named {@code what} ("Learning rate", "Target loss") as
     * {@link #parseDecimal(String)} does, refusing a number too large to be finite.
     *
     * @throws IllegalArgumentException with a sentence for the person: what the field takes, and what was typed
     */
    public static double parseDecimal(String text, String what) {
        try {
            double v = parseDecimal(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(what + " must be a number such as 0.1 or 1e-3 (got '" + text + "')");
    }

    /**
     * Reads a count as a person types it or as {@link #count} wrote it: {@code 10000} or {@code 10,000} (commas only
     * between groups of three, so {@code 10,00} and {@code 1.000} are refused).
     *
     * @throws NumberFormatException if {@code text} is not such a count or is beyond {@link Long#MAX_VALUE}
     */
    public static long parseCount(String text) {
        if (text == null || !COUNT.matcher(text).matches()) {
            throw new NumberFormatException("not a count: " + text);
        }
        return Long.parseLong(text.replace(",", "")); // never locale-dependent
    }

    /**
     * A {@link NumberFormat} for chart axes that need one (JFreeChart's tick units): thousands separators and no
     * decimals for {@code decimals == 0} ({@code 22,868}), otherwise exactly that many decimals ({@code 0.005}), in
     * {@link Locale#ROOT}.
     */
    public static NumberFormat axisFormat(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more (got " + decimals + ")");
        }
        String pattern = decimals == 0 ? "#,##0" : "0." + "0".repeat(decimals);
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * The fewest significant digits, at most 17, that read back as {@code a} (positive and finite); of those of that
     * length, the nearest to {@code a} (ties to an even last digit), as Python's repr chooses. No trailing zeros.
     */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        // Whether some n-digit decimal reads back as a grows with n, so search down from Java's own digits (which
        // read back, but are not always the shortest or the nearest), then pick the nearest at the length found.
        int n = Math.min(MAX_DIGITS, new BigDecimal(Double.toString(a)).stripTrailingZeros().precision());
        while (n > 1 && nearestReadingBack(exact, n - 1, a) != null) {
            n--;
        }
        BigDecimal found = nearestReadingBack(exact, n, a);
        if (found == null) {
            // Unreachable when Double.toString reads back, as it does; kept so that a surprise cannot loop.
            found = nearestReadingBack(exact, MAX_DIGITS, a);
        }
        return found.stripTrailingZeros();
    }

    /** The n-digit decimal nearest to {@code exact} that reads back as {@code a}, or null if there is none. */
    private static BigDecimal nearestReadingBack(BigDecimal exact, int n, double a) {
        BigDecimal nearest = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == a) {
            return nearest;
        }
        // The other n-digit neighbour of exact, on the far side; only it can still read back.
        RoundingMode away = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
        BigDecimal other = exact.round(new MathContext(n, away));
        return other.doubleValue() == a ? other : null;
    }

    /** The decimal exponent of the first significant digit of a positive {@code d}. */
    private static int exponent(BigDecimal d) {
        return d.precision() - d.scale() - 1;
    }

    /** "1.5e+16", "1e-05": Python's scientific form, the exponent with a sign and at least two digits. */
    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int e = Math.abs(exponent);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }

    private static String special(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }

    /** True for values with the sign bit set, -0.0 included. */
    private static boolean negative(double value) {
        return Double.doubleToRawLongBits(value) < 0;
    }

    private static void checkDigits(int digits) {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be from 1 to 17 (got " + digits + ")");
        }
    }
}
