package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.engine.ReferenceFiles.assertRelative;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compare verdict against {@code tools/verdict_reference.py}: a grid of comparisons trained with NumPy and
 * judged by the verdict rules written there independently, over seeds, datasets, widths, learning rates (equal and
 * not), targets and budgets of epochs, updates and samples, including ties, budgets cut short and runs that never
 * reach the target. Every count must agree exactly, every final loss to 1e-9, every measure's outcome by name.
 */
class VerdictOracleTest {

    static Stream<Arguments> comparisons() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : ReferenceFiles.json("generated/compare.json").get("comparisons")) {
            cases.add(Arguments.of(describe(c), c));
        }
        return cases.stream();
    }

    private static String describe(JsonNode c) {
        StringBuilder s = new StringBuilder(c.get("dataset").asText() + " H=" + c.get("hidden").asInt() + " seed="
                + c.get("seed").asLong() + " target=" + c.get("target_loss").asDouble() + " "
                + c.get("budget").get("amount").asLong() + " " + c.get("budget").get("measure").asText());
        for (JsonNode r : c.get("runs")) {
            s.append(", ").append(r.get("name").asText()).append("@").append(r.get("learning_rate").asDouble());
        }
        return s.toString();
    }

    @Test
    void theGridCoversEveryKindOfOutcome() {
        Set<String> kinds = new HashSet<>();
        for (JsonNode c : ReferenceFiles.json("generated/compare.json").get("comparisons")) {
            c.get("verdict").forEach(v -> {
                String o = v.get("outcome").asText();
                kinds.add(Set.of("tie", "undecided", "none").contains(o) ? o : "winner");
            });
        }
        assertThat(kinds).containsExactlyInAnyOrder("winner", "tie", "undecided", "none");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void theEngineCountsAndJudgesAsTheOracle(String name, JsonNode c) {
        Dataset dataset = Dataset.parse(c.get("dataset").asText());
        int hidden = c.get("hidden").asInt();
        long seed = c.get("seed").asLong();
        List<ComparisonRun> runs = new ArrayList<>();
        for (JsonNode r : c.get("runs")) {
            runs.add(new ComparisonRun(r.get("name").asText(), new TrainingConfig(dataset, hidden, seed,
                    r.get("learning_rate").asDouble(), r.get("batch_size").asInt())));
        }
        Budget budget = new Budget(Measure.parse(c.get("budget").get("measure").asText()),
                c.get("budget").get("amount").asLong());
        Comparison comparison = new Comparison(Weights.initial(hidden, seed), runs, c.get("target_loss").asDouble(),
                budget);
        comparison.run(null);
        ComparisonResult result = comparison.result();

        assertThat(result.finished()).isTrue();
        for (int i = 0; i < runs.size(); i++) {
            JsonNode expected = c.get("runs").get(i);
            ComparisonResult.RunSummary actual = result.runs().get(i);
            for (Measure m : Measure.values()) {
                assertThat(actual.ran(m)).as(actual.name() + " " + m.id()).isEqualTo(expected.get(m.id()).asLong());
                JsonNode to = expected.get(m.id() + "_to_target");
                if (to.isNull()) {
                    assertThat(actual.toTarget(m)).as(actual.name() + " " + m.id() + " to target").isEmpty();
                } else {
                    assertThat(actual.toTarget(m)).as(actual.name() + " " + m.id() + " to target")
                            .hasValue(to.asLong());
                }
            }
            assertRelative(actual.name() + " final loss", actual.finalLoss(), expected.get("final_loss").asDouble(),
                    1e-9);
        }
        Verdict verdict = result.verdict();
        for (Measure m : Measure.values()) {
            JsonNode expected = c.get("verdict").get(m.id());
            assertThat(verdict.on(m).json()).as("verdict by " + m.id()).isEqualTo(expected.get("outcome").asText());
            assertThat(verdict.on(m).needed()).as("count that settles " + m.id())
                    .isEqualTo(expected.get("needed").asLong());
        }
        // The sentence says what each measure decided, and nothing it did not.
        String sentence = verdict.sentence();
        for (Measure m : Measure.values()) {
            Verdict.Outcome o = verdict.on(m);
            switch (o.kind()) {
                case WINNER -> assertThat(sentence).containsPattern("By [a-z ,]*" + m.plural() + "[a-z ,]*, "
                        + o.leaders().get(0) + " got below");
                case TIE -> assertThat(sentence).contains("By " + m.plural() + ", ").contains(" tied");
                case UNDECIDED -> assertThat(sentence).contains("By " + m.plural() + " it is undecided");
                case NONE -> assertThat(sentence).startsWith("No run got below");
            }
        }
        if (runs.stream().map(r -> r.config().learningRate()).distinct().count() > 1) {
            assertThat(sentence).contains("differ in learning rate");
        } else {
            assertThat(sentence).doesNotContain("differ in learning rate");
        }
    }
}
