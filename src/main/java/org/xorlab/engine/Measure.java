package org.xorlab.engine;

/**
 * What "faster" counts: epochs (passes over the data), weight updates, or samples seen (one sample is one gradient
 * evaluation). With four samples an epoch of SGD makes four updates and an epoch of full-batch GD makes one, so the
 * answer to "which converges faster" can differ by measure.
 */
public enum Measure {
    EPOCHS("epochs", "epoch", "epochs"),
    UPDATES("updates", "update", "weight updates"),
    SAMPLES("samples", "sample", "samples seen");

    private final String id;
    private final String singular;
    private final String plural;

    Measure(String id, String singular, String plural) {
        this.id = id;
        this.singular = singular;
        this.plural = plural;
    }

    /** The name in JSON keys and command-line options: "epochs", "updates", "samples". */
    public String id() {
        return id;
    }

    /** "epoch", "update", "sample". */
    public String singular() {
        return singular;
    }

    /** "epochs", "weight updates", "samples seen": as a sentence says "by weight updates". */
    public String plural() {
        return plural;
    }

    /** How many of this measure one whole epoch of {@code config} uses. */
    public long perEpoch(TrainingConfig config) {
        return switch (this) {
            case EPOCHS -> 1;
            case UPDATES -> config.updatesPerEpoch();
            case SAMPLES -> config.sampleCount();
        };
    }

    /** This measure's count out of the three. */
    public long of(long epochs, long updates, long samples) {
        return switch (this) {
            case EPOCHS -> epochs;
            case UPDATES -> updates;
            case SAMPLES -> samples;
        };
    }

    /** The measure named {@code id}, or null. */
    public static Measure parse(String id) {
        for (Measure m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }
}
