package org.xorlab.app.train;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * The four inputs with their target, the network's current prediction y_hat and the error y - y_hat.
 * Clicking a row selects that input for the network view.
 */
final class TruthTable extends GridPane {
    static final String SELECTED = "selected";
    private static final String[] HEADERS = {"x1", "x2", "y", "ŷ", "y − ŷ"};

    private final RunModel model;
    private final Label[][] cells = new Label[Dataset.SIZE][HEADERS.length];

    TruthTable(RunModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("truth-table");
        setId("truth-table");
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = new Label(HEADERS[c]);
            h.getStyleClass().add("truth-header");
            add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            cc.setMinWidth(c < 3 ? 36 : javafx.scene.layout.Region.USE_PREF_SIZE);
            getColumnConstraints().add(cc);
        }
        for (int i = 0; i < Dataset.SIZE; i++) {
            for (int c = 0; c < HEADERS.length; c++) {
                Label cell = new Label();
                cell.setId("truth-" + i + "-" + c);
                cell.getStyleClass().add("truth-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                int row = i;
                cell.setOnMouseClicked(e -> model.selectedInputProperty().set(row));
                add(cell, c, i + 1);
                cells[i][c] = cell;
            }
            cells[i][0].setText(fmt0(Dataset.x0(i)));
            cells[i][1].setText(fmt0(Dataset.x1(i)));
        }
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> {
            if (f != null) {
                show(f.snapshot().config(), f.runs().get(0).shownWeights());
            }
        });
        model.selectedInputProperty().addListener((o, old, i) -> highlight(i.intValue()));
        highlight(model.selectedInputProperty().get());
    }

    /** The predictions of {@code w} (the live weights, or a rewound epoch's) with the run's hidden activation. */
    private void show(TrainingConfig config, Weights w) {
        Dataset d = config.dataset();
        for (int i = 0; i < Dataset.SIZE; i++) {
            double y = d.target(i);
            double yHat = w.predict(config.options().activation(), Dataset.x0(i), Dataset.x1(i));
            cells[i][2].setText(fmt0(y));
            cells[i][3].setText(NumberText.fixed(yHat, 4));
            cells[i][4].setText(signed(NumberText.fixed(y - yHat, 4)));
            boolean right = Math.abs(y - yHat) < 0.5;
            cells[i][3].getStyleClass().removeAll("right", "wrong");
            cells[i][3].getStyleClass().add(right ? "right" : "wrong");
        }
    }

    private void highlight(int selected) {
        for (int i = 0; i < Dataset.SIZE; i++) {
            for (Label cell : cells[i]) {
                cell.getStyleClass().remove(SELECTED);
                if (i == selected) {
                    cell.getStyleClass().add(SELECTED);
                }
            }
        }
    }

    /** "+0.0546" for a positive error, as "-0.0546" shows a negative one. */
    private static String signed(String number) {
        return number.startsWith("-") ? number : "+" + number;
    }

    private static String fmt0(double v) {
        return Integer.toString((int) v);
    }
}
