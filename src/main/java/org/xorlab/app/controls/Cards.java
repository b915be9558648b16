package org.xorlab.app.controls;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The cards the tabs' views sit on, and their headers: a title, then whatever controls belong beside it. */
public final class Cards {
    private Cards() {
    }

    /** A card's title, never cut short. */
    public static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("card-title");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A header row: the title, then {@code extras}. */
    public static HBox header(String title, Node... extras) {
        HBox box = new HBox(12, title(title));
        box.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(extras);
        return box;
    }

    /** A header row whose title follows {@code title} (a view that names itself), then {@code extras}. */
    public static HBox header(javafx.beans.value.ObservableValue<String> title, Node... extras) {
        HBox box = header(title.getValue(), extras);
        ((Label) box.getChildren().get(0)).textProperty().bind(title);
        return box;
    }

    /** A card holding {@code children} one above the other. */
    public static VBox card(Node... children) {
        VBox box = new VBox(8, children);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(10, 12, 12, 12));
        return box;
    }
}
