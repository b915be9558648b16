package org.xorlab.app.controls;

import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.app.chart.LossChart;

/**
 * Feeds a tab's loss chart from its frames: each frame appends only the epochs every run completed since the last
 * one (so a long run costs nothing per frame), run {@code i} to the chart's curve {@code i}; when the runs start over
 * (a new generation) the tab clears or replaces the curves and the feed starts over with them.
 */
public final class LossFeed {
    private final LossChart chart;
    private long generation = -1;
    /** Per run, the epochs already on the chart, training and test. */
    private int[] appended = new int[0];
    private int[] appendedTest = new int[0];

    public LossFeed(LossChart chart) {
        this.chart = chart;
    }

    /** True if {@code f}'s runs started over since the curves were last begun: the tab must clear them. */
    public boolean startsOver(TrainingFrame f) {
        return f.generation() != generation;
    }

    /** The chart's curves are empty again, one per run of {@code f}'s generation. */
    public void restart(TrainingFrame f) {
        generation = f.generation();
        appended = new int[f.runs().size()];
        appendedTest = new int[f.runs().size()];
    }

    /** Appends every run's epochs completed since the last frame: the training loss, and the test loss if any. */
    public void append(TrainingFrame f) {
        for (int i = 0; i < f.runs().size() && i < appended.length; i++) {
            RunFrame r = f.runs().get(i);
            int available = (int) Math.min(r.snapshot().epoch(), r.history().size());
            if (available > appended[i]) {
                double[] losses = r.history().copyRange(appended[i], available);
                chart.append(i, appended[i] + 1L, losses, losses.length);
                appended[i] = available;
            }
            int tested = (int) Math.min(r.snapshot().epoch(), r.testHistory().size());
            if (tested > appendedTest[i]) {
                double[] losses = r.testHistory().copyRange(appendedTest[i], tested);
                chart.appendTest(i, appendedTest[i] + 1L, losses, losses.length);
                appendedTest[i] = tested;
            }
        }
    }
}
