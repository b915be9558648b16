package org.xorlab.app.train;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.xorlab.text.NumberText;

/**
 * A matrix as bracketed rows of right-aligned numbers, or a single number without brackets. The brackets are drawn
 * as borders, not bracket glyphs, so they span the rows cleanly in any font. A mini-batch of many samples (up to
 * 1,000 columns on data) shows its first {@value #HEAD} columns, an ellipsis column and its last (as wide as a deep
 * network's 8 x 8 weight, which is shown whole), so the panel neither scrolls sideways for ever nor builds thousands
 * of labels.
 */
final class MatrixView extends HBox {
    static final String STYLE = "matrix";
    /** From this many columns a matrix is set a little smaller (style class "wide"), so a chunk of 4 fits the panel. */
    static final int WIDE = 4;
    /** The most columns shown in full; a wider matrix shows {@link #HEAD} columns, "…" and its last column. */
    static final int MAX_COLUMNS = 8;
    static final int HEAD = 6;
    static final String ELLIPSIS = "…";

    private final Label[][] cells;

    /** Shows {@code values} (rows of equal length) with {@code significant} significant digits. */
    MatrixView(double[][] values, int significant) {
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);
        int rows = values.length;
        int all = values[0].length;
        boolean cut = all > MAX_COLUMNS;
        // The columns shown: all of them, or the first HEAD, an ellipsis (-1) and the last.
        int[] shown = new int[cut ? HEAD + 2 : all];
        for (int c = 0; c < shown.length; c++) {
            shown[c] = c;
        }
        if (cut) {
            shown[HEAD] = -1;
            shown[HEAD + 1] = all - 1;
        }
        int cols = shown.length;
        cells = new Label[rows][cols];
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix-cells");
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Label cell = new Label(shown[c] < 0 ? ELLIPSIS : NumberText.step(values[r][shown[c]], significant));
                cell.getStyleClass().add("matrix-cell");
                cell.setMinWidth(Region.USE_PREF_SIZE);
                grid.add(cell, c, r);
                cells[r][c] = cell;
            }
        }
        if (cols >= WIDE) {
            getStyleClass().add("wide");
        }
        if (rows == 1 && cols == 1) {
            getChildren().add(grid);
        } else {
            getChildren().addAll(bracket("bracket-left"), grid, bracket("bracket-right"));
        }
    }

    /** The numbers as shown, row by row. */
    String[][] texts() {
        String[][] out = new String[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            out[r] = new String[cells[r].length];
            for (int c = 0; c < cells[r].length; c++) {
                out[r][c] = cells[r][c].getText();
            }
        }
        return out;
    }

    private static Region bracket(String style) {
        Region r = new Region();
        r.getStyleClass().addAll("bracket", style);
        r.setMinWidth(7);
        r.setPrefWidth(7);
        r.setMaxHeight(Double.MAX_VALUE);
        return r;
    }
}
