package org.xorlab.app.chart;

/** What the loss chart's horizontal axis counts. */
public enum XAxisMode {
    /** Passes over the whole dataset. */
    EPOCHS("Epoch"),
    /** Weight updates: one per mini-batch, so an epoch counts {@code updatesPerEpoch} of them. */
    UPDATES("Weight updates"),
    /** Training samples the network has seen: every epoch shows it every training sample once. */
    SAMPLES("Samples seen");

    private final String label;

    XAxisMode(String label) {
        this.label = label;
    }

    /** The axis label a user reads, e.g. "Weight updates". */
    public String label() {
        return label;
    }

    /**
     * Position on this axis of the end of {@code epoch} for a run making {@code updatesPerEpoch} updates an epoch over
     * {@code samplesPerEpoch} training samples (4 for a truth table, n for a dataset).
     */
    public long x(long epoch, int updatesPerEpoch, int samplesPerEpoch) {
        return switch (this) {
            case EPOCHS -> epoch;
            case UPDATES -> epoch * updatesPerEpoch;
            case SAMPLES -> epoch * samplesPerEpoch;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
