package org.xorlab.run.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.xorlab.engine.Measure;

/**
 * The numbers behind a study's two plots, for the window and the PNG alike: the fraction of seeds that reached the
 * target within each cost (an empirical cumulative distribution, one curve per method at its best rate), and the
 * median cost at every learning rate tried (the sensitivity to the rate).
 */
public final class StudyCurves {
    private StudyCurves() {
    }

    /**
     * One method's ECDF: after {@code costs[i]} of the measure, {@code fractions[i]} of its {@code runs} finished runs
     * had got below the target. Costs ascend; the curve never reaches 1 when some runs did not get there.
     */
    public record Ecdf(StudyMethod method, double learningRate, int runs, long[] costs, double[] fractions) {
    }

    /** One method's median cost at each rate; a median that was not reached is {@link Double#POSITIVE_INFINITY}. */
    public record Sensitivity(StudyMethod method, double[] rates, double[] medians, int[] converged, int[] runs) {
    }

    /** Each method's ECDF at its best rate on {@code summary}'s measure, in the grid's order of methods. */
    public static List<Ecdf> ecdfs(StudyResult result, StudySummary summary) {
        Measure m = summary.measure();
        List<Ecdf> curves = new ArrayList<>();
        for (StudyMethod method : result.grid().methods()) {
            Double rate = summary.best().get(method);
            if (rate == null) {
                continue;
            }
            List<StudyRun> runs = result.runs().stream()
                    .filter(r -> method.covers(r) && r.learningRate() == rate).toList();
            long[] costs = runs.stream().map(r -> r.toTarget(m)).filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong).sorted().toArray();
            double[] fractions = new double[costs.length];
            for (int i = 0; i < costs.length; i++) {
                fractions[i] = (i + 1) / (double) runs.size();
            }
            curves.add(new Ecdf(method, rate, runs.size(), costs, fractions));
        }
        return curves;
    }

    /** Each method's median cost against the rate, rates ascending, in the grid's order of methods. */
    public static List<Sensitivity> sensitivities(StudyResult result, StudySummary summary) {
        double[] rates = result.grid().learningRates().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Sensitivity> list = new ArrayList<>();
        for (StudyMethod method : result.grid().methods()) {
            List<Double> shownRates = new ArrayList<>();
            List<Double> medians = new ArrayList<>();
            List<Integer> converged = new ArrayList<>();
            List<Integer> runs = new ArrayList<>();
            for (double rate : rates) {
                StudySummary.Configuration c = summary.configuration(method, rate);
                if (c.runs() == 0) {
                    continue;
                }
                shownRates.add(rate);
                medians.add(c.on(summary.measure()).median());
                converged.add(c.converged());
                runs.add(c.runs());
            }
            list.add(new Sensitivity(method, shownRates.stream().mapToDouble(Double::doubleValue).toArray(),
                    medians.stream().mapToDouble(Double::doubleValue).toArray(),
                    converged.stream().mapToInt(Integer::intValue).toArray(),
                    runs.stream().mapToInt(Integer::intValue).toArray()));
        }
        return list;
    }

    /** For tests and tables: the ECDF's fraction at {@code cost} (the share of runs at or under it). */
    public static double fractionAt(Ecdf curve, long cost) {
        int i = Arrays.binarySearch(curve.costs(), cost);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < curve.costs().length && curve.costs()[i + 1] == cost) {
                i++;
            }
        }
        return i < 0 ? 0 : curve.fractions()[i];
    }
}
