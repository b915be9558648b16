package org.xorlab.app.controls;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * A short message floating above the bottom of the window: what a file command did ("Exported ... to FILE") or
 * why it could not. Good news fades after a few seconds; an error stays until closed or replaced, so a teacher
 * who looked away can still read it.
 */
public final class Notice extends HBox {
    static final Duration GOOD_NEWS_TIME = Duration.seconds(6);
    private static final String ERROR = "notice-error";

    private final Label text = new Label();
    private final PauseTransition hide = new PauseTransition(GOOD_NEWS_TIME);

    public Notice() {
        getStyleClass().add("notice");
        setId("notice");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        text.setId("notice-text");
        text.setWrapText(true);
        text.getStyleClass().add("notice-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("notice-close");
        close.getStyleClass().addAll("notice-close", "flat");
        close.setFocusTraversable(false);
        close.setOnAction(e -> dismiss());
        close.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(text, close);
        setMaxWidth(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        setVisible(false);
        hide.setOnFinished(e -> dismiss());
    }

    /** Shows good news for a few seconds. */
    public void success(String message) {
        show(message, false);
        hide.playFromStart();
    }

    /** Shows a problem until the user closes it or another notice replaces it. */
    public void error(String message) {
        show(message, true);
        hide.stop();
    }

    private void show(String message, boolean error) {
        text.setText(message);
        getStyleClass().remove(ERROR);
        if (error) {
            getStyleClass().add(ERROR);
        }
        setVisible(true);
        if (getParent() != null) {
            getParent().toFront();
        }
    }

    void dismiss() {
        hide.stop();
        setVisible(false);
    }

    /** The message showing, or "" when none is. */
    public String message() {
        return isVisible() ? text.getText() : "";
    }

    public boolean isError() {
        return getStyleClass().contains(ERROR);
    }
}
