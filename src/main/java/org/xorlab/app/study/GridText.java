package org.xorlab.app.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.text.NumberText;

/**
 * How the Study tab reads its lists: seeds as "1-100" or "1, 5, 9" (ranges and single seeds mixed), learning rates as
 * "0.1, 0.3, 1, 3", batch sizes as "1, full", optimisers as "sgd, adam". Each parser returns the values in the order
 * typed or throws IllegalArgumentException with a sentence naming the field, what it takes and what was typed.
 */
final class GridText {
    /** The most seeds one study takes from the window (a million runs is already hours). */
    static final long MAX_SEEDS = 1_000_000;
    /** The word for the full batch in the batch sizes field. */
    static final String FULL = "full";

    private GridText() {
    }

    private static List<String> items(String text, String field, String example) {
        List<String> out = new ArrayList<>();
        for (String item : text.trim().split("[,;\\s]+")) {
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(field + " needs at least one value, for example " + example);
        }
        return out;
    }

    private static <T> void once(Set<T> seen, T value, String field, String shown) {
        if (!seen.add(value)) {
            throw new IllegalArgumentException(field + ": " + shown + " is given twice; give each once");
        }
    }

    /** Seeds: whole numbers from 0 to 4294967295, single or as ranges "a-b" (a at most b). */
    static List<Long> seeds(String text) {
        String allowed = "seeds are whole numbers from 0 to 4294967295, as a range 1-100 or a list 1, 5, 9";
        List<long[]> ranges = new ArrayList<>();
        long count = 0;
        for (String item : items(text, "Seeds", "1-100")) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2 || ends[0].isEmpty() || ends.length == 2 && ends[1].isEmpty()) {
                throw new IllegalArgumentException("Seeds: '" + item + "' is not a seed or a range; " + allowed);
            }
            long a = seed(ends[0], allowed);
            long b = ends.length == 2 ? seed(ends[1], allowed) : a;
            if (b < a) {
                throw new IllegalArgumentException("Seeds: the range " + item + " is empty; a range goes up, as "
                        + b + "-" + a);
            }
            count += b - a + 1;
            if (count > MAX_SEEDS) {
                throw new IllegalArgumentException("Seeds: at most " + NumberText.count(MAX_SEEDS)
                        + " seeds in one study (got more)");
            }
            ranges.add(new long[] {a, b});
        }
        Set<Long> seen = new LinkedHashSet<>();
        for (long[] r : ranges) {
            for (long s = r[0]; s <= r[1]; s++) {
                once(seen, s, "Seeds", "seed " + s);
            }
        }
        return List.copyOf(seen);
    }

    private static long seed(String digits, String allowed) {
        try {
            long s = Long.parseLong(digits);
            TrainingConfig.checkSeed(s);
            return s;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Seeds: '" + digits + "' is not a seed; " + allowed);
        }
    }

    /** Learning rates: finite decimal numbers greater than 0. */
    static List<Double> rates(String text) {
        Set<Double> seen = new LinkedHashSet<>();
        for (String item : items(text, "Learning rates", "0.1, 0.3, 1, 3")) {
            double r;
            try {
                r = NumberText.parseDecimal(item);
            } catch (IllegalArgumentException e) {
                r = Double.NaN;
            }
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("Learning rates: '" + item + "' is not a number greater than 0;"
                        + " give decimals such as 0.1, 0.3, 1, 3");
            }
            once(seen, r, "Learning rates", "rate " + item);
        }
        return List.copyOf(seen);
    }

    /** Batch sizes: whole numbers from 1 to {@code n}, or "full" for n. */
    static List<Integer> batchSizes(String text, int n) {
        String allowed = "batch sizes are whole numbers from 1 to " + n + " (the training samples), or 'full' for "
                + n;
        Set<Integer> seen = new LinkedHashSet<>();
        for (String item : items(text, "Batch sizes", "1, full")) {
            int k;
            if (item.equalsIgnoreCase(FULL)) {
                k = n;
            } else {
                try {
                    k = Integer.parseInt(item);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Batch sizes: '" + item + "' is not a batch size; " + allowed);
                }
                if (k < 1 || k > n) {
                    throw new IllegalArgumentException("Batch sizes: " + item + " is out of range; " + allowed);
                }
            }
            once(seen, k, "Batch sizes", "batch size " + k);
        }
        return List.copyOf(seen);
    }

    /** Optimisers by name: sgd, momentum, nesterov, rmsprop, adam. */
    static List<Optimizer> optimizers(String text) {
        Set<Optimizer> seen = new LinkedHashSet<>();
        for (String item : items(text, "Optimizers", "sgd")) {
            Optimizer o;
            try {
                o = Optimizer.parse(item);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Optimizers: '" + item + "' is not one; allowed: " + names());
            }
            once(seen, o, "Optimizers", o.id());
        }
        return List.copyOf(seen);
    }

    static String names() {
        StringBuilder b = new StringBuilder();
        for (Optimizer o : Optimizer.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(o.id());
        }
        return b.toString();
    }

    /** A whole number from {@code min} to {@code max} (typed as 5000 or 5,000). */
    static long count(String text, String field, long min, long max) {
        long v;
        try {
            v = NumberText.parseCount(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a whole number from " + NumberText.count(min)
                    + " to " + NumberText.count(max) + " (got '" + text.trim() + "')");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be from " + NumberText.count(min) + " to "
                    + NumberText.count(max) + " (got " + NumberText.count(v) + ")");
        }
        return v;
    }

    /** The seeds as typed back: "1-100", "1, 5, 9", runs of consecutive seeds as ranges. */
    static String seedsText(List<Long> seeds) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < seeds.size(); ) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ", ").append(seeds.get(i));
            if (j > i) {
                b.append('-').append(seeds.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
