package org.xorlab.app.train;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.xorlab.run.Preview;
import org.xorlab.run.RunFrame;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.WeightHistory;
import org.xorlab.run.Preview;
import org.xorlab.run.RunFrame;
import org.xorlab.text.NumberText;

/**
 * The run's timeline: dragging the slider shows the weights, network, decision surface and truth table as they were
 * at that epoch; letting go (or Escape, Play, any Step) returns to the live run. The label says which: "Live" or
 * "Rewind: epoch k of n". What is shown comes from the training thread's frames only (it samples the rewound
 * epoch's decision surface there); this bar only sends the requests.
 */
public final class RewindBar extends HBox {
    public static final String LIVE = "Live";
    public static final String TOOLTIP = "Drag to see the run as it was at any epoch; let go to return to live.\n"
            + "← one epoch back, Shift+← 100 back, Esc back to live.\n"
            + "Kept: the weights of every one of the last " + NumberText.count(WeightHistory.RECENT)
            + " epochs; older epochs on a stride that doubles with age\n(at most "
            + NumberText.count(WeightHistory.CAPACITY) + " snapshots in all, however long the run).";

    private final RunModel model;
    private final Slider slider = new Slider(0, 1, 1);
    private final Label caption = new Label("Timeline");
    private final Label label = new Label(LIVE);
    private final Button live = new Button("Back to live");
    /** True while the mouse holds the slider: the thumb follows the mouse, not the frames. */
    private boolean dragging;
    /** True while the bar moves the slider itself, so that the move is not taken as a request. */
    private boolean updating;

    RewindBar(RunModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("rewind-bar");
        setId("rewind-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        caption.getStyleClass().add("field-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        slider.setId("rewind-slider");
        slider.setAccessibleText("Timeline: the epoch the views show");
        slider.setDisable(true);
        slider.setFocusTraversable(false);
        Tooltip tip = new Tooltip(TOOLTIP);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        slider.setTooltip(tip);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        label.setId("rewind-label");
        label.getStyleClass().add("rewind-label");
        // Its width is in the stylesheet (in em, so it follows the zoom). Where the bar is narrower than the text
        // (a 1024 px window), the loss wraps under the epoch, never "...".
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        live.setId("rewind-live");
        live.setTooltip(new Tooltip("Show the live run again (Esc)"));
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.setFocusTraversable(false);
        live.setOnAction(e -> model.live());
        live.setDisable(true);
        getChildren().addAll(caption, slider, label, live);
    }

    private void initListeners() {
        // A filter, so the flag is up before the slider's own handler moves the thumb to the pressed point.
        slider.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging = true);
        slider.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            dragging = false;
            model.live();
        });
        slider.valueProperty().addListener((o, old, v) -> {
            if (dragging && !updating) {
                model.preview(Math.round(v.doubleValue()));
            }
        });
        model.frameProperty().addListener((o, old, f) -> {
            if (f != null) {
                show(f.runs().get(0));
            }
        });
    }

    private void show(RunFrame run) {
        long newest = run.weightHistory() == null ? run.snapshot().epoch() : run.weightHistory().newestEpoch();
        Preview p = run.preview();
        updating = true;
        slider.setDisable(newest <= 0);
        slider.setMax(Math.max(1, newest));
        if (!dragging) {
            slider.setValue(p != null ? p.epoch() : newest);
        }
        updating = false;
        boolean rewound = p != null;
        label.setText(rewound ? text(p.epoch(), newest, run.history()) : LIVE);
        if (rewound && !label.getStyleClass().contains("rewound")) {
            label.getStyleClass().add("rewound");
        } else if (!rewound) {
            label.getStyleClass().remove("rewound");
        }
        live.setDisable(!rewound);
    }

    /** "Rewind: epoch 1,234 of 10,000 · loss 0.2481" (the loss to four significant digits). */
    static String text(long epoch, long of, LossHistory history) {
        String s = "Rewind: epoch " + NumberText.count(epoch) + " of " + NumberText.count(of);
        if (history != null && epoch >= 1 && epoch <= history.size()) {
            s += " · loss " + NumberText.significant(history.get((int) (epoch - 1)), 4);
        }
        return s;
    }

    /** Shows or hides the "Timeline" caption: presenter mode gives its room to the slider and the label. */
    void showCaption(boolean shown) {
        caption.setVisible(shown);
        caption.setManaged(shown);
    }

    /** The label as shown. */
    String labelText() {
        return label.getText();
    }

    public Slider slider() {
        return slider;
    }
}
