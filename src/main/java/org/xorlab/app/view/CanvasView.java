package org.xorlab.app.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A view drawn on one canvas that fills it, with one draw path (as HanSolo's canvas widgets have): a subclass calls
 * {@link #redraw} when anything it draws from has changed, and the next layout pass clears the canvas and calls
 * {@link #draw} once, however many changes came before it. A new size redraws too; nothing else does.
 *
 * <p>The canvas is sized in whole layout pixels. JavaFX already renders a canvas at the highest output scale of the
 * screens (its peer, {@code NGCanvas}, sizes its buffer by it), so a HiDPI screen gets sharp lines without scaling
 * here, which would scale twice. Public only so that the views' inherited {@link Region} methods are public; it cannot be
 * extended outside this package.
 */
public abstract class CanvasView extends Region {
    private final Canvas canvas = new Canvas();
    /** The size the view asks for; its parent may give it more or less. */
    private final double prefWidth;
    private final double prefHeight;
    /** True when the canvas shows older state than the fields; the next layout pass redraws it. */
    private boolean stale = true;
    /** True while the layout pass resizes the canvas, when asking for another pass would be one too many. */
    private boolean sizing;

    CanvasView(double prefWidth, double prefHeight) {
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
        canvas.setManaged(false);
        getChildren().add(canvas);
    }

    /**
     * What the view shows, in words, for a screen reader: its accessible text, computed only when one asks. Null
     * (the default) says nothing; a view that answers also takes the role {@code TEXT} with a description of its own.
     */
    String describe() {
        return null;
    }

    @Override
    public Object queryAccessibleAttribute(javafx.scene.AccessibleAttribute attribute, Object... parameters) {
        if (attribute == javafx.scene.AccessibleAttribute.TEXT) {
            String text = describe();
            if (text != null) {
                return text;
            }
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    /** Draws everything on a cleared canvas of {@code width} x {@code height} pixels. */
    abstract void draw(GraphicsContext g, double width, double height);

    /**
     * Called when the canvas takes a new size, before it is redrawn: where the view keeps geometry that depends on
     * the size (and would otherwise be out of date until the next draw), it brings it up to date here.
     */
    void resized() {
    }

    /** Asks for a redraw by the next layout pass. Call on the FX thread after anything {@link #draw} reads changed. */
    final void redraw() {
        stale = true;
        if (!sizing) {
            setNeedsLayout(true);
        }
    }

    /** The canvas's width: the view's own, rounded down to whole pixels. */
    final double canvasWidth() {
        return canvas.getWidth();
    }

    /** The canvas's height: the view's own, rounded down to whole pixels. */
    final double canvasHeight() {
        return canvas.getHeight();
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        return prefHeight;
    }

    @Override
    protected final void layoutChildren() {
        double width = Math.floor(getWidth());
        double height = Math.floor(getHeight());
        if (width != canvas.getWidth() || height != canvas.getHeight()) {
            sizing = true;
            try {
                canvas.setWidth(width);
                canvas.setHeight(height);
                stale = true;
                resized();
            } finally {
                sizing = false;
            }
        }
        if (stale) {
            stale = false;
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.setFill(Palette.BACKGROUND);
            g.fillRect(0, 0, width, height);
            draw(g, width, height);
        }
    }
}
