package org.xorlab.app.view;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows a canvas widget magnified by the window's zoom: the widget is laid out at this pane's size divided by the
 * zoom and drawn scaled up, so its fonts and lines grow with the controls' fonts while it still fills the pane.
 * JavaFX replays canvas drawing under the scale, so text stays sharp.
 */
public final class ZoomPane extends Region {
    private final Region content;
    private final ObservableDoubleValue zoom;
    private final Scale scale = new Scale(1, 1, 0, 0);

    public ZoomPane(Region content, ObservableDoubleValue zoom) {
        this.content = content;
        this.zoom = zoom;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("zoom-pane");
        zoom.addListener((o, old, z) -> requestLayout());
    }

    Region content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.get();
        scale.setX(z);
        scale.setY(z);
        // Whole pixels before magnifying: a canvas a fraction of a pixel wider would show, magnified at its edge,
        // a sliver of whatever it drew there at a larger size before (stale tick labels along the chart's edges).
        content.resizeRelocate(0, 0, Math.floor(getWidth() / z + 1e-6), Math.floor(getHeight() / z + 1e-6));
    }

    // The minimum is not magnified: when space is short a canvas gets smaller rather than push the window wider.
    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height < 0 ? height : height / zoom.get()) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width < 0 ? width : width / zoom.get()) * zoom.get();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return Double.MAX_VALUE;
    }
}
