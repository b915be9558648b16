package org.xorlab.app.controls;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.xorlab.app.chart.LossChart;

/**
 * What the window asks of the tab that is showing: the keys and menus act on it through this, never by testing which
 * tab it is. The transport keys (Space, →, 1 to 3, R, N) go to its {@link #model()}, ↑ and ↓ to its
 * {@link #transport()}; File ▸ Export writes its loss chart, its loss history and its runs' views, named after
 * {@link TabModel#fileName()}. Commands only some tabs have (the step inspector, the timeline, sessions) say whether
 * this one has them; where it does not, their keys do nothing on it.
 */
public interface LabTab {
    /** The tab's content, as the window shows it. */
    Region view();

    /** The runs this tab trains, and their transport commands. */
    TabModel model();

    /** The tab's Play, Step, Reset and New seed buttons and its speed slider (↑ / ↓ move it). */
    TransportBar transport();

    /** The loss chart of every run this tab trains. */
    LossChart chart();

    /** Flips the loss chart between a log and a linear axis (L). */
    /** Shows the loss landscape in place of its card's usual view, or that view again. */
    void toggleLandscape();

    /** Shows the loss landscape with the gradient arrows, or hides the arrows. */
    void toggleGradients();

    default void toggleLogScale() {
        BooleanProperty log = chart().logScaleProperty();
        log.set(!log.get());
    }

    /** Each run's network and decision surface as they show on screen, in run order. */
    List<ShownRun> shownRuns();

    /** True if this tab has a step inspector for {@link #toggleInspector()} (key I). */
    default boolean hasInspector() {
        return false;
    }

    /** Shows or hides the step inspector. */
    default void toggleInspector() {
        throw new UnsupportedOperationException("this tab has no step inspector");
    }

    /** True if this tab's run can be rewound along its timeline with {@link #rewindBy} and {@link #live()}. */
    default boolean hasTimeline() {
        return false;
    }

    /** How many epochs an exported script of this tab's (first) run trains: as many as Play would. */
    default long playEpochs() {
        return org.xorlab.run.StopRule.DEFAULT.epochs();
    }

    /** Bookmarks the epoch shown (B). */
    default void bookmarkShown() {
        throw new UnsupportedOperationException("this tab has no timeline");
    }

    /** Rewinds to the previous (-1) or next (+1) bookmark (Page Up, Page Down). */
    default void jumpBookmark(int direction) {
        throw new UnsupportedOperationException("this tab has no timeline");
    }

    /** Shows the run {@code epochs} epochs before the epoch it shows now (← and Shift+←). */
    default void rewindBy(long epochs) {
        throw new UnsupportedOperationException("this tab has no timeline");
    }

    /** Shows the run live again after a rewind (Esc). */
    default void live() {
        throw new UnsupportedOperationException("this tab has no timeline");
    }

    /** True if File ▸ Save session and Open session act on this tab's run. */
    default boolean holdsSession() {
        return false;
    }

    /**
     * One run's views as they show on screen (zoom included), for export.
     *
     * @param name    the run's name, as the tab shows it
     * @param network its network view
     * @param surface its decision surface
     */
    record ShownRun(String name, Node network, Node surface) {
    }
}
