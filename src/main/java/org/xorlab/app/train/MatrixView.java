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
 * as borders, not bracket glyphs, so they span the rows cleanly in any font.
 */
final class MatrixView extends HBox {
    static final String STYLE = "matrix";
    /** From this many columns a matrix is set a little smaller (style class "wide"), so a chunk of 4 fits the panel. */
    static final int WIDE = 4;

    private final Label[][] cells;

    /** Shows {@code values} (rows of equal length) with {@code significant} significant digits. */
    MatrixView(double[][] values, int significant) {
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);
        int rows = values.length;
        int cols = values[0].length;
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
                Label cell = new Label(NumberText.step(values[r][c], significant));
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
