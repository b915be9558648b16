package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xorlab.run.study.Study;
import org.xorlab.run.study.StudyGrid;
import org.xorlab.run.study.StudyMethod;
import org.xorlab.run.study.StudyResult;
import org.xorlab.run.study.StudyRun;
import org.xorlab.run.study.StudySummary;

/**
 * Studies against the NumPy oracle ({@code tools/study_reference.py}, fixture {@code generated/study-runs.json}):
 * every run of every grid (the notebook's sgd against batch GD, optimisers, a budget in updates, a deeper tanh
 * cross-entropy network with shuffling) trained by {@link Study} on two threads has the oracle's epochs, epochs,
 * updates and samples to the target exactly and its final loss to 1e-9; and the summary on every measure (counts,
 * quartiles, best rates, the seed-by-seed verdicts and their sign test, median ratios, Wilcoxon statistics and p-values) equals what the
 * oracle computed independently with NumPy and SciPy. The oracle's synthetic differences test the normal
 * approximation and ties, which the grids (at most 12 seeds) do not reach.
 */
class StudyOracleAgreementTest {
    private static JsonNode fixture;
    private static double tolerance;

    @BeforeAll
    static void read() {
        fixture = ReferenceFiles.json("generated/study-runs.json");
        tolerance = fixture.get("tolerance").doubleValue();
    }

    static StudyGrid grid(JsonNode g) {
        ObjectNode run = ((ObjectNode) g.get("base")).deepCopy();
        run.put("seed", 0).put("learning_rate", 1.0).put("batch_size", 1).put("optimizer", "sgd");
        TrainingConfig base = GeneralOracleAgreementTest.config(run);
        List<Long> seeds = new ArrayList<>();
        g.get("seeds").forEach(s -> seeds.add(s.longValue()));
        List<Double> rates = new ArrayList<>();
        g.get("learning_rates").forEach(r -> rates.add(r.doubleValue()));
        List<Integer> batches = new ArrayList<>();
        g.get("batch_sizes").forEach(k -> batches.add(k.intValue()));
        List<TrainingOptions.Optimizer> optimizers = new ArrayList<>();
        g.get("optimizers").forEach(o -> optimizers.add(TrainingOptions.Optimizer.parse(o.textValue())));
        JsonNode budget = g.get("budget");
        return new StudyGrid(base, seeds, rates, batches, optimizers, g.get("target_loss").doubleValue(),
                new Budget(Measure.parse(budget.get("measure").textValue()), budget.get("amount").longValue()));
    }

    @Test
    void everyRunOfEveryGridAgrees() {
        int checked = 0;
        for (JsonNode g : fixture.get("grids")) {
            String name = g.get("name").textValue();
            StudyGrid grid = grid(g);
            StudyResult result = new Study(grid, 2).run();
            assertThat(result.done()).as(name + ": runs").isEqualTo(g.get("runs").size());
            int i = 0;
            for (JsonNode expected : g.get("runs")) {
                StudyRun run = result.run(i++);
                String what = name + ", run " + i + " (seed " + expected.get("seed") + ", rate "
                        + expected.get("learning_rate") + ", batch " + expected.get("batch_size") + ", "
                        + expected.get("optimizer").textValue() + ")";
                assertThat(run.seed()).as(what).isEqualTo(expected.get("seed").longValue());
                assertThat(run.learningRate()).as(what).isEqualTo(expected.get("learning_rate").doubleValue());
                assertThat(run.batchSize()).as(what).isEqualTo(expected.get("batch_size").intValue());
                assertThat(run.optimizer().id()).as(what).isEqualTo(expected.get("optimizer").textValue());
                assertThat(run.epochs()).as(what + ": epochs trained").isEqualTo(expected.get("epochs").longValue());
                assertThat(run.epochsToTarget()).as(what + ": epochs to target")
                        .isEqualTo(orZero(expected.get("epochs_to_target")));
                assertThat(run.updatesToTarget()).as(what + ": updates to target")
                        .isEqualTo(orZero(expected.get("updates_to_target")));
                assertThat(run.samplesToTarget()).as(what + ": samples to target")
                        .isEqualTo(orZero(expected.get("samples_to_target")));
                assertThat(run.diverged()).as(what + ": diverged").isEqualTo(expected.get("diverged").booleanValue());
                ReferenceFiles.assertRelative(what + ": final loss", run.finalLoss(),
                        expected.get("final_loss").doubleValue(), tolerance);
                checked++;
            }
            checkSummary(name, grid, result, g.get("summary"));
        }
        assertThat(checked).as("runs checked").isGreaterThanOrEqualTo(100);
    }

    private static long orZero(JsonNode n) {
        return n.isNull() ? 0 : n.longValue();
    }

    private static void checkSummary(String name, StudyGrid grid, StudyResult result, JsonNode summaries) {
        for (Measure m : Measure.values()) {
            JsonNode expected = summaries.get(m.id());
            StudySummary summary = StudySummary.of(result, m);
            String what = name + ", by " + m.plural();
            Iterator<JsonNode> configs = expected.get("configurations").iterator();
            for (StudySummary.Configuration c : summary.configurations()) {
                JsonNode e = configs.next();
                String where = what + ": " + c.method().name() + " at " + c.learningRate();
                assertThat(c.method().name()).as(where).isEqualTo(e.get("method").textValue());
                assertThat(c.learningRate()).as(where).isEqualTo(e.get("learning_rate").doubleValue());
                assertThat(c.runs()).as(where + ": runs").isEqualTo(e.get("n").intValue());
                assertThat(c.converged()).as(where + ": converged").isEqualTo(e.get("converged").intValue());
                assertThat(c.diverged()).as(where + ": diverged").isEqualTo(e.get("diverged").intValue());
                StudySummary.Quartiles q = c.on(m);
                assertQuantile(where + ": q1", q.q1(), e.get("q1"));
                assertQuantile(where + ": median", q.median(), e.get("median"));
                assertQuantile(where + ": q3", q.q3(), e.get("q3"));
            }
            assertThat(configs.hasNext()).as(what + ": configurations").isFalse();
            Map<StudyMethod, Double> best = summary.best();
            assertThat(best).as(what + ": best rates").hasSize(expected.get("best").size());
            best.forEach((method, rate) -> assertThat(rate).as(what + ": best rate of " + method.name())
                    .isEqualTo(expected.get("best").get(method.name()).doubleValue()));
            assertThat(summary.pairs()).as(what + ": pairs").hasSize(expected.get("pairs").size());
            Iterator<JsonNode> pairs = expected.get("pairs").iterator();
            for (StudySummary.PairedComparison p : summary.pairs()) {
                JsonNode e = pairs.next();
                String pair = what + ": " + p.first().name() + " against " + p.second().name();
                assertThat(p.first().name()).as(pair).isEqualTo(e.get("a").textValue());
                assertThat(p.second().name()).as(pair).isEqualTo(e.get("b").textValue());
                assertThat(p.firstRate()).as(pair + ": rate a").isEqualTo(e.get("rate_a").doubleValue());
                assertThat(p.secondRate()).as(pair + ": rate b").isEqualTo(e.get("rate_b").doubleValue());
                assertThat(p.seeds()).as(pair + ": seeds").isEqualTo(e.get("seeds").intValue());
                assertThat(p.firstWins()).as(pair + ": wins a").isEqualTo(e.get("wins_a").intValue());
                assertThat(p.secondWins()).as(pair + ": wins b").isEqualTo(e.get("wins_b").intValue());
                assertThat(p.ties()).as(pair + ": ties").isEqualTo(e.get("ties").intValue());
                assertThat(p.undecided()).as(pair + ": undecided").isEqualTo(e.get("undecided").intValue());
                assertThat(p.neither()).as(pair + ": neither").isEqualTo(e.get("neither").intValue());
                if (e.get("median_ratio").isNull()) {
                    assertThat(p.medianRatio()).as(pair + ": median ratio").isNaN();
                } else {
                    assertThat(p.medianRatio()).as(pair + ": median ratio")
                            .isCloseTo(e.get("median_ratio").doubleValue(), within(1e-15));
                }
                assertThat(p.tested()).as(pair + ": tested").isEqualTo(e.get("n_wilcoxon").intValue());
                if (e.get("sign_p_value").isNull()) {
                    assertThat(p.signP()).as(pair + ": sign test p").isNaN();
                } else {
                    assertThat(p.signP()).as(pair + ": sign test p")
                            .isCloseTo(e.get("sign_p_value").doubleValue(), within(1e-12));
                }
                if (e.get("p_value").isNull()) {
                    assertThat(p.pValue()).as(pair + ": p").isNaN();
                } else {
                    assertThat(p.wPlus()).as(pair + ": w+").isEqualTo(e.get("w_plus").doubleValue());
                    assertThat(p.pValue()).as(pair + ": p").isCloseTo(e.get("p_value").doubleValue(), within(1e-12));
                }
            }
        }
    }

    private static void assertQuantile(String what, double actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual).as(what + " (not reached)").isEqualTo(Double.POSITIVE_INFINITY);
        } else {
            assertThat(actual).as(what).isEqualTo(expected.doubleValue());
        }
    }

    /**
     * The oracle's synthetic differences (up to 100 seeds, with ties and zeros): as a study's two methods at one
     * rate whose costs differ by exactly them, the summary's test statistic and p-value are the oracle's.
     */
    @Test
    void theSignedRankTestAgreesOnDifferencesWithTiesAndManySeeds() {
        int approximated = 0;
        for (JsonNode c : fixture.get("wilcoxon_cases")) {
            List<Long> d = new ArrayList<>();
            c.get("d").forEach(x -> d.add(x.longValue()));
            List<Long> seeds = new ArrayList<>();
            List<StudyRun> runs = new ArrayList<>();
            for (int s = 0; s < d.size(); s++) {
                seeds.add((long) s + 1);
                long a = 5_000 + d.get(s);
                long b = 5_000;
                runs.add(new StudyRun(s + 1, 1.0, 1, TrainingOptions.Optimizer.SGD, a, 4 * a, 4 * a, a, 4 * a, 4 * a,
                        0.001, false));
                runs.add(new StudyRun(s + 1, 1.0, 4, TrainingOptions.Optimizer.SGD, b, b, 4 * b, b, b, 4 * b, 0.001,
                        false));
            }
            StudyGrid grid = new StudyGrid(TrainingConfig.NOTEBOOK, seeds, List.of(1.0), List.of(1, 4),
                    List.of(TrainingOptions.Optimizer.SGD), 0.01, Budget.epochs(10_000));
            StudySummary.PairedComparison p = StudySummary.of(StudyResult.of(grid, runs, false), Measure.EPOCHS)
                    .pairs().get(0);
            String what = d.size() + " differences";
            assertThat(p.tested()).as(what + ": tested").isEqualTo(c.get("n_wilcoxon").intValue());
            assertThat(p.wPlus()).as(what + ": w+").isEqualTo(c.get("w_plus").doubleValue());
            assertThat(p.exact()).as(what + ": exact").isEqualTo(c.get("exact").booleanValue());
            assertThat(p.pValue()).as(what + ": p").isCloseTo(c.get("p_value").doubleValue(), within(1e-12));
            approximated += p.exact() ? 0 : 1;
        }
        assertThat(approximated).as("cases by the normal approximation").isGreaterThanOrEqualTo(3);
    }
}
