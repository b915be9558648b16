package org.xorlab.run;

/**
 * One plain-language note about a run, of the kind a teacher would point out: immutable, safe to hand to the FX
 * thread.
 *
 * @param kind       what was seen
 * @param epoch      the epoch at which it was seen (the one the window's "Go to epoch" link rewinds to)
 * @param text       what happened, in a sentence or two, naming the epoch
 * @param suggestion what to try
 */
public record DiagnosisNote(Kind kind, long epoch, String text, String suggestion) {

    /** The situations {@link Diagnosis} recognises. */
    public enum Kind {
        SATURATION("Saturated units"),
        PLATEAU("Plateau"),
        STUCK("Stuck"),
        DIVERGENCE("Diverged");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /** A word or two for the note's heading. */
        public String title() {
            return title;
        }
    }
}
