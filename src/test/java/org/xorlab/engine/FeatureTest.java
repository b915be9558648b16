package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The input features (SPEC.md, "Data"): their values, the lists the command line takes, and the fan-in they set. */
class FeatureTest {
    private static final String ALLOWED = "x1, x2, x1sq, x2sq, x1x2, sin1, sin2";

    @Test
    void eachFeatureOfAPoint() {
        assertThat(Feature.X1.of(-1.5, 2)).isEqualTo(-1.5);
        assertThat(Feature.X2.of(-1.5, 2)).isEqualTo(2);
        assertThat(Feature.X1SQ.of(-1.5, 2)).isEqualTo(2.25);
        assertThat(Feature.X2SQ.of(-1.5, 2)).isEqualTo(4);
        assertThat(Feature.X1X2.of(-1.5, 2)).isEqualTo(-3);
        assertThat(Feature.SIN1.of(Math.PI / 2, 0)).isEqualTo(1);
        assertThat(Feature.SIN2.of(0, -Math.PI / 2)).isEqualTo(-1);
        assertThat(Feature.SIN1.of(0, 5)).isZero();
        double[] into = new double[3];
        Feature.apply(List.of(Feature.X1X2, Feature.X1, Feature.X2SQ), 3, -2, into);
        assertThat(into).containsExactly(-6, 3, 4);
    }

    @Test
    void aListKeepsItsOrder() {
        assertThat(Feature.parseList("x1,x2")).isEqualTo(Feature.DEFAULT);
        assertThat(Feature.parseList("sin2,x1x2,x1")).containsExactly(Feature.SIN2, Feature.X1X2, Feature.X1);
        assertThat(Feature.parseList(" X1SQ , Sin1")).as("case and spaces do not matter")
                .containsExactly(Feature.X1SQ, Feature.SIN1);
        assertThat(Feature.parseList(ALLOWED.replace(" ", ""))).containsExactly(Feature.values());
        assertThat(Feature.ids(Feature.parseList("x2, sin1"))).isEqualTo("x2,sin1");
        assertThat(Feature.allowedNames()).isEqualTo(ALLOWED);
    }

    @Test
    void anUnknownNameIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> Feature.parseList("x1,x3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown feature 'x3'; allowed: " + ALLOWED);
        assertThatThrownBy(() -> Feature.parseList("x1;x2")).hasMessage("unknown feature 'x1;x2'; allowed: " + ALLOWED);
        assertThatThrownBy(() -> Feature.parseList("x1,,x2")).hasMessage("unknown feature ''; allowed: " + ALLOWED);
        assertThatThrownBy(() -> Feature.parse("cos1")).hasMessage("unknown feature 'cos1'; allowed: " + ALLOWED);
    }

    @Test
    void aFeatureGivenTwiceIsRefused() {
        assertThatThrownBy(() -> Feature.parseList("x1,x2,x1")).hasMessage("feature 'x1' is given twice");
        assertThatThrownBy(() -> Feature.parseList("sin1,SIN1")).hasMessage("feature 'sin1' is given twice");
        assertThatThrownBy(() -> Feature.check(List.of(Feature.X2, Feature.X2)))
                .hasMessage("each feature may be given once (got x2,x2)");
    }

    @Test
    void anEmptyListIsRefused() {
        for (String empty : new String[] {"", "  ", null}) {
            assertThatThrownBy(() -> Feature.parseList(empty))
                    .hasMessage("features must be a comma-separated list of " + ALLOWED);
        }
        assertThatThrownBy(() -> Feature.check(List.of())).hasMessage("features must be 1 to 7 of " + ALLOWED);
        assertThatThrownBy(() -> TrainingOptions.NOTEBOOK.withFeatures(List.of()))
                .hasMessage("features must be 1 to 7 of " + ALLOWED);
    }

    @Test
    void theFirstLayersFanInIsTheNumberOfFeatures() {
        TrainingOptions o = TrainingOptions.NOTEBOOK.withFeatures(Feature.parseList("x1,x2,x1x2,sin1,sin2"));
        TrainingConfig c = new TrainingConfig(Dataset.XOR, 3, 42, 0.5, 1, o);
        assertThat(c.inputs()).isEqualTo(5);
        Weights w = Weights.initial(c);
        assertThat(w.inputs()).isEqualTo(5);
        assertThat(w.w(1).getRowDimension()).isEqualTo(3);
        assertThat(w.w(1).getColumnDimension()).isEqualTo(5);
        // Uniform init draws W1 row by row then b1 from the seed's stream: the first row is the first five draws.
        NumpyRandom r = new NumpyRandom(42);
        for (int k = 0; k < 5; k++) {
            assertThat(w.weight(1, 0, k)).isEqualTo(r.nextDouble());
        }
        assertThat(TrainingOptions.NOTEBOOK.features()).isEqualTo(Feature.DEFAULT);
        assertThat(TrainingConfig.NOTEBOOK.inputs()).isEqualTo(2);
    }

    @Test
    void weightsForOtherFeaturesAreRefusedByName() {
        TrainingOptions three = TrainingOptions.NOTEBOOK.withFeatures(Feature.parseList("x1,x2,x1x2"));
        TrainingConfig c = new TrainingConfig(Dataset.XOR, 2, 42, 0.5, 1, three);
        assertThatThrownBy(() -> new Trainer(c, Weights.initial(2, 42)))
                .hasMessage("initial weights take 2 input features but the config has 3 (x1,x2,x1x2)");
        assertThatThrownBy(() -> Weights.initial(2, 42).predict(three, 0, 0))
                .hasMessage("these weights take 2 input features, not 3 (x1,x2,x1x2)");
    }

    @Test
    void labelsForTheNetworkView() {
        assertThat(Feature.X1SQ.label()).isEqualTo("x\u2081\u00b2");
        assertThat(Feature.X1X2.label()).isEqualTo("x\u2081\u00b7x\u2082");
        assertThat(Feature.SIN2.label()).isEqualTo("sin x\u2082");
    }
}
