package org.xorlab.engine;

/**
 * How long each run of a comparison may train: {@code amount} of one {@link Measure}. Every run trains whole epochs
 * until it has used at least that much, so an equal budget of updates gives full-batch GD four epochs for each of
 * SGD's.
 *
 * @param measure what the budget counts
 * @param amount  how many, at least 1
 */
public record Budget(Measure measure, long amount) {

    public Budget {
        if (measure == null) {
            throw new IllegalArgumentException("a budget needs a measure");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("a budget must be at least 1 " + measure.singular() + " (got " + amount
                    + ")");
        }
    }

    public static Budget epochs(long epochs) {
        return new Budget(Measure.EPOCHS, epochs);
    }

    /** True once a run that has used these counts may not train another epoch. */
    public boolean spent(long epochs, long updates, long samples) {
        return measure.of(epochs, updates, samples) >= amount;
    }

    /** "10,000 epochs", "22,868 weight updates". */
    public String describe() {
        return org.xorlab.text.NumberText.count(amount) + " " + (amount == 1 ? measure.singular() : measure.plural());
    }
}
