package org.xorlab.app.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.CompareSummary;
import org.xorlab.engine.Measure;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.CompareSummary;
import org.xorlab.text.NumberText;

/**
 * The comparison's numbers, a row per run: epochs, weight updates and samples seen to the target loss, the final loss
 * and the wall time spent training; once the runs finish, the winner (or the tied runs) of each measure is marked.
 * Under it one paragraph says which converged faster by each measure, worded as {@code xorlab compare} words it (the
 * view may show that paragraph elsewhere, see {@link #verdictPane}).
 */
public final class CompareTable extends VBox {
    static final String FIRST = "first";
    static final String MEASURES_NOTE = measuresNote(4);

    /** What the three measures count, for runs on {@code n} training samples (the truth tables' four, or data). */
    static String measuresNote(int n) {
        String count = org.xorlab.text.NumberText.count(n);
        return "An epoch is one pass over the " + (n == 4 ? "four samples" : count + " training samples")
                + ": batch size 1 makes " + count + " weight updates in it, batch size " + count + " makes one. The x"
                + " axis switch compares per update or per sample. Wall time depends on this computer and never"
                + " decides the verdict.";
    }

    private final CompareModel model;
    private final Label note = new Label();
    private final GridPane grid = new GridPane();
    private final Label epochsHeader = header("");
    private final Label updatesHeader = header("");
    private final Label samplesHeader = header("");
    private final Label verdict = new Label();
    private final List<Label[]> rows = new ArrayList<>();

    CompareTable(CompareModel model) {
        this.model = model;
        createView();
        model.summaryProperty().addListener((o, old, s) -> {
            if (s != null) {
                show(s);
            }
        });
    }

    private void createView() {
        getStyleClass().add("compare-table");
        setSpacing(10);
        grid.setId("compare-summary");
        grid.getStyleClass().add("summary-grid");
        grid.setMinHeight(Region.USE_PREF_SIZE);
        ColumnConstraints nameColumn = new ColumnConstraints();
        nameColumn.setHgrow(Priority.ALWAYS);
        nameColumn.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(nameColumn);
        // The numbers' columns never shrink below their text, so no two cells run together.
        for (int c = 0; c < 6; c++) {
            ColumnConstraints number = new ColumnConstraints();
            number.setMinWidth(Region.USE_PREF_SIZE);
            number.setHalignment(HPos.RIGHT);
            grid.getColumnConstraints().add(number);
        }
        grid.addRow(0, header("Run"), epochsHeader, updatesHeader, samplesHeader, header("Final\nloss"),
                header("Wall\ntime"));
        verdict.setId("compare-verdict");
        verdict.getStyleClass().addAll("callout", "compare-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.setPrefWidth(100); // wraps to the table's width instead of widening it
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.setMaxHeight(Region.USE_PREF_SIZE); // beside the taller chart it keeps its own height
        note.setText(MEASURES_NOTE);
        note.setId("compare-measures-note");
        note.getStyleClass().add("compare-note");
        note.setWrapText(true);
        note.setPrefWidth(100);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setMinHeight(Region.USE_PREF_SIZE); // never cut short: the views scroll instead
        getChildren().addAll(grid, verdict, note);
    }

    /**
     * The verdict paragraph. It sits between the numbers and the note on the measures unless
     * {@link #verdictUnderNumbers} hands it to another parent (beside the chart, on a narrow window).
     */
    Region verdictPane() {
        return verdict;
    }

    /** Puts the verdict back under the numbers (true), or takes it out for another parent to show (false). */
    void verdictUnderNumbers(boolean under) {
        if (under && verdict.getParent() != this) {
            getChildren().add(1, verdict);
        } else if (!under) {
            getChildren().remove(verdict);
        }
    }

    /** The cells of run {@code run}'s row: name, epochs, updates, samples, final loss, wall time. */
    public List<String> row(int run) {
        return java.util.Arrays.stream(rows.get(run)).map(Label::getText).toList();
    }

    /** True if run {@code run}'s cell for {@code measure} is marked as the winner or one of the tied runs. */
    public boolean leads(int run, Measure measure) {
        return rows.get(run)[1 + measure.ordinal()].getStyleClass().contains(FIRST);
    }

    public int rowCount() {
        return rows.size();
    }

    public String verdict() {
        return verdict.getText();
    }

    private void show(CompareSummary s) {
        String target = NumberText.plain(s.result().targetLoss());
        epochsHeader.setText("Epochs to\nloss < " + target);
        updatesHeader.setText("Updates to\nloss < " + target);
        samplesHeader.setText("Samples to\nloss < " + target);
        int n = s.result().runs().size();
        if (rows.size() != n) {
            grid.getChildren().removeIf(node -> GridPane.getRowIndex(node) != null && GridPane.getRowIndex(node) > 0);
            rows.clear();
            for (int i = 0; i < n; i++) {
                Label name = cell("compare-summary-" + i + "-name");
                Region swatch = new Region();
                swatch.getStyleClass().addAll("run-swatch", "run-" + i);
                name.setGraphic(swatch);
                Label[] row = {name, cell("compare-summary-" + i + "-epochs"),
                    cell("compare-summary-" + i + "-updates"), cell("compare-summary-" + i + "-samples"),
                    cell("compare-summary-" + i + "-loss"),
                    cell("compare-summary-" + i + "-time")};
                grid.addRow(i + 1, row);
                grid.add(removeButton(i, n), row.length, i + 1);
                rows.add(row);
            }
        }
        for (int i = 0; i < n; i++) {
            Label[] row = rows.get(i);
            row[0].setText(s.result().runs().get(i).name());
            Measure[] measures = Measure.values();
            for (int m = 0; m < measures.length; m++) {
                row[1 + m].setText(s.toTarget(i, measures[m]));
                mark(row[1 + m], s.leads(i, measures[m]));
            }
            row[4].setText(s.finalLoss(i));
            row[5].setText(s.wallTime(i));
        }
        if (!s.result().runs().isEmpty()) {
            note.setText(measuresNote(s.result().runs().get(0).config().sampleCount()));
        }
        if (s.finished()) {
            verdict.setText(s.verdict());
            verdict.getStyleClass().remove("pending");
        } else {
            verdict.setText("The verdict appears when every run has trained its budget of "
                    + s.result().budget().describe() + ".");
            if (!verdict.getStyleClass().contains("pending")) {
                verdict.getStyleClass().add("pending");
            }
        }
    }

    /** "✕" to remove run {@code run}; only while more than the fewest runs are left. */
    private Button removeButton(int run, int runs) {
        Button remove = new Button("✕");
        remove.setId("compare-run-" + run + "-remove");
        remove.getStyleClass().add("remove-run");
        remove.setTooltip(new Tooltip("Remove this run from the comparison (starts it over)"));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setVisible(runs > CompareSetup.MIN_RUNS);
        remove.setOnAction(e -> {
            CompareSetup setup = model.setupProperty().get();
            if (run < setup.runs().size() && setup.canRemoveRun()) {
                model.setupProperty().set(setup.withoutRun(run));
            }
        });
        return remove;
    }

    private static void mark(Label cell, boolean first) {
        cell.getStyleClass().remove(FIRST);
        if (first) {
            cell.getStyleClass().add(FIRST);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("summary-header");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setAlignment(Pos.BOTTOM_RIGHT);
        return l;
    }

    private static Label cell(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("summary-cell");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
