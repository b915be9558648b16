package org.xorlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard shortcuts over a dimmed window, readable from the back of a classroom: each shortcut's keys as key
 * caps beside what it does, in two columns. ? or Escape closes it, and so does a click anywhere.
 */
final class ShortcutOverlay extends StackPane {
    /** Keys shown per row; further aliases of the same command (Ctrl+Shift+= for Ctrl++) are left out. */
    private static final int KEYS_PER_ROW = 2;

    /** Space kept free around the card, in pixels. */
    private static final double MARGIN = 24;

    private final Shortcuts shortcuts;
    private final HBox columns = new HBox();
    private final VBox card;

    ShortcutOverlay(Shortcuts shortcuts) {
        this.shortcuts = shortcuts;
        getStyleClass().add("shortcut-overlay");
        setId("shortcut-overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("overlay-title");
        Label hint = new Label("Press ? or Esc to close");
        hint.getStyleClass().add("overlay-hint");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(title, grow, hint);
        header.setAlignment(Pos.BASELINE_LEFT);
        columns.getStyleClass().add("overlay-columns");
        card = new VBox(header, columns);
        card.getStyleClass().add("overlay-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        getChildren().add(card);
        setOnMouseClicked(e -> hide());
        // As large as the window, never larger: the card scales down instead (see layoutChildren).
        setMinSize(0, 0);
        setVisible(false);
    }

    /** Centres the card at its natural size, scaled down (text stays sharp) if the window is too small for it. */
    @Override
    protected void layoutChildren() {
        double w = card.prefWidth(-1);
        double h = card.prefHeight(w);
        double scale = Math.min(1, Math.min((getWidth() - 2 * MARGIN) / w, (getHeight() - 2 * MARGIN) / h));
        card.resize(w, h);
        card.relocate((getWidth() - w) / 2, (getHeight() - h) / 2);
        // Scaling is about the card's centre, so it stays centred.
        card.setScaleX(Math.max(0.1, scale));
        card.setScaleY(Math.max(0.1, scale));
    }

    /** Closes the sheet on Escape while it shows; install before the window's shortcuts, which also use Escape. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (isShowing() && e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
    }

    void toggle() {
        if (isVisible()) {
            hide();
        } else {
            show();
        }
    }

    /** Lists the shortcuts as they are now and shows them. */
    void show() {
        columns.getChildren().setAll(layout(rows(shortcuts.describe())));
        setVisible(true);
        if (getParent() != null) {
            getParent().toFront();
        }
    }

    void hide() {
        setVisible(false);
    }

    boolean isShowing() {
        return isVisible();
    }

    /** What it does to the keys that do it, merging aliases; shortcuts without a description are not listed. */
    static Map<String, List<String>> rows(Map<String, String> described) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        described.forEach((key, what) -> {
            if (!what.isBlank()) {
                List<String> keys = rows.computeIfAbsent(what, w -> new ArrayList<>());
                String shown = keyText(key);
                if (!keys.contains(shown) && keys.size() < KEYS_PER_ROW) {
                    keys.add(shown);
                }
            }
        });
        return rows;
    }

    /** The key combination as the keyboard says it: "?" for Shift+/, "Esc" for Escape. */
    static String keyText(String displayText) {
        return switch (displayText) {
            case "Shift+/" -> "?";
            case "Escape" -> "Esc";
            default -> displayText;
        };
    }

    private static List<GridPane> layout(Map<String, List<String>> rows) {
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>(rows.entrySet());
        int half = (entries.size() + 1) / 2;
        List<GridPane> grids = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            GridPane grid = new GridPane();
            grid.getStyleClass().add("overlay-grid");
            int row = 0;
            for (Map.Entry<String, List<String>> e : entries.subList(c * half, Math.min(entries.size(), (c + 1) * half))) {
                HBox keys = new HBox();
                keys.getStyleClass().add("overlay-keys");
                keys.setAlignment(Pos.CENTER_RIGHT);
                for (String combination : e.getValue()) {
                    if (!keys.getChildren().isEmpty()) {
                        keys.getChildren().add(separator("or"));
                    }
                    List<String> parts = split(combination);
                    for (int i = 0; i < parts.size(); i++) {
                        if (i > 0) {
                            keys.getChildren().add(separator("+"));
                        }
                        Label cap = new Label(parts.get(i));
                        cap.getStyleClass().add("overlay-key");
                        cap.setMinWidth(Region.USE_PREF_SIZE);
                        keys.getChildren().add(cap);
                    }
                }
                Label what = new Label(e.getKey());
                what.getStyleClass().add("overlay-description");
                what.setMinWidth(Region.USE_PREF_SIZE);
                grid.addRow(row++, keys, what);
            }
            grids.add(grid);
        }
        return grids;
    }

    /** "Ctrl+Shift+=" to Ctrl, Shift, =; "Ctrl++" to Ctrl, +. */
    static List<String> split(String combination) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < combination.length(); i++) {
            if (combination.charAt(i) == '+' && i > start) {
                parts.add(combination.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(combination.substring(start));
        return parts;
    }

    private static Label separator(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("overlay-key-separator");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
