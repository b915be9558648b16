package org.xorlab.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xorlab.text.NumberText;

/**
 * A teacher's mark on a run's timeline: an epoch and a short note ("the plateau ends here"), saved in the session.
 *
 * @param epoch the epoch marked, 0 or more
 * @param note  what to say there: at most {@value #MAX_NOTE} characters, no control characters, trimmed
 */
public record Bookmark(long epoch, String note) {
    /** The longest note. */
    public static final int MAX_NOTE = 200;
    /** Most bookmarks a run keeps. */
    public static final int MAX_COUNT = 100;

    public Bookmark {
        if (epoch < 0) {
            throw new IllegalArgumentException("a bookmark's epoch must be 0 or more (got " + epoch + ")");
        }
        note = note == null ? "" : note.strip();
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("a bookmark's note is at most " + MAX_NOTE + " characters (got "
                    + NumberText.count(note.length()) + ")");
        }
        for (int i = 0; i < note.length(); i++) {
            if (Character.isISOControl(note.charAt(i))) {
                throw new IllegalArgumentException("a bookmark's note cannot hold control characters (a line break,"
                        + " a tab) (got one at character " + (i + 1) + ")");
            }
        }
    }

    /** The note, or "Epoch N" when it is empty. */
    public String title() {
        return note.isEmpty() ? "Epoch " + NumberText.count(epoch) : note;
    }

    /**
     * {@code marks} as a run keeps them: in epoch order, one per epoch (the later given wins).
     *
     * @throws IllegalArgumentException if there are more than {@value #MAX_COUNT}
     */
    public static List<Bookmark> normalised(List<Bookmark> marks) {
        List<Bookmark> out = new ArrayList<>();
        for (Bookmark b : marks) {
            out.removeIf(o -> o.epoch() == b.epoch());
            out.add(b);
        }
        out.sort(Comparator.comparingLong(Bookmark::epoch));
        if (out.size() > MAX_COUNT) {
            throw new IllegalArgumentException("a run keeps at most " + MAX_COUNT + " bookmarks (got "
                    + NumberText.count(out.size()) + ")");
        }
        return List.copyOf(out);
    }
}
