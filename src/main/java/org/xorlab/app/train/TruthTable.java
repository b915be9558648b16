package org.xorlab.app.train;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.text.NumberText;

/**
 * On a truth table, its four inputs with their target, the network's current prediction y_hat and the error
 * y - y_hat; clicking a row selects that input for the network view. On data beyond the truth tables, a table of
 * every point instead (x1, x2, y, y_hat and whether it trains or is held out as a test point), which only computes
 * the predictions of the rows in sight; clicking a training point selects it for the network view. The title says
 * which; a line under the rows gives the shown weights' accuracy at threshold 0.5.
 */
final class TruthTable extends VBox {
    static final String SELECTED = "selected";
    /** The card's title over the truth tables. */
    static final String TRUTH_TABLE_TITLE = "Truth table";
    private static final String[] HEADERS = {"x1", "x2", "y", "ŷ", "y − ŷ"};
    /** While playing, the data table's predictions refresh at most this often (they are exact again on pause). */
    static final long DATA_REFRESH_NANOS = 200_000_000L;

    private final RunModel model;
    private final GridPane grid = new GridPane();
    private final Label[][] cells = new Label[Dataset.SIZE][HEADERS.length];
    private final TableView<Point> data = new TableView<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", TRUTH_TABLE_TITLE);
    /** "Accuracy 75 % at threshold 0.5", "Accuracy 97 % (test 94 %) at threshold 0.5". */
    private final Label accuracy = new Label();

    /** The config and weights the data table's predictions are computed with, and when they last refreshed. */
    private TrainingConfig dataConfig;
    private Weights dataWeights;
    private long dataRefreshedAt;

    /**
     * One point of the data table.
     *
     * @param index the point's index in the training set, or -1 for a test point
     */
    record Point(int index, double x1, double x2, double y) {
        boolean test() {
            return index < 0;
        }
    }

    TruthTable(RunModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    /** The card's title: "Truth table", or "Data: 140 training, 60 test" (short: a card's title is never cut). */
    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The data table, for tests: its rows are the points, training first. */
    TableView<Point> dataTable() {
        return data;
    }

    private void createView() {
        setId("truth-table");
        grid.getStyleClass().add("truth-table");
        grid.setId("truth-grid");
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = new Label(HEADERS[c]);
            h.getStyleClass().add("truth-header");
            grid.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            cc.setMinWidth(c < 3 ? 36 : javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < Dataset.SIZE; i++) {
            for (int c = 0; c < HEADERS.length; c++) {
                Label cell = new Label();
                cell.setId("truth-" + i + "-" + c);
                cell.getStyleClass().add("truth-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                int row = i;
                cell.setOnMouseClicked(e -> model.selectedInputProperty().set(row));
                grid.add(cell, c, i + 1);
                cells[i][c] = cell;
            }
            cells[i][0].setText(fmt0(Dataset.x0(i)));
            cells[i][1].setText(fmt0(Dataset.x1(i)));
        }

        data.setId("data-table");
        data.getStyleClass().add("data-table");
        data.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        data.setPlaceholder(new Label("No points"));
        data.setPrefHeight(240);
        data.setMinHeight(120);
        // As wide as the truth table's grid asks for, so the card beside the network fits a 1024 px window; the
        // constrained columns share whatever width the card gets.
        data.setPrefWidth(300);
        data.setMinWidth(240);
        // Widths in proportion to what each column writes; the constrained columns share the card's width so.
        data.getColumns().add(column("x1", 7, p -> NumberText.fixed(p.x1(), 3)));
        data.getColumns().add(column("x2", 7, p -> NumberText.fixed(p.x2(), 3)));
        data.getColumns().add(column("y", 4, p -> target(p.y())));
        TableColumn<Point, String> yHat = column("ŷ", 7, p -> NumberText.fixed(prediction(p), 3));
        yHat.setCellFactory(c -> new PredictionCell());
        data.getColumns().add(yHat);
        data.getColumns().add(column("split", 6, p -> p.test() ? "test" : "train"));
        VBox.setVgrow(data, Priority.ALWAYS);
        accuracy.setId("table-accuracy");
        accuracy.getStyleClass().add("table-accuracy");
        accuracy.setWrapText(true);
        setSpacing(6);
        getChildren().addAll(grid, accuracy);
    }

    private TableColumn<Point, String> column(String header, int share,
                                              java.util.function.Function<Point, String> text) {
        TableColumn<Point, String> c = new TableColumn<>(header);
        c.setPrefWidth(10 * share);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** The prediction column, green where the point is on its class's side of 0.5, red where not. */
    private final class PredictionCell extends TableCell<Point, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("right", "wrong");
            setText(empty ? null : item);
            Point p = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (p != null && dataWeights != null) {
                getStyleClass().add((prediction(p) >= 0.5) == (p.y() >= 0.5) ? "right" : "wrong");
            }
        }
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> {
            if (f != null) {
                show(f);
            }
        });
        model.selectedInputProperty().addListener((o, old, i) -> highlight(i.intValue()));
        data.getSelectionModel().selectedItemProperty().addListener((o, old, p) -> {
            if (p != null && !p.test() && model.selectedInputProperty().get() != p.index()) {
                model.selectedInputProperty().set(p.index());
            }
        });
        highlight(model.selectedInputProperty().get());
    }

    private void show(TrainingFrame f) {
        RunFrame run = f.runs().get(0);
        TrainingConfig config = f.snapshot().config();
        accuracy.setText("Accuracy " + TrainStatusBar.accuracy(run) + " at threshold 0.5");
        if (config.onTruthTable()) {
            title.set(TRUTH_TABLE_TITLE);
            if (getChildren().get(0) != grid) {
                getChildren().setAll(grid, accuracy);
            }
            showTruthTable(config, run.shownWeights());
            highlight(model.selectedInputProperty().get());
            return;
        }
        title.set("Data: " + NumberText.count(config.sampleCount()) + " training"
                + (run.hasTest() ? ", " + NumberText.count(config.testSamples().size()) + " test" : ""));
        if (getChildren().get(0) != data) {
            getChildren().setAll(data, accuracy);
        }
        showData(config, run.shownWeights(), f.playing());
    }

    /** The predictions of {@code w} (the live weights, or a rewound epoch's) with the run's hidden activation. */
    private void showTruthTable(TrainingConfig config, Weights w) {
        Dataset d = config.dataset();
        for (int i = 0; i < Dataset.SIZE; i++) {
            double y = d.target(i);
            double yHat = w.predict(config.options(), Dataset.x0(i), Dataset.x1(i));
            cells[i][2].setText(fmt0(y));
            cells[i][3].setText(NumberText.fixed(yHat, 4));
            cells[i][4].setText(signed(NumberText.fixed(y - yHat, 4)));
            boolean right = Math.abs(y - yHat) < 0.5;
            cells[i][3].getStyleClass().removeAll("right", "wrong");
            cells[i][3].getStyleClass().add(right ? "right" : "wrong");
        }
    }

    /**
     * New points when the data changed; new predictions when the weights did (while playing at most every
     * {@value #DATA_REFRESH_NANOS} ns). Only the rows in sight compute theirs.
     */
    private void showData(TrainingConfig config, Weights w, boolean playing) {
        boolean newPoints = dataConfig == null || !config.options().data().equals(dataConfig.options().data());
        // New options (features, layers) come with weights of their own shape: the config and the weights the
        // cells predict with always change together, or a cell would feed 3-feature weights 2 features.
        boolean newOptions = dataConfig == null || !config.options().equals(dataConfig.options());
        boolean newWeights = newOptions || !w.equals(dataWeights);
        if (newPoints) {
            dataConfig = config;
            dataWeights = w;
            data.getItems().setAll(points(config));
            highlight(model.selectedInputProperty().get());
            dataRefreshedAt = System.nanoTime();
            return;
        }
        long now = System.nanoTime();
        if (newWeights && (newOptions || !playing || now - dataRefreshedAt >= DATA_REFRESH_NANOS)) {
            dataConfig = config;
            dataWeights = w;
            dataRefreshedAt = now;
            data.refresh();
        }
    }

    private static List<Point> points(TrainingConfig config) {
        Samples train = config.samples();
        Samples test = config.testSamples();
        List<Point> points = new ArrayList<>(train.size() + test.size());
        for (int i = 0; i < train.size(); i++) {
            points.add(new Point(i, train.x1(i), train.x2(i), train.y(i)));
        }
        for (int i = 0; i < test.size(); i++) {
            points.add(new Point(-1, test.x1(i), test.x2(i), test.y(i)));
        }
        return points;
    }

    /** The network's output for a data table point with the weights and features the table shows. */
    private double prediction(Point p) {
        return dataWeights == null ? Double.NaN : dataWeights.predict(dataConfig.options(), p.x1(), p.x2());
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
        if (!data.getItems().isEmpty() && selected >= 0 && selected < data.getItems().size()
                && data.getSelectionModel().getSelectedIndex() != selected) {
            data.getSelectionModel().select(selected);
        }
    }

    /** "+0.0546" for a positive error, as "-0.0546" shows a negative one. */
    private static String signed(String number) {
        return number.startsWith("-") ? number : "+" + number;
    }

    /** A target as the data gives it: 0 and 1 bare, anything between with two decimals. */
    private static String target(double y) {
        return y == Math.rint(y) ? fmt0(y) : NumberText.fixed(y, 2);
    }

    private static String fmt0(double v) {
        return Integer.toString((int) v);
    }
}
