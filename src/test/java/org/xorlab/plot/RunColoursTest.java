package org.xorlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runs' colours are Okabe and Ito's, and the Compare tab's swatches ({@code compare.css}, which JavaFX CSS writes
 * as hex codes of its own) show the same colour as each run's curve.
 */
class RunColoursTest {

    /** Okabe and Ito, "Color Universal Design" (2008): blue, vermilion, bluish green, reddish purple. */
    private static final String[] OKABE_ITO = {"#0072B2", "#D55E00", "#009E73", "#CC79A7"};

    @Test
    void theRunsHaveOkabeAndItosColoursInOrderAndThenRepeat() {
        assertThat(RunColours.COUNT).isEqualTo(OKABE_ITO.length);
        for (int run = 0; run < 2 * OKABE_ITO.length; run++) {
            assertThat(RunColours.hex(run)).as("run " + run).isEqualTo(OKABE_ITO[run % OKABE_ITO.length]);
            assertThat(RunColours.of(run).getRGB() & 0xFFFFFF).as("run " + run)
                    .isEqualTo(Integer.parseInt(OKABE_ITO[run % OKABE_ITO.length].substring(1), 16));
        }
    }

    @Test
    void theCompareTabsSwatchesHaveTheirRunsColours() throws IOException {
        Map<Integer, String> swatches = new LinkedHashMap<>();
        Matcher rule = Pattern.compile("\\.run-swatch\\.run-(\\d+)\\s*\\{\\s*-fx-background-color:\\s*(#[0-9A-Fa-f]{6})\\s*;")
                .matcher(css("/org/xorlab/app/compare.css"));
        while (rule.find()) {
            swatches.put(Integer.parseInt(rule.group(1)), rule.group(2).toUpperCase(java.util.Locale.ROOT));
        }

        assertThat(swatches).as("one swatch colour per distinct run colour").hasSize(RunColours.COUNT);
        for (int run = 0; run < RunColours.COUNT; run++) {
            assertThat(swatches.get(run)).as("run-" + run + "'s swatch").isEqualTo(RunColours.hex(run));
        }
    }

    private static String css(String resource) throws IOException {
        try (InputStream in = RunColoursTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
