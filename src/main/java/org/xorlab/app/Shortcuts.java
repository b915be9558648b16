package org.xorlab.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts, handled before any control sees the key, so Space plays and the arrows step
 * even when a button or slider has focus. Keys without a modifier are left alone while the user types in a field.
 * Enter presses the focused button (Space cannot: it is Play), and a toggle group entered with Tab keeps the
 * arrows to move within it.
 */
final class Shortcuts {
    private final Map<KeyCombination, Runnable> actions = new LinkedHashMap<>();
    private final Map<KeyCombination, String> descriptions = new LinkedHashMap<>();
    private final Map<KeyCombination, BooleanSupplier> conditions = new LinkedHashMap<>();

    /** Adds a shortcut; {@code key} uses KeyCombination syntax, for example "Space" or "Shift+Right". */
    Shortcuts add(String key, String description, Runnable action) {
        KeyCombination combination = KeyCombination.valueOf(key);
        actions.put(combination, action);
        descriptions.put(combination, description);
        return this;
    }

    /**
     * Adds a shortcut that acts only while {@code active} says so; otherwise the key goes on as if it were not a
     * shortcut (so Tab still moves the focus and Escape still reaches the control that has it).
     */
    Shortcuts addWhen(String key, String description, BooleanSupplier active, Runnable action) {
        add(key, description, action);
        conditions.put(KeyCombination.valueOf(key), active);
        return this;
    }

    /** Shortcut text (as shown to the user) to what it does, in the order added. */
    Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        descriptions.forEach((k, d) -> out.put(k.getDisplayText(), d));
        return out;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node owner = scene.getFocusOwner();
            // Enter presses the button the keyboard is on (Space is Play wherever the focus is); a default button
            // and a text field's Enter keep their own meaning.
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()
                    && owner instanceof ButtonBase b && !(b instanceof Button d && d.isDefaultButton())
                    && !b.isDisabled()) {
                b.fire();
                e.consume();
                return;
            }
            // A toggle group the keyboard went into (Tab, a visible focus) moves with the arrows, as groups do;
            // clicked into with the mouse, the arrows still step the run.
            if (isArrow(e.getCode()) && !e.isShiftDown() && !e.isShortcutDown() && owner instanceof Toggle t
                    && t.getToggleGroup() != null && owner.isFocusVisible()) {
                return;
            }
            boolean typing = isTextInput(owner);
            for (Map.Entry<KeyCombination, Runnable> entry : actions.entrySet()) {
                KeyCombination k = entry.getKey();
                // Function keys (F5, F11) are never typing.
                boolean plain = !(k instanceof KeyCodeCombination c && c.getCode().isFunctionKey())
                        && k.getControl() != KeyCombination.ModifierValue.DOWN
                        && k.getShortcut() != KeyCombination.ModifierValue.DOWN
                        && k.getAlt() != KeyCombination.ModifierValue.DOWN
                        && k.getMeta() != KeyCombination.ModifierValue.DOWN;
                BooleanSupplier active = conditions.get(k);
                if (k.match(e) && !(typing && plain) && (active == null || active.getAsBoolean())) {
                    entry.getValue().run();
                    e.consume();
                    return;
                }
            }
        });
    }

    private static boolean isArrow(KeyCode code) {
        return code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.UP || code == KeyCode.DOWN;
    }

    private static boolean isTextInput(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner || n instanceof ComboBoxBase<?> c && c.isEditable()) {
                return true;
            }
        }
        return false;
    }
}
