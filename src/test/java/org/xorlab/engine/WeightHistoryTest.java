package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Weight snapshots at epoch boundaries: exact for recent epochs, thinned with age, bounded however long the run. */
class WeightHistoryTest {

    /** Weights that say which epoch they belong to (b2 is the epoch). */
    private static Weights tagged(long epoch) {
        return new Weights(2, new double[] {0.5, -0.5, 1, 2}, new double[] {0.1, 0.2}, new double[] {3, 4}, epoch);
    }

    @Test
    void looksUpTheRecordedWeightsOfAnEpochExactlyWhileTheRunIsShort() {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        WeightHistory history = new WeightHistory();
        history.record(0, trainer.weights());
        List<Weights> expected = new ArrayList<>(List.of(trainer.weights()));
        for (int e = 1; e <= 300; e++) {
            trainer.stepEpoch();
            history.record(trainer.epoch(), trainer.weights());
            expected.add(trainer.weights());
        }
        for (int e : new int[] {0, 1, 2, 150, 299, 300}) {
            assertThat(history.at(e).epoch()).isEqualTo(e);
            assertThat(history.at(e).weights()).as("epoch %d", e).isEqualTo(expected.get(e));
        }
        assertThat(history.at(1_000).epoch()).as("after the newest: the newest").isEqualTo(300);
        assertThat(history.size()).isEqualTo(301);
    }

    @Test
    void memoryStaysBoundedOverAMillionEpochsWithEveryRecentEpochKept() {
        WeightHistory history = new WeightHistory();
        int largest = 0;
        for (long e = 0; e <= 1_000_000; e++) {
            history.record(e, tagged(e));
            largest = Math.max(largest, history.size());
            if (e % 99_991 == 0) {
                assertStridesDoubleWithAge(history.epochs(), e);
            }
        }
        assertThat(largest).isLessThanOrEqualTo(WeightHistory.CAPACITY);
        long[] kept = history.epochs();
        assertThat(kept).hasSize(history.size());
        assertThat(kept[0]).as("the run's start is always kept").isZero();
        for (long e = 1_000_000 - WeightHistory.RECENT + 1; e <= 1_000_000; e++) {
            assertThat(history.at(e).epoch()).isEqualTo(e);
            assertThat(history.at(e).weights().b2()).isEqualTo(e);
        }
        assertStridesDoubleWithAge(kept, 1_000_000);
        // Further back, the nearest kept epoch at or before, and its own weights.
        for (long e = 0; e < 1_000_000; e += 9_973) {
            WeightHistory.Entry entry = history.at(e);
            assertThat(entry.epoch()).isEqualTo(nearestAtOrBefore(kept, e));
            assertThat(entry.weights().b2()).isEqualTo(entry.epoch());
        }
    }

    /** Older than the recent window, gaps between kept epochs are powers of two that never shrink going back. */
    private static void assertStridesDoubleWithAge(long[] kept, long newest) {
        long limit = newest - WeightHistory.RECENT;
        long previousGap = Long.MAX_VALUE;
        for (int i = 1; i < kept.length && kept[i] <= limit; i++) {
            long gap = kept[i] - kept[i - 1];
            assertThat(Long.bitCount(gap)).as("gap %d after epoch %d", gap, kept[i - 1]).isEqualTo(1);
            assertThat(gap).as("gap after epoch %d (newest %d)", kept[i - 1], newest).isLessThanOrEqualTo(previousGap);
            previousGap = gap;
        }
        // The newest older epochs are still one apart: thinning starts gently at the window's edge.
        if (limit > WeightHistory.OLDER) {
            int edge = indexOf(kept, limit);
            assertThat(kept[edge] - kept[edge - 1]).isLessThanOrEqualTo(2);
        }
    }

    private static int indexOf(long[] kept, long epoch) {
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] == epoch) {
                return i;
            }
        }
        throw new AssertionError("epoch " + epoch + " is not kept");
    }

    private static long nearestAtOrBefore(long[] kept, long epoch) {
        long best = -1;
        for (long k : kept) {
            if (k <= epoch) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void nothingBeforeTheFirstEpochAndEpochsOnlyGoForward() {
        WeightHistory history = new WeightHistory();
        assertThat(history.at(10)).isNull();
        assertThat(history.newestEpoch()).isEqualTo(-1);
        history.record(5, tagged(5));
        assertThat(history.at(4)).isNull();
        assertThat(history.at(5).epoch()).isEqualTo(5);
        assertThatThrownBy(() -> history.record(5, tagged(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing order");
        assertThatThrownBy(() -> history.record(6, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights");
    }

    @Test
    void aReaderOnAnotherThreadAlwaysGetsAnEpochAtOrBeforeWithItsOwnWeights() throws InterruptedException {
        WeightHistory history = new WeightHistory();
        history.record(0, tagged(0));
        AtomicReference<String> problem = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (long e = 1; e <= 300_000; e++) {
                history.record(e, tagged(e));
            }
        });
        writer.start();
        long looks = 0;
        while (writer.isAlive() || looks < 1000) {
            long newest = history.newestEpoch();
            long asked = (looks * 7919) % (newest + 1);
            WeightHistory.Entry entry = history.at(asked);
            if (entry == null || entry.epoch() > asked || entry.weights().b2() != entry.epoch()) {
                problem.compareAndSet(null, "asked " + asked + ", got " + entry);
            }
            looks++;
        }
        writer.join();
        assertThat(problem.get()).isNull();
        assertThat(history.size()).isLessThanOrEqualTo(WeightHistory.CAPACITY);
    }
}
