package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** When Play stops by itself, and what the status line then says. */
class StopRuleTest {
    @Test
    void aTargetLossStopsPlayWhenReached() {
        StopRule rule = new StopRule(true, 10_000, 0.01);
        assertThat(rule.isMet(5_000, 0.02)).isFalse();
        assertThat(rule.isMet(5_717, 0.0099)).isTrue();
        assertThat(rule.reachedMessage(5_717)).isEqualTo("Reached loss below 0.01 at epoch 5,717.");
    }

    @Test
    void aTargetNeverReachedStillStopsAtTheMostEpochsARunKeeps() {
        // Else a run could grow past what a session can hold, and a saved run would not open again.
        StopRule rule = new StopRule(true, 10_000, 1e-300);
        assertThat(rule.isMet(StopRule.MAX_EPOCHS - 1, 0.2)).isFalse();
        assertThat(rule.isMet(StopRule.MAX_EPOCHS, 0.2)).isTrue();
        assertThat(rule.reachedMessage(StopRule.MAX_EPOCHS)).isEqualTo("Stopped at 10,000,000 epochs, the most a run keeps.");
    }

    @Test
    void anEpochCountStopsPlayThere() {
        StopRule rule = new StopRule(false, 777, 0.01);
        assertThat(rule.isMet(776, 0.0)).isFalse();
        assertThat(rule.isMet(777, 0.5)).isTrue();
        assertThat(rule.reachedMessage(777)).isEqualTo("Stopped after 777 epochs.");
    }

    @Test
    void aTypedTargetLossIsReadOrRefusedWithAReason() {
        assertThat(StopRule.parseTargetLoss("0.05")).isEqualTo(0.05);
        assertThat(StopRule.parseTargetLoss("1e-3")).isEqualTo(0.001);
        for (String bad : new String[] {"abc", "0,01", "1e999", "NaN"}) {
            assertThatThrownBy(() -> StopRule.parseTargetLoss(bad)).as(bad)
                    .hasMessage("Target loss must be a number such as 0.1 or 1e-3 (got '" + bad + "')");
        }
        assertThatThrownBy(() -> StopRule.parseTargetLoss("2"))
                .hasMessage("Target loss must be greater than 0 and at most 1 (got 2)");
    }
}
