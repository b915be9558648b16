package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the inspector writes numbers: significant digits, a true minus sign, and text that reads back. */
class MathTextTest {

    @Test
    void writesSignificantDigitsWithATrueMinusSign() {
        assertThat(MathText.format(0.3745401188473625, 6)).isEqualTo("0.374540");
        assertThat(MathText.format(0.15601864044243652, 4)).isEqualTo("0.1560");
        assertThat(MathText.format(-0.0393817, 4)).isEqualTo("\u22120.03938");
        assertThat(MathText.format(1.0992431, 4)).isEqualTo("1.099");
        assertThat(MathText.format(-4.27154e-4, 4)).isEqualTo("\u22124.272e\u22124");
        assertThat(MathText.format(123456.7, 4)).isEqualTo("1.235e5");
    }

    @Test
    void wholeNumbersAndSpecialValuesStayShort() {
        assertThat(MathText.format(0, 4)).isEqualTo("0");
        assertThat(MathText.format(1, 4)).isEqualTo("1");
        assertThat(MathText.format(-3, 4)).isEqualTo("\u22123");
        assertThat(MathText.format(Double.NaN, 4)).isEqualTo("NaN");
        assertThat(MathText.format(Double.NEGATIVE_INFINITY, 4)).isEqualTo("\u2212∞");
        assertThat(MathText.plain(0.1)).isEqualTo("0.1");
        assertThat(MathText.plain(2.5e-3)).isEqualTo("0.0025");
    }

    @Test
    void readsBackWhatItWrote() {
        for (double v : new double[] {0.3745401188473625, -0.0393817, -4.27154e-4, 1e-9, -123456.7, 7, 0}) {
            String text = MathText.format(v, 6);
            assertThat(MathText.parse(text)).as(text).isCloseTo(v, org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
        assertThat(MathText.parse("\u2212∞")).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
