package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reads the NumPy reference files under {@code src/test/resources/reference} (found through the system property
 * {@code xorlab.reference.dir}, which surefire sets) and compares numbers by relative error.
 */
final class ReferenceFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceFiles() {
    }

    static Path dir() {
        String dir = System.getProperty("xorlab.reference.dir");
        if (dir == null) {
            fail("system property xorlab.reference.dir is not set; run the tests through Maven (surefire sets it)");
        }
        return Path.of(dir);
    }

    static JsonNode json(String relativePath) {
        try {
            return JSON.readTree(dir().resolve(relativePath).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loss column of an {@code epoch,loss} CSV; element i is epoch i + 1 (checked). */
    static double[] epochLosses(String relativePath) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(relativePath));
            assertThat(lines.get(0)).isEqualTo("epoch,loss");
            double[] losses = new double[lines.size() - 1];
            for (int i = 0; i < losses.length; i++) {
                String[] cells = lines.get(i + 1).split(",");
                assertThat(Long.parseLong(cells[0])).isEqualTo(i + 1);
                losses[i] = Double.parseDouble(cells[1]);
            }
            return losses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of arrays of numbers as a matrix. */
    static RealMatrix matrix(JsonNode rows) {
        double[][] data = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            data[r] = doubles(rows.get(r));
        }
        return new Array2DRowRealMatrix(data, false);
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    /** Weights from a {@code {"W1": .., "b1": .., "W2": .., "b2": ..}} object in the notebook's shapes. */
    static Weights weights(JsonNode node) {
        return Weights.of(matrix(node.get("W1")), matrix(node.get("b1")), matrix(node.get("W2")), matrix(node.get("b2")));
    }

    /** |actual - expected| <= tolerance * |expected|. */
    static void assertRelative(String what, double actual, double expected, double tolerance) {
        if (!(Math.abs(actual - expected) <= tolerance * Math.abs(expected))) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error "
                    + Math.abs(actual - expected) / Math.abs(expected) + ", allowed " + tolerance + ")");
        }
    }

    /** Every parameter of {@code actual} within {@code tolerance} relative error of {@code expected}. */
    static void assertWeightsRelative(String what, Weights actual, Weights expected, double tolerance) {
        assertThat(actual.hidden()).as(what + ": hidden units").isEqualTo(expected.hidden());
        for (int j = 0; j < expected.hidden(); j++) {
            for (int k = 0; k < 2; k++) {
                assertRelative(what + " W1[" + j + "][" + k + "]", actual.w1(j, k), expected.w1(j, k), tolerance);
            }
            assertRelative(what + " b1[" + j + "]", actual.b1(j), expected.b1(j), tolerance);
            assertRelative(what + " W2[" + j + "]", actual.w2(j), expected.w2(j), tolerance);
        }
        assertRelative(what + " b2", actual.b2(), expected.b2(), tolerance);
    }
}
