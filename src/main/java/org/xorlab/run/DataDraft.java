package org.xorlab.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.xorlab.engine.Samples;
import org.xorlab.session.DataCsv;
import org.xorlab.session.DataCsvException;

/**
 * The student's own points while they draw them: add, remove, move, clear, with Undo and Redo over the last
 * {@value #HISTORY} changes, and CSV import (a bad file changes nothing) and export. Not thread-safe: one thread (the
 * FX thread in the app) owns it. Every change tells the listeners once, after the points have changed.
 */
public final class DataDraft {
    /** How many changes Undo can take back. */
    public static final int HISTORY = 200;
    /** Class 1 is y = 1, class 0 is y = 0. */
    public static final int CLASSES = 2;

    private Samples points;
    private final Deque<Samples> undo = new ArrayDeque<>();
    private final Deque<Samples> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    /** The points before the drag under way ({@code null} when none): what Undo of the drag goes back to. */
    private Samples beforeDrag;

    /** A draft starting from these points, with nothing to undo. */
    public DataDraft(Samples start) {
        points = start;
    }

    public Samples points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    /** Calls {@code listener} after every change of the points. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Adds a point of class 0 or 1 at the end.
     *
     * @throws IllegalArgumentException when the draft already holds {@value Samples#MAX_POINTS} points, the class is
     *                                  not 0 or 1, or a coordinate is out of range
     */
    public void add(double x1, double x2, int cls) {
        if (cls < 0 || cls >= CLASSES) {
            throw new IllegalArgumentException("the class must be 0 or 1 (got " + cls + ")");
        }
        if (points.size() >= Samples.MAX_POINTS) {
            throw new IllegalArgumentException("a dataset holds at most " + Samples.MAX_POINTS
                    + " points; remove one before adding another");
        }
        change(points.plus(x1, x2, cls));
    }

    /** Removes point {@code i}. */
    public void remove(int i) {
        checkIndex(i);
        change(points.without(i));
    }

    /** Moves point {@code i} to (x1, x2), keeping its class; one step of Undo, however far it was dragged. */
    public void move(int i, double x1, double x2) {
        checkIndex(i);
        change(points.with(i, x1, x2, points.y(i)));
    }

    /**
     * Moves point {@code i} without a step of Undo, for the frames of a drag; the next change ({@link #move} at the
     * drag's end) records the whole drag as one step, which Undo takes back to where the drag began.
     */
    public void drag(int i, double x1, double x2) {
        checkIndex(i);
        if (beforeDrag == null) {
            beforeDrag = points;
        }
        points = points.with(i, x1, x2, points.y(i));
        fire();
    }

    /** Removes every point (undoable). */
    public void clear() {
        if (!points.isEmpty()) {
            change(Samples.NONE);
        }
    }

    /** Replaces every point with {@code all} as one undoable change; nothing happens if they are the same. */
    public void replace(Samples all) {
        if (!all.equals(points)) {
            change(all);
        }
    }

    /** True while a point is being dragged: the points change again soon, and {@link #move} ends it. */
    public boolean dragging() {
        return beforeDrag != null;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Takes back the last change; false when there is none. */
    public boolean undo() {
        return step(undo, redo);
    }

    /** Makes the last undone change again; false when there is none. */
    public boolean redo() {
        return step(redo, undo);
    }

    /** Goes back to the top of {@code from}, keeping the points now shown on {@code to}. */
    private boolean step(Deque<Samples> from, Deque<Samples> to) {
        if (from.isEmpty()) {
            return false;
        }
        beforeDrag = null;
        to.push(points);
        points = from.pop();
        fire();
        return true;
    }

    /**
     * The point nearest to (x1, x2) within {@code radius} (in input units), or -1 when none is that close.
     */
    public int nearest(double x1, double x2, double radius) {
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < points.size(); i++) {
            double dx = points.x1(i) - x1;
            double dy = points.x2(i) - x2;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * Replaces the points with a file's (one undoable change; a split column is read but not kept: the test fraction
     * decides which points are held out).
     *
     * The window does the same in two steps: {@link DataCsv#read} on its file thread, then {@link #replace}.
     *
     * @return the file's points and split column, as read
     * @throws DataCsvException naming the line and what is wrong there; the points are then unchanged
     */
    public DataCsv.Points importCsv(Path file) throws DataCsvException {
        DataCsv.Points read = DataCsv.read(file);
        replace(read.points());
        return read;
    }

    /** Writes the points as {@code x1,x2,y}, atomically. */
    public void exportCsv(Path file) throws IOException {
        DataCsv.write(file, points, null);
    }

    private void change(Samples next) {
        undo.push(beforeDrag != null ? beforeDrag : points);
        beforeDrag = null;
        if (undo.size() > HISTORY) {
            undo.removeLast();
        }
        redo.clear();
        points = next;
        fire();
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= points.size()) {
            throw new IllegalArgumentException("there is no point " + (i + 1) + " (the draft holds "
                    + points.size() + ")");
        }
    }
}
