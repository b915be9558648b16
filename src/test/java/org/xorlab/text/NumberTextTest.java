package org.xorlab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one number formatter against Python itself: {@code python-floats.tsv} holds doubles over every magnitude (every
 * power of two, subnormals, the extremes, random values and bit patterns) with what Python 3 printed for them; it is
 * written by {@code tools/python_floats.py} (rerun: {@code python3 tools/python_floats.py >
 * src/test/resources/org/xorlab/text/python-floats.tsv}).
 */
class NumberTextTest {
    private static final String G = "\u2212";

    /** One fixture line: the double and Python's repr, '.6g', '.4g' and '.4f' of it ('.4f' null where omitted). */
    record Printed(double value, String repr, String g6, String g4, String f4) {
    }

    private static List<Printed> fixture;

    @BeforeAll
    static void readFixture() throws IOException {
        fixture = new ArrayList<>();
        try (InputStream in = NumberTextTest.class.getResourceAsStream("python-floats.tsv")) {
            assertThat(in).as("python-floats.tsv on the test class path").isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as(line).hasSize(5);
                double v = Double.longBitsToDouble(Long.parseUnsignedLong(f[0], 16));
                fixture.add(new Printed(v, f[1], f[2], f[3], f[4].equals("-") ? null : f[4]));
            }
        }
        assertThat(fixture).as("fixture values").hasSizeGreaterThan(5000);
    }

    @Test
    void pythonWritesEveryFixtureValueExactlyAsPythonsRepr() {
        assertAllAsPython("repr", NumberText::python, Printed::repr);
    }

    @Test
    void significantWritesEveryFixtureValueAsPythonsPercentG() {
        assertAllAsPython(".6g", NumberText::brief, Printed::g6);
        assertAllAsPython(".6g", v -> NumberText.significant(v, 6), Printed::g6);
        assertAllAsPython(".4g", v -> NumberText.significant(v, 4), Printed::g4);
    }

    @Test
    void fixedWritesEveryFixtureValueAsPythonsPercentF() {
        assertAllAsPython(".4f", v -> NumberText.fixed(v, 4), Printed::f4);
    }

    @Test
    void lossesReadAsTheNotebookPrintsThemNeverInJavasExponentForm() {
        assertThat(NumberText.python(7.711430393547778E-4)).isEqualTo("0.0007711430393547778");
        assertThat(NumberText.python(6.975669832195507E-4)).isEqualTo("0.0006975669832195507");
        assertThat(NumberText.python(0.3239537158130419)).isEqualTo("0.3239537158130419");
        assertThat(NumberText.python(6.722668606210346E-5)).isEqualTo("6.722668606210346e-05");
        assertThat(NumberText.python(1e-4)).isEqualTo("0.0001");
        assertThat(NumberText.python(1e-5)).isEqualTo("1e-05");
        assertThat(NumberText.python(10000)).isEqualTo("10000.0");
        assertThat(NumberText.python(1e16)).isEqualTo("1e+16");
        assertThat(NumberText.python(1.5e300)).isEqualTo("1.5e+300");
        // Shorter than Java 17's Double.toString, which writes 4.9E-324 and 2.0E-3 style digits.
        assertThat(NumberText.python(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(NumberText.python(-0.0)).isEqualTo("-0.0");
        assertThat(NumberText.python(Double.NaN)).isEqualTo("nan");
        assertThat(NumberText.python(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void pythonTextReadsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertThat(Double.parseDouble(NumberText.python(v))).as("%s", v).isEqualTo(v);
            }
        }
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(NumberText.count(22_868)).isEqualTo("22,868");
        assertThat(NumberText.count(999)).isEqualTo("999");
        assertThat(NumberText.count(0)).isEqualTo("0");
        assertThat(NumberText.count(-1_000)).isEqualTo("-1,000");
        assertThat(NumberText.count(10_000_000)).isEqualTo("10,000,000");
        assertThat(NumberText.count(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
    }

    @Test
    void briefIsSixSignificantDigitsForASummaryTable() {
        assertThat(NumberText.brief(0.00270126406202041)).isEqualTo("0.00270126");
        assertThat(NumberText.brief(0.18092502)).isEqualTo("0.180925");
        assertThat(NumberText.brief(3.2e-5)).isEqualTo("3.2e-05");
        assertThat(NumberText.brief(0.1)).isEqualTo("0.1");
        assertThat(NumberText.brief(1234567)).isEqualTo("1.23457e+06");
        assertThat(NumberText.significant(0.24817211793449434, 4)).isEqualTo("0.2482");
        assertThatThrownBy(() -> NumberText.significant(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainWritesASettingAsItWouldBeTyped() {
        assertThat(NumberText.plain(0.1)).isEqualTo("0.1");
        assertThat(NumberText.plain(0.01)).isEqualTo("0.01");
        assertThat(NumberText.plain(2.5e-3)).isEqualTo("0.0025");
        assertThat(NumberText.plain(1e-5)).isEqualTo("0.00001");
        assertThat(NumberText.plain(2)).isEqualTo("2");
        assertThat(NumberText.plain(1e6)).isEqualTo("1000000");
        assertThat(NumberText.plain(-0.5)).isEqualTo("-0.5");
        assertThat(NumberText.plain(1e-12)).isEqualTo("1e-12");
        assertThat(NumberText.plain(1e-9)).isEqualTo("0.000000001");
        assertThat(NumberText.plain(1e12)).isEqualTo("1000000000000");
        assertThat(NumberText.plain(1e15)).isEqualTo("1e+15");
        assertThat(NumberText.plain(-1.25e-13)).isEqualTo("-1.25e-13");
        assertThat(NumberText.plain(0.123456789012345)).isEqualTo("0.123456789012345");
        assertThat(NumberText.plain(Double.MIN_VALUE)).isEqualTo("5e-324");
        for (double v : new double[] {0.1, 1e-7, 0.3, 1 / 3.0, 123.456, 1e-300, 7e22}) {
            assertThat(Double.parseDouble(NumberText.plain(v))).as("%s", v).isEqualTo(v);
        }
    }

    @Test
    void fixedRoundsTheExactValueAsPythonDoes() {
        assertThat(NumberText.fixed(0.05464331, 4)).isEqualTo("0.0546");
        assertThat(NumberText.fixed(0.95032601, 8)).isEqualTo("0.95032601");
        // 0.125 is exact: a tie, to even. 1.005 is 1.00499999999999989...: Java's %.2f says 1.01.
        assertThat(NumberText.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(NumberText.fixed(1.005, 2)).isEqualTo("1.00");
        assertThat(NumberText.fixed(-0.00001, 4)).isEqualTo("-0.0000");
        assertThat(NumberText.fixed(2.5, 0)).isEqualTo("2");
    }

    @Test
    void percentHasOneDecimalBelowTenPercent() {
        assertThat(NumberText.percent(0.046)).isEqualTo("4.6 %");
        assertThat(NumberText.percent(0.05)).isEqualTo("5.0 %");
        assertThat(NumberText.percent(0.0996)).isEqualTo("10 %");
        assertThat(NumberText.percent(0.234)).isEqualTo("23 %");
        assertThat(NumberText.percent(-0.01)).isEqualTo("-1.0 %");
    }

    @Test
    void stepWritesSignificantDigitsWithATrueMinusSign() {
        assertThat(NumberText.step(0.3745401188473625, 6)).isEqualTo("0.374540");
        assertThat(NumberText.step(0.15601864044243652)).isEqualTo("0.1560");
        assertThat(NumberText.step(-0.0393817)).isEqualTo(G + "0.03938");
        assertThat(NumberText.step(1.0992431)).isEqualTo("1.099");
        assertThat(NumberText.step(-4.27154e-4)).isEqualTo(G + "4.272e" + G + "4");
        assertThat(NumberText.step(123456.7)).isEqualTo("1.235e5");
        assertThat(NumberText.step(1.2e-5)).isEqualTo("1.200e" + G + "5");
        assertThat(NumberText.step(0)).isEqualTo("0");
        assertThat(NumberText.step(1)).isEqualTo("1");
        assertThat(NumberText.step(-3)).isEqualTo(G + "3");
        assertThat(NumberText.step(Double.NaN)).isEqualTo("NaN");
        assertThat(NumberText.step(Double.NEGATIVE_INFINITY)).isEqualTo(G + "∞");
    }

    @Test
    void stepDigitsAreFourUnlessAWeightsChangeWouldNotShow() {
        double[][] before = {{0.3745401188473625, 0.9507143064099162}};
        assertThat(NumberText.stepDigits(before, new double[][] {{0.3645, 0.9507143064099162}})).isEqualTo(4);
        // A change of 2e-6: 0.3745 both at four digits, 0.374540 and 0.374542 at six.
        double[][] small = {{0.3745421188473625, 0.9507143064099162}};
        assertThat(NumberText.stepDigits(before, small)).isEqualTo(6);
        assertThat(NumberText.step(before[0][0], 6)).isNotEqualTo(NumberText.step(small[0][0], 6));
        // Told apart at 4 digits (0.1235 and 0.1234) but alike at 5 would be wrong: the rule checks every entry at
        // the digits it returns.
        double[][] pairBefore = {{0.12349, 0.5}};
        double[][] pairAfter = {{0.12351, 0.50001}};
        int digits = NumberText.stepDigits(pairBefore, pairAfter);
        for (int c = 0; c < 2; c++) {
            assertThat(NumberText.step(pairBefore[0][c], digits)).isNotEqualTo(NumberText.step(pairAfter[0][c], digits));
        }
        // An unchanged weight never asks for digits; the nearest distinct doubles need all 17.
        assertThat(NumberText.stepDigits(before, before)).isEqualTo(4);
        assertThat(NumberText.stepDigits(new double[][] {{0.3}}, new double[][] {{Math.nextUp(0.3)}})).isEqualTo(17);
    }

    @Test
    void parsingIsTheSameInEveryLocaleAndNeverTakesACommaForAPoint() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(NumberText.parseDecimal("0.1")).isEqualTo(0.1);
            assertThat(NumberText.parseDecimal("-2")).isEqualTo(-2.0);
            assertThat(NumberText.parseDecimal("1e-3")).isEqualTo(0.001);
            assertThat(NumberText.parseDecimal(".5")).isEqualTo(0.5);
            assertThat(NumberText.parseDecimal("1e400")).isInfinite();
            for (String bad : new String[] {"0,1", "1.000,5", "NaN", "Infinity", "0x1p3", "1d", "1f", "", " 1", "1e",
                    "--1", "١"}) {
                assertThatThrownBy(() -> NumberText.parseDecimal(bad)).as(bad).isInstanceOf(NumberFormatException.class);
            }
            assertThat(NumberText.parseCount("10000")).isEqualTo(10_000);
            assertThat(NumberText.parseCount("10,000")).isEqualTo(10_000);
            assertThat(NumberText.parseCount("1,234,567")).isEqualTo(1_234_567);
            for (String bad : new String[] {"10.000", "10,00", "1,0000", ",100", "-1", "1 000", "", "99999999999999999999"}) {
                assertThatThrownBy(() -> NumberText.parseCount(bad)).as(bad).isInstanceOf(NumberFormatException.class);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writingIsTheSameUnderAGermanDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            // The JVM really formats the German way by default here, so the lines below can fail.
            assertThat(String.format("%,d", 22_868)).isEqualTo("22.868");
            assertThat(NumberText.count(22_868)).isEqualTo("22,868");
            assertThat(NumberText.python(0.3239537158130419)).isEqualTo("0.3239537158130419");
            assertThat(NumberText.brief(0.00270126406202041)).isEqualTo("0.00270126");
            assertThat(NumberText.fixed(0.05464331, 4)).isEqualTo("0.0546");
            assertThat(NumberText.plain(0.01)).isEqualTo("0.01");
            assertThat(NumberText.percent(0.046)).isEqualTo("4.6 %");
            assertThat(NumberText.step(-0.0393817)).isEqualTo(G + "0.03938");
            assertThat(NumberText.axisFormat(0).format(22_868)).isEqualTo("22,868");
            assertThat(NumberText.axisFormat(3).format(0.005)).isEqualTo("0.005");
            assertAllAsPython("repr", NumberText::python, Printed::repr);
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Checks {@code format} against Python's text for every fixture value, listing the first mismatches. */
    private static void assertAllAsPython(String what, DoubleFunction<String> format,
                                          java.util.function.Function<Printed, String> python) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Printed p : fixture) {
            String expected = python.apply(p);
            if (expected == null) {
                continue;
            }
            checked++;
            String actual = format.apply(p.value());
            if (!actual.equals(expected)) {
                wrong.add(String.format(Locale.ROOT, "%s (bits %016x): Python %s, we wrote %s", p.repr(),
                        Double.doubleToRawLongBits(p.value()), expected, actual));
            }
        }
        assertThat(checked).as("values checked").isGreaterThan(3000);
        assertThat(wrong.size()).as("values written unlike Python's %s, of %d; the first: %s", what, checked,
                String.join("\n", wrong.subList(0, Math.min(20, wrong.size())))).isZero();
    }

    @Test
    void typedNumbersKeepAsciiAndReadDigitsOfEveryScriptAsZeroToNine() {
        assertThat(NumberText.typedNumber("1e-3, .5 +x")).isEqualTo("1e-3, .5 +x");
        assertThat(NumberText.typedNumber("\u0664\u0662")).as("Arabic-Indic").isEqualTo("42");
        assertThat(NumberText.typedNumber("\u096B")).as("Devanagari five").isEqualTo("5");
        assertThat(NumberText.typedNumber("\uFF10.\uFF11")).as("fullwidth").isEqualTo("0.1");
        assertThat(NumberText.typedNumber("\uD835\uDFCF")).as("mathematical bold one, outside the BMP").isEqualTo("1");
        assertThat(NumberText.typedNumber(NumberText.MINUS + "0.25")).as("the inspector's minus").isEqualTo("-0.25");
        assertThat(NumberText.typedNumber("")).isEmpty();
    }

    @Test
    void typedNumbersRefuseEveryOtherCharacterByName() {
        assertThatThrownBy(() -> NumberText.typedNumber("1\u0628"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ARABIC LETTER BEH (U+0628) cannot be typed here: numbers are written with the digits "
                        + "0-9, '.', ',', '-' and 'e'");
        assertThatThrownBy(() -> NumberText.typedNumber("\uD83D\uDE00")).hasMessageStartingWith("GRINNING FACE (U+1F600)");
        assertThatThrownBy(() -> NumberText.typedNumber("1\t2")).hasMessageStartingWith("CHARACTER TABULATION (U+0009)");
        assertThatThrownBy(() -> NumberText.typedNumber("\u00A0")).hasMessageStartingWith("NO-BREAK SPACE (U+00A0)");
    }
}
