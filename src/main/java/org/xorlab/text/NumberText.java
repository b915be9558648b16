package org.xorlab.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Every number a person reads, written one way: the command line, the window and the files all format through
 * here, always in {@link Locale#ROOT}, so XOR Lab reads the same under any system locale.
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * {@code value} exactly as Python's {@code repr(float)} writes it: the shortest digits that read back as the
     * same double, plain decimal for exponents from -4 to 15 ({@code 0.0007711430393547778}, {@code 10000.0}),
     * scientific otherwise ({@code 1e-05}, {@code 1.5e+16}); {@code nan}, {@code inf}, {@code -inf}. This is how
     * the notebook prints a loss.
     */
    public static String python(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // of the first digit
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    /** The fewest significant digits (1 to 17), correctly rounded, that read back as {@code value}; no trailing zeros. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17)).stripTrailingZeros();
    }

    /** A count with thousands separators: {@code 22,868}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * {@code value} to six significant digits, plain decimal unless below 1e-4 ({@code 0.00270126}, {@code 0.180925},
     * {@code 3.20000e-05}): a final loss in a summary table.
     */
    public static String brief(double value) {
        if (!Double.isFinite(value)) {
            return python(value);
        }
        if (value == 0 || Math.abs(value) >= 1e-4) {
            return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.5e", value);
    }

    /** A setting as the user typed it, plain decimal: {@code 0.01} rather than {@code 1.0E-2}, {@code 0.1}. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return python(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A wall-clock duration for a person: "0.4 ms", "84 ms", "1.25 s", "12.5 s". */
    public static String duration(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms < 10_000 ? "%.2f s" : "%.1f s", ms / 1000);
    }

    /** A share as a whole percentage: {@code 4.6 %} for 0.046 (one decimal below 10 %, none above). */
    public static String percent(double fraction) {
        double p = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(p) < 10 ? "%.1f %%" : "%.0f %%", p);
    }
}
