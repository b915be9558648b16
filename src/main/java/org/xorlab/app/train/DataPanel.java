package org.xorlab.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.app.controls.ValidatedField;
import org.xorlab.engine.Data;
import org.xorlab.engine.Feature;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.DataDraft;
import org.xorlab.session.DataCsv;
import org.xorlab.session.DataCsvException;
import org.xorlab.text.NumberText;

/**
 * What the run learns from beyond the truth tables (SPEC.md, "Data"): a generated point cloud (points, noise, data
 * seed) or the student's own points (drawn on the decision surface, or imported), a test fraction held out, and the
 * input features the first layer sees. Every change sets a new config, which restarts training from epoch 0.
 */
final class DataPanel extends VBox {
    /** Where the points come from. */
    enum Source {
        TRUTH_TABLE("Truth table"), CIRCLE("Circle"), GAUSS("Gauss"), XOR_CLOUD("XOR cloud"), SPIRAL("Spiral"),
        OWN("Own points");

        final String label;

        Source(String label) {
            this.label = label;
        }

        PointCloud cloud() {
            return switch (this) {
                case CIRCLE -> PointCloud.CIRCLE;
                case GAUSS -> PointCloud.GAUSS;
                case XOR_CLOUD -> PointCloud.XOR_CLOUD;
                case SPIRAL -> PointCloud.SPIRAL;
                default -> null;
            };
        }
    }

    static final String OWN_NAME = "own points";

    private final RunModel model;
    private final DataDraft draft = new DataDraft(Samples.NONE);
    private final PointFiles files;
    /** True while Import or Export is reading or writing its file on the file thread. */
    private boolean busy;
    private final ComboBox<Source> source = new ComboBox<>();
    private ValidatedField<Long> points;
    private ValidatedField<Double> noise;
    private ValidatedField<Long> dataSeed;
    private ValidatedField<Double> testFraction;
    private final Map<Feature, CheckBox> features = new EnumMap<>(Feature.class);
    private final ToggleGroup classes = new ToggleGroup();
    private final ToggleButton class0 = new ToggleButton("Class 0");
    private final ToggleButton class1 = new ToggleButton("Class 1");
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final Button clear = new Button("Clear");
    private final Button importCsv = new Button("Import CSV…");
    private final Button exportCsv = new Button("Export CSV…");
    private final Label message = new Label();
    private final VBox cloudBox = new VBox(10);
    private final VBox ownBox = new VBox(6);
    /** True while this panel sets the config, so that its own change is not read back as one from elsewhere. */
    private boolean applying;
    /** The data of the config this panel last set or showed. */
    private Data currentData = Data.TRUTH_TABLE;

    DataPanel(RunModel model, PointFiles files) {
        this.model = model;
        this.files = files;
        createView();
        initListeners();
    }

    /** The student's own points, which the decision surface edits while "Own points" is chosen. */
    DataDraft draft() {
        return draft;
    }

    /** True while the own points are chosen: the surface then adds, removes and moves points. */
    boolean editing() {
        return source.getValue() == Source.OWN;
    }

    /** Changes when the source does: listeners check {@link #editing()}. */
    javafx.beans.value.ObservableValue<Source> editingProperty() {
        return source.valueProperty();
    }

    /** The class a click on the surface adds: 0 or 1. */
    int selectedClass() {
        return class1.isSelected() ? 1 : 0;
    }

    /**
     * The points the surface draws for {@code c}: the draft's while the own points are chosen (live while they are
     * edited, split as the config's are), else the config's; {training, test}, training null for a truth table.
     */
    Samples[] shownPoints(TrainingConfig c) {
        if (editing()) {
            if (draft.size() == 0) {
                return new Samples[] {Samples.NONE, Samples.NONE};
            }
            if (!c.onTruthTable() && draft.points().equals(c.samples().concat(c.testSamples()))) {
                return new Samples[] {c.samples(), c.testSamples()};
            }
            Data d = Data.split(OWN_NAME, draft.points(), testFraction.value(), dataSeed.value());
            return new Samples[] {d.train(), d.test()};
        }
        return c.onTruthTable() ? new Samples[] {null, null} : new Samples[] {c.samples(), c.testSamples()};
    }

    private void createView() {
        setSpacing(10);
        getStyleClass().add("data-panel");
        source.getItems().setAll(Source.values());
        source.setValue(Source.TRUTH_TABLE);
        source.setId("data-source");
        source.setMaxWidth(Double.MAX_VALUE);
        source.setConverter(new ChoiceText<>(s -> s.label));
        source.setTooltip(new Tooltip("The points the network learns: a truth table (the notebook's four), a"
                + " generated cloud, or your own points drawn on the decision surface"));

        points = new ValidatedField<>("Points", "data-points", 200L, text -> {
            long v = ValidatedField.parseCount(text, "Points");
            if (v < PointCloud.MIN_POINTS || v > PointCloud.MAX_POINTS) {
                throw new IllegalArgumentException("Points must be from " + PointCloud.MIN_POINTS + " to "
                        + NumberText.count(PointCloud.MAX_POINTS));
            }
            return v;
        }, NumberText::count, v -> apply());
        noise = new ValidatedField<>("Noise", "data-noise", 0.1, text -> {
            double v = ValidatedField.parseDouble(text, "Noise");
            if (!(v >= 0 && v <= PointCloud.MAX_NOISE)) {
                throw new IllegalArgumentException("Noise must be from 0 to " + NumberText.plain(PointCloud.MAX_NOISE));
            }
            return v;
        }, NumberText::plain, v -> apply());
        dataSeed = new ValidatedField<>("Data seed", "data-seed", 1L, text -> {
            long v = ValidatedField.parseLong(text, "Data seed");
            if (v < 0 || v > TrainingConfig.MAX_SEED) {
                throw new IllegalArgumentException("Data seed must be from 0 to " + TrainingConfig.MAX_SEED);
            }
            return v;
        }, String::valueOf, v -> apply());
        testFraction = new ValidatedField<>("Test fraction (held out)", "test-fraction", 0.0, text -> {
            double v = ValidatedField.parseDouble(text, "Test fraction");
            if (!(v >= 0 && v <= Data.MAX_TEST_FRACTION)) {
                throw new IllegalArgumentException("Test fraction must be from 0 to "
                        + NumberText.plain(Data.MAX_TEST_FRACTION));
            }
            return v;
        }, NumberText::plain, v -> apply());
        cloudBox.getChildren().addAll(points, noise);

        class0.setToggleGroup(classes);
        class1.setToggleGroup(classes);
        class0.setId("class-0");
        class1.setId("class-1");
        class1.setSelected(true);
        class0.setTooltip(new Tooltip("A click on the surface adds a point of class 0 (y = 0)"));
        class1.setTooltip(new Tooltip("A click on the surface adds a point of class 1 (y = 1)"));
        Label hint = new Label("Click the surface to add, right-click to remove, drag to move; Ctrl+Z undoes.");
        hint.setWrapText(true);
        hint.getStyleClass().add("field-label");
        undo.setId("points-undo");
        redo.setId("points-redo");
        clear.setId("points-clear");
        importCsv.setId("points-import");
        exportCsv.setId("points-export");
        FlowPane classRow = row(class0, class1);
        FlowPane editRow = row(undo, redo, clear);
        FlowPane fileRow = row(importCsv, exportCsv);
        ownBox.getChildren().addAll(SettingsPanel.caption("New points", class0), classRow, editRow, fileRow, hint);

        List<CheckBox> boxes = new ArrayList<>();
        for (Feature f : Feature.values()) {
            CheckBox box = new CheckBox(f.label());
            box.setId("feature-" + f.id());
            box.setTooltip(new Tooltip("Give the first layer " + f.label() + " as an input (changing the features"
                    + " starts a new run)"));
            box.setSelected(Feature.DEFAULT.contains(f));
            box.setMnemonicParsing(false);
            features.put(f, box);
            boxes.add(box);
        }
        FlowPane featureRow = new FlowPane(10, 6);
        featureRow.getChildren().addAll(boxes);

        message.setId("data-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);

        getChildren().addAll(SettingsPanel.caption("Data", source), source, cloudBox, dataSeed, testFraction, ownBox,
                SettingsPanel.caption("Input features", featureRow), featureRow, message);
        showSource();
        updateButtons();
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        FlowPane row = new FlowPane(6, 6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void initListeners() {
        source.valueProperty().addListener((o, old, s) -> {
            if (s == Source.OWN && draft.size() == 0) {
                // Own points start as a copy of what is shown, to edit from there.
                TrainingConfig c = model.configProperty().get();
                draft.replace(c.samples().concat(c.testSamples()));
            }
            showSource();
            apply();
        });
        for (CheckBox box : features.values()) {
            box.selectedProperty().addListener((o, was, on) -> {
                if (!on && chosenFeatures().isEmpty()) {
                    box.setSelected(true);
                    say("At least one input feature must stay on.", true);
                    return;
                }
                apply();
            });
        }
        draft.addListener(() -> {
            updateButtons();
            if (editing() && !draft.dragging()) {
                apply();
            }
        });
        undo.setOnAction(e -> draft.undo());
        redo.setOnAction(e -> draft.redo());
        clear.setOnAction(e -> draft.clear());
        importCsv.setOnAction(e -> importPoints());
        exportCsv.setOnAction(e -> exportPoints());
        model.configProperty().addListener((o, old, c) -> {
            if (!applying) {
                showConfig(c);
            }
        });
    }

    /**
     * Shows a config set elsewhere (an opened session, a preset): its features, and its data, the truth table or,
     * for any other data, its points as own points to edit from (the run keeps the config's own split until they
     * are edited).
     */
    private void showConfig(TrainingConfig c) {
        applying = true;
        try {
            for (Map.Entry<Feature, CheckBox> e : features.entrySet()) {
                e.getValue().setSelected(c.options().features().contains(e.getKey()));
            }
            if (c.onTruthTable()) {
                if (source.getValue() != Source.TRUTH_TABLE) {
                    source.setValue(Source.TRUTH_TABLE);
                }
                message.setVisible(false);
            } else if (!c.options().data().equals(currentData)) {
                draft.replace(c.samples().concat(c.testSamples()));
                // The share the data holds out, to two decimals, so an edit holds out about as many again.
                int all = c.samples().size() + c.testSamples().size();
                testFraction.show(Math.min(Data.MAX_TEST_FRACTION,
                        Math.round(100.0 * c.testSamples().size() / all) / 100.0));
                source.setValue(Source.OWN);
                say(describe(c.options().data()) + " from " + c.dataName() + "; editing them holds out the test "
                        + "fraction anew.", false);
            }
            currentData = c.options().data();
            showSource();
        } finally {
            applying = false;
        }
    }

    private static String describe(Data d) {
        return NumberText.count(d.train().size()) + " training points" + (d.hasTest() ? ", "
                + NumberText.count(d.test().size()) + " held out" : "");
    }

    private void showSource() {
        Source s = source.getValue();
        boolean cloud = s.cloud() != null;
        show(cloudBox, cloud);
        show(dataSeed, s != Source.TRUTH_TABLE);
        show(testFraction, s != Source.TRUTH_TABLE);
        show(ownBox, s == Source.OWN);
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private List<Feature> chosenFeatures() {
        List<Feature> chosen = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (features.get(f).isSelected()) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    /** The data the panel describes, or null with a message when there is none to train on. */
    private Data data() {
        Source s = source.getValue();
        if (s == Source.TRUTH_TABLE) {
            return Data.TRUTH_TABLE;
        }
        if (s == Source.OWN) {
            if (draft.size() == 0) {
                say("Click the decision surface to add points; training needs at least one.", false);
                return null;
            }
            return Data.split(OWN_NAME, draft.points(), testFraction.value(), dataSeed.value());
        }
        PointCloud cloud = s.cloud();
        int n = points.value().intValue();
        Samples all = cloud.generate(n, noise.value(), dataSeed.value());
        String name = cloud.id() + " (" + n + " points, noise " + NumberText.plain(noise.value()) + ", seed "
                + dataSeed.value() + ")";
        return Data.split(name, all, testFraction.value(), dataSeed.value());
    }

    /** Sets the config this panel describes; training restarts as with any other setting. */
    private void apply() {
        if (applying) {
            return;
        }
        Data d = data();
        if (d == null) {
            return;
        }
        TrainingConfig c = model.configProperty().get();
        int oldN = c.sampleCount();
        int newN = d.isTruthTable() ? org.xorlab.engine.Dataset.SIZE : d.train().size();
        // Full batch stays full batch; a mini-batch keeps its size where the new data has room for it.
        int batch = c.batchSize() == oldN ? newN : Math.min(c.batchSize(), newN);
        TrainingConfig next = new TrainingConfig(c.dataset(), c.hidden(), c.seed(), c.learningRate(), batch,
                c.options().withData(d).withFeatures(chosenFeatures()));
        if (!d.isTruthTable()) {
            say(describe(d) + ".", false);
        } else {
            message.setVisible(false);
        }
        currentData = d;
        if (!next.equals(c)) {
            applying = true;
            try {
                model.configProperty().set(next);
            } finally {
                applying = false;
            }
        }
    }

    private void importPoints() {
        Path file = files.open().get();
        if (file == null) {
            return;
        }
        // Read on the window's file thread (a slow disk never freezes the window), then applied here as one edit.
        busy(true);
        files.io().execute(() -> {
            DataCsv.Points read = null;
            String refusal = null;
            try {
                read = DataCsv.read(file);
            } catch (DataCsvException e) {
                refusal = e.getMessage();
            } catch (RuntimeException e) {
                refusal = "it cannot be read: " + e;
            }
            DataCsv.Points points = read;
            String why = refusal;
            Platform.runLater(() -> {
                busy(false);
                if (points == null) {
                    say("Not imported: " + file.getFileName() + ", " + why, true);
                    return;
                }
                draft.replace(points.points());
                say("Read " + NumberText.count(points.points().size()) + " points from " + file.getFileName()
                        + (points.hasSplit() ? "; its split column is not used here: the test fraction holds points"
                        + " out." : "."), false);
            });
        });
    }

    private void exportPoints() {
        Path file = files.save().apply("points.csv");
        if (file == null) {
            return;
        }
        Samples points = draft.points();
        busy(true);
        files.io().execute(() -> {
            String failure = null;
            try {
                DataCsv.write(file, points, null);
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
            }
            String why = failure;
            Platform.runLater(() -> {
                busy(false);
                if (why == null) {
                    say("Wrote " + NumberText.count(points.size()) + " points to " + file.getFileName() + ".", false);
                } else {
                    say("Not exported: " + file.getFileName() + ", " + why, true);
                }
            });
        });
    }

    /** While a file is read or written the panel's Import and Export wait for it. */
    private void busy(boolean on) {
        busy = on;
        importCsv.setDisable(on);
        updateButtons();
    }

    private void updateButtons() {
        undo.setDisable(!draft.canUndo());
        redo.setDisable(!draft.canRedo());
        clear.setDisable(draft.size() == 0);
        exportCsv.setDisable(busy || draft.size() == 0);
    }

    /** Shows a line under the panel: an error in the error style. */
    void say(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().setAll("label", error ? "field-error" : "field-label");
        message.setVisible(true);
    }

    String message() {
        return message.isVisible() ? message.getText() : "";
    }
}
