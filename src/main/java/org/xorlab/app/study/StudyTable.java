package org.xorlab.app.study;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.xorlab.engine.Measure;
import org.xorlab.run.study.StudySummary;
import org.xorlab.run.study.StudySummary.Configuration;
import org.xorlab.text.NumberText;

/**
 * The study's configurations, one row per method and rate: how many runs reached the target, how many diverged, and
 * the quartiles of the chosen measure to the target ("not reached" where a quartile falls on runs that never got
 * there). Each method's best rate is marked with a star. Rows keep their selection as the study fills them in.
 */
final class StudyTable extends TableView<Configuration> {
    private static final double ROW = 30;
    // The measure is in the card's title, so the columns stay narrow enough for 1024 px.
    private final TableColumn<Configuration, String> q1 = new TableColumn<>("Q1");
    private final TableColumn<Configuration, String> median = new TableColumn<>("Median");
    private final TableColumn<Configuration, String> q3 = new TableColumn<>("Q3");
    private StudySummary summary;
    private Measure measure = Measure.EPOCHS;

    StudyTable() {
        setId("study-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setFixedCellSize(ROW);
        setPlaceholder(new javafx.scene.control.Label("No run has finished yet"));
        getColumns().add(column("Method", c -> c.method().name()));
        getColumns().add(column("Rate", c -> NumberText.plain(c.learningRate()) + (isBest(c) ? " ★" : "")));
        getColumns().add(column("Converged", c -> c.converged() + " of " + c.runs()));
        getColumns().add(column("Diverged", c -> Integer.toString(c.diverged())));
        for (TableColumn<Configuration, String> q : List.of(q1, median, q3)) {
            getColumns().add(q);
        }
        q1.setCellValueFactory(d -> value(quartile(d.getValue().on(measure).q1())));
        median.setCellValueFactory(d -> value(quartile(d.getValue().on(measure).median())));
        q3.setCellValueFactory(d -> value(quartile(d.getValue().on(measure).q3())));
        for (TableColumn<Configuration, ?> c : getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        setMinHeight(prefHeightFor(3));
        setPrefHeight(prefHeightFor(8));
    }

    /** The height that shows {@code rows} rows under the header. */
    static double prefHeightFor(int rows) {
        return (rows + 1.7) * ROW;
    }

    private TableColumn<Configuration, String> column(String title, Function<Configuration, String> text) {
        TableColumn<Configuration, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> value(text.apply(d.getValue())));
        return c;
    }

    private static ReadOnlyStringWrapper value(String text) {
        return new ReadOnlyStringWrapper(text);
    }

    private boolean isBest(Configuration c) {
        Double best = summary == null ? null : summary.best().get(c.method());
        return best != null && best == c.learningRate() && c.runs() > 0;
    }

    /** "1,234", "1,234.5", "not reached", "–" before any run. */
    static String quartile(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Double.isInfinite(v) ? "not reached" : NumberText.count(v);
    }

    /** Shows {@code s}'s configurations on {@code m}, keeping the selected row (same method and rate). */
    void show(StudySummary s, Measure m) {
        Configuration selected = getSelectionModel().getSelectedItem();
        summary = s;
        measure = m;
        q1.setText("Q1");
        median.setText("Median");
        q3.setText("Q3");
        getItems().setAll(s.configurations());
        setPrefHeight(prefHeightFor(Math.min(10, Math.max(3, s.configurations().size()))));
        if (selected != null) {
            for (int i = 0; i < getItems().size(); i++) {
                Configuration c = getItems().get(i);
                if (c.method().equals(selected.method()) && c.learningRate() == selected.learningRate()) {
                    getSelectionModel().select(i);
                }
            }
        }
    }
}
