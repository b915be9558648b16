package org.xorlab.app.compare;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.CompareSummary;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;
import org.xorlab.app.controls.TabModel;

/**
 * The Compare tab's view model, on the FX thread: the {@link CompareSetup} (always valid), and besides what every
 * {@link TabModel} has (its {@link TrainingLoop} trains every run in lockstep from the same initial weights), the
 * {@link CompareSummary} of the newest frame.
 *
 * <p>Any change to the runs or their shared settings starts the comparison over from the shared initial weights, so
 * every run always trains from the same start, level on the budget's measure; only the budget's amount can change
 * mid-way.
 */
public final class CompareModel extends TabModel {
    private final ObjectProperty<CompareSetup> setup;
    private final ReadOnlyObjectWrapper<CompareSummary> summary = new ReadOnlyObjectWrapper<>();

    public CompareModel(CompareSetup initial, double epochsPerSecond) {
        super(loop(initial, epochsPerSecond), epochsPerSecond);
        setup = new SimpleObjectProperty<>(initial);
        setup.addListener((o, old, now) -> apply(old, now));
        start("xorlab-compare");
    }

    private static TrainingLoop loop(CompareSetup initial, double epochsPerSecond) {
        TrainingLoop loop = new TrainingLoop(initial.specs(), initial.stopRule(), epochsPerSecond);
        loop.setBudget(initial.budget());
        return loop;
    }

    /** The table and verdict go with the frame, so that views drawing the frame read the summary of the same one. */
    @Override
    protected void arriving(TrainingFrame f) {
        summary.set(CompareSummary.of(f, setup.get().budget()));
    }

    private void apply(CompareSetup old, CompareSetup now) {
        loop().setStopRule(now.stopRule());
        loop().setBudget(now.budget());
        if (!now.sameRunsAs(old)) {
            loop().restart(now.specs());
        }
        TrainingFrame f = frameProperty().get();
        if (f != null) {
            summary.set(CompareSummary.of(f, now.budget()));
        }
    }

    /** The runs and shared settings; setting a new value other than the budget's amount restarts the comparison. */
    public ObjectProperty<CompareSetup> setupProperty() {
        return setup;
    }

    /** The table and verdict of the newest frame (null until the first arrives). */
    public ReadOnlyObjectProperty<CompareSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "xor-seed42-compare-epoch5717": the dataset, the seed and the lockstep epoch the runs have reached. */
    @Override
    public String fileName() {
        TrainingFrame f = frameProperty().get();
        CompareSetup s = setup.get();
        long epoch = f == null ? 0 : f.runs().stream().mapToLong(r -> r.snapshot().epoch()).max().orElse(0);
        return fileStem(s) + "-seed" + s.seed() + "-compare-epoch" + epoch;
    }

    /** "xor", or the data's name as a file name's start: "spiral (200 points, noise 0.1)" gives "spiral-200-points-noise-0-1". */
    static String fileStem(CompareSetup s) {
        if (s.network().data().isTruthTable()) {
            return s.dataset().id();
        }
        String stem = s.dataName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        stem = stem.length() > 40 ? stem.substring(0, 40).replaceAll("-$", "") : stem;
        return stem.isEmpty() ? "data" : stem;
    }

    /** Starts over from the initial weights of another seed. */
    @Override
    public void newSeed(long seed) {
        setup.set(setup.get().withSeed(seed));
    }
}
