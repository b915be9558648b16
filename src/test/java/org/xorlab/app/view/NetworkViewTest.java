package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;

@ExtendWith(ApplicationExtension.class)
class NetworkViewTest {
    private NetworkView view;
    /** A second view in a window of its own, sized exactly for the layout tests; null until one needs it. */
    private NetworkView sized;
    private Stage sizedStage;

    @Start
    void start(Stage stage) {
        view = new NetworkView();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(view, 760, 520));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void closeSizedStage(FxRobot robot) {
        if (sizedStage != null) {
            robot.interact(() -> sizedStage.close());
        }
    }

    /** The second view, laid out at exactly {@code width} x {@code height}, with or without its legend. */
    private NetworkView sizedView(FxRobot robot, double width, double height, boolean legend) {
        robot.interact(() -> {
            if (sizedStage == null) {
                sized = new NetworkView();
                sizedStage = new Stage();
                sizedStage.setX(0);
                sizedStage.setY(0);
                sizedStage.setScene(new Scene(new Pane(sized), 820, 620));
                sizedStage.show();
            }
            sized.setMinSize(0, 0);
            sized.setPrefSize(width, height);
            sized.setMaxSize(width, height);
            sized.setLegendVisible(legend);
            sizedStage.getScene().getRoot().applyCss();
            sizedStage.getScene().getRoot().layout();
        });
        assertThat(sized.getWidth()).isEqualTo(width);
        assertThat(sized.getHeight()).isEqualTo(height);
        return sized;
    }

    /** One SGD step of the notebook's run with {@code hidden} units after {@code epochs} epochs. */
    private static UpdateTrace step(int hidden, int epochs) {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK.withHidden(hidden));
        trainer.runEpochs(epochs, null);
        trainer.step();
        return trainer.lastUpdate();
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static Weights weights(double[][] w1, double[] b1, double[] w2, double b2) {
        double[][] b1m = new double[b1.length][];
        for (int j = 0; j < b1.length; j++) {
            b1m[j] = new double[] {b1[j]};
        }
        return Weights.of(new Array2DRowRealMatrix(w1), new Array2DRowRealMatrix(b1m),
                new Array2DRowRealMatrix(new double[][] {w2}), new Array2DRowRealMatrix(new double[][] {{b2}}));
    }

    private Point2D onScreen(Point2D local) {
        return view.localToScreen(local);
    }

    private static Point2D between(Point2D a, Point2D b, double t) {
        return new Point2D(a.getX() + t * (b.getX() - a.getX()), a.getY() + t * (b.getY() - a.getY()));
    }

    @Test
    void hoveringTheEdgeFromX1ToH1ShowsW1AndFollowsNewWeights(FxRobot robot) {
        Weights initial = Weights.initial(2, 42);
        robot.interact(() -> view.show(initial, 1));
        Point2D middle = between(view.inputCentre(0), view.hiddenCentre(0), 0.5);
        robot.moveTo(onScreen(middle));
        robot.interact(() -> { });
        assertThat(view.hoverText()).contains("W1[1,1] = " + fmt3(initial.w1(0, 0))).contains("x1 \u2192 h1");

        // Training goes on while the pointer rests on the edge: the text follows the newest weights.
        Weights trained = Snapshots.trained(2, 10_000);
        robot.interact(() -> view.show(trained, 1));
        assertThat(fmt3(trained.w1(0, 0))).isNotEqualTo(fmt3(initial.w1(0, 0)));
        assertThat(view.hoverText()).contains("W1[1,1] = " + fmt3(trained.w1(0, 0)));
        Snapshots.take(view, "network-h2-trained-hover-edge");

        robot.moveTo(onScreen(view.hiddenCentre(1).add(view.nodeRadius() * 0.5, 0)));
        robot.interact(() -> { });
        double v1 = trained.hiddenActivation(1, 0, 1);
        assertThat(view.hoverText()).startsWith("h2: b1[2] = " + fmt3(trained.b1(1)))
                .contains("v1 = " + fmt3(v1)).contains("x = (0, 1)");
        Snapshots.take(view, "network-h2-trained-hover-node");

        robot.moveTo(onScreen(new Point2D(6, 6)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).isNull();
    }

    @Test
    void strongerWeightsDrawThickerEdges(FxRobot robot) {
        // x1 -> h1 weak, x2 -> h2 strong; both edges are horizontal, so a vertical cut measures their width.
        Weights w = weights(new double[][] {{0.5, 0.1}, {-0.1, -6}}, new double[] {0, 0}, new double[] {1, 1}, 0);
        robot.interact(() -> view.show(w, 0));
        WritableImage image = Snapshots.take(view, "network-edge-widths");
        double weak = paintedRun(image, between(view.inputCentre(0), view.hiddenCentre(0), 0.3));
        double strong = paintedRun(image, between(view.inputCentre(1), view.hiddenCentre(1), 0.3));
        assertThat(weak).isBetween(1.0, 3.0);
        assertThat(strong).isGreaterThan(weak + 4);
        assertThat(Math.abs(strong - NetworkView.edgeWidth(-6))).isLessThanOrEqualTo(2.0);
        // Sign shows as colour: the negative edge is orange, the positive one blue.
        Point2D s = between(view.inputCentre(1), view.hiddenCentre(1), 0.3);
        Color strongColour = Snapshots.pixel(image, s.getX(), s.getY());
        assertThat(strongColour.getRed()).isGreaterThan(strongColour.getBlue() + 0.3);
        assertThat(NetworkView.edgeWidth(0)).isEqualTo(NetworkView.THINNEST);
        assertThat(NetworkView.edgeWidth(-20)).isEqualTo(NetworkView.THICKEST);
    }

    /** Pixels in a vertical run through {@code p} that are not background. */
    private static double paintedRun(WritableImage image, Point2D p) {
        int count = 0;
        for (int dy = -20; dy <= 20; dy++) {
            Color c = Snapshots.pixel(image, p.getX(), p.getY() + dy);
            if (Snapshots.distance(c, Color.WHITE) > 0.1) {
                count++;
            }
        }
        return count;
    }

    @Test
    void neuronsAreFilledByTheirActivationForTheSelectedInput(FxRobot robot) {
        Weights trained = Snapshots.trained(2, 10_000);
        for (int input = 0; input < 4; input++) {
            final int selected = input;
            robot.interact(() -> view.show(trained, selected));
            WritableImage image = Snapshots.take(view, "network-h2-input-" + input);
            double x0 = Dataset.x0(input);
            double x1 = Dataset.x1(input);
            double up = view.nodeRadius() * 0.7;
            for (int j = 0; j < 2; j++) {
                Point2D c = view.hiddenCentre(j);
                assertThat(Snapshots.distance(Snapshots.pixel(image, c.getX(), c.getY() - up),
                        Palette.forValue(trained.hiddenActivation(j, x0, x1)))).isLessThan(0.02);
            }
            Point2D out = view.outputCentre();
            assertThat(Snapshots.distance(Snapshots.pixel(image, out.getX(), out.getY() - up),
                    Palette.forValue(trained.predict(x0, x1)))).isLessThan(0.02);
            Point2D in = view.inputCentre(1);
            assertThat(Snapshots.distance(Snapshots.pixel(image, in.getX(), in.getY() - up),
                    Palette.forValue(x1))).isLessThan(0.02);
        }
    }

    @Test
    void gradientArrowsPointTheWayEachWeightMoved(FxRobot robot) {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(3000, null);
        // Sample (0,1): x1 = 0 leaves W1[j,0] unchanged (no arrow), everything else moves.
        trainer.step();
        trainer.step();
        UpdateTrace trace = trainer.lastUpdate();
        Weights before = trace.before();
        Weights after = trace.after();
        robot.interact(() -> {
            view.show(after, trace.firstSample());
            view.showGradients(trace);
        });
        Snapshots.take(view, "network-h2-gradients");
        int arrows = 0;
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.W1, j, k), after.w1(j, k) - before.w1(j, k));
            }
            arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.W2, j, 0), after.w2(j) - before.w2(j));
            arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.HIDDEN, j, 0), after.b1(j) - before.b1(j));
        }
        arrows += checkArrow(new NetworkView.Part(NetworkView.Kind.OUTPUT, 0, 0), after.b2() - before.b2());
        assertThat(trace.firstSample()).isEqualTo(1);
        assertThat(arrows).isEqualTo(7);

        // The hover text names the step too; clearing removes arrows and that line.
        robot.moveTo(onScreen(between(view.hiddenCentre(0), view.outputCentre(), 0.3)));
        robot.interact(() -> { });
        assertThat(view.hoverText()).startsWith("W2[1,1] =").contains("last step");
        robot.interact(() -> view.clearGradients());
        assertThat(view.arrow(new NetworkView.Part(NetworkView.Kind.OUTPUT, 0, 0))).isNull();
        assertThat(view.hoverText()).doesNotContain("last step");
    }

    /** Asserts the arrow points up for a weight that grew and down for one that shrank; returns 1 if drawn. */
    private int checkArrow(NetworkView.Part part, double change) {
        double[] arrow = view.arrow(part);
        if (change == 0) {
            assertThat(arrow).isNull();
            return 0;
        }
        assertThat(arrow).as("arrow for %s", part).isNotNull();
        double rise = arrow[1] - arrow[3];
        assertThat(Math.signum(rise)).as("direction of %s for change %s", part, change).isEqualTo(Math.signum(change));
        assertThat(Math.abs(rise)).isLessThanOrEqualTo(NetworkView.LONGEST_ARROW + 1e-9);
        return 1;
    }

    @Test
    void eightHiddenUnitsFitWithoutOverlapping(FxRobot robot) {
        Weights trained = Snapshots.trained(8, 10_000);
        robot.interact(() -> view.show(trained, 2));
        Snapshots.take(view, "network-h8-trained");
        double r = view.nodeRadius();
        for (int j = 0; j < 8; j++) {
            Point2D c = view.hiddenCentre(j);
            assertThat(c.getY() - r).isGreaterThan(0);
            assertThat(c.getY() + r).isLessThan(view.getHeight());
            if (j > 0) {
                assertThat(c.getY() - view.hiddenCentre(j - 1).getY()).isGreaterThan(2 * r + 10);
            }
        }
        robot.interact(() -> view.show(Weights.initial(8, 42), 0));
        Snapshots.take(view, "network-h8-initial");
        robot.interact(() -> view.show(Weights.initial(1, 42), 0));
        Snapshots.take(view, "network-h1-initial");
        assertThat(view.hiddenCentre(0).getY()).isEqualTo(view.outputCentre().getY());
    }

    /**
     * Presenter mode on a 1024x768 projector leaves the network about 320 x 360 px before magnifying it; every
     * neuron there must still show its activation (they once came out empty), as must 8 units in the Train tab's
     * smallest network card.
     */
    @Test
    void everyNeuronWritesItsActivationInSmallViews(FxRobot robot) {
        for (double[] size : new double[][] {{320, 360}, {300, 330}, {340, 300}}) {
            for (int hidden : new int[] {2, 3, 4}) {
                NetworkView v = sizedView(robot, size[0], size[1], false);
                robot.interact(() -> v.show(Weights.initial(hidden, 42), 0));
                String where = hidden + " hidden units at " + size[0] + "x" + size[1];
                assertThat(NetworkView.valueFont("0.00", v.nodeRadius())).as(where).isNotNull();
            }
        }
    }

    @Test
    void hidingTheLegendGivesItsRoomToTheNodes(FxRobot robot) {
        robot.interact(() -> view.show(Weights.initial(2, 42), 1));
        double lowest = view.hiddenCentre(1).getY();
        double output = view.outputCentre().getY();
        robot.interact(() -> view.setLegendVisible(false));
        Snapshots.take(view, "network-no-legend");
        assertThat(view.hiddenCentre(1).getY()).isGreaterThan(lowest + 30);
        assertThat(view.outputCentre().getY()).isGreaterThan(output + 15);
        assertThat(view.hiddenCentre(1).getY() + view.nodeRadius()).isLessThan(view.getHeight() - 10);
        robot.interact(() -> view.setLegendVisible(true));
        assertThat(view.hiddenCentre(1).getY()).isEqualTo(lowest);
    }

    /**
     * The sizes the window gives the network, from a 1024x768 screen up to 1080p, presenter mode's at 1024x768
     * (360x220 once zoomed), and the view's smallest size.
     */
    private static final double[][] SIZES = {{NetworkView.MIN_WIDTH, NetworkView.MIN_HEIGHT}, {280, 200}, {360, 220},
            {400, 300}, {800, 600}};

    @Test
    void noTextOverlapsAnotherTextAnArrowOrANeuronFromOneToEightHiddenUnits(FxRobot robot) {
        Map<Integer, UpdateTrace> traces = new HashMap<>();
        List<String> checked = new ArrayList<>();
        for (double[] size : SIZES) {
            for (boolean legend : new boolean[] {true, false}) {
                for (int hidden = 1; hidden <= 8; hidden++) {
                    UpdateTrace trace = traces.computeIfAbsent(hidden, h -> step(h, 200));
                    NetworkView v = sizedView(robot, size[0], size[1], legend);
                    robot.interact(() -> {
                        v.clearGradients();
                        v.show(trace.after(), trace.firstSample());
                    });
                    String name = (int) size[0] + "x" + (int) size[1] + " h" + hidden + (legend ? "" : " no legend");
                    assertNothingOverlaps(v, name, hidden, false);
                    robot.interact(() -> v.showGradients(trace));
                    assertNothingOverlaps(v, name + " with arrows", hidden, true);
                    checked.add(name);
                    if (size[0] >= 800) {
                        // With room, every bias is written beside its neuron, arrows or not.
                        assertThat(v.layoutResult().biasLabelsShown()).as("bias labels at %s", name).isTrue();
                    }
                }
            }
        }
        assertThat(checked).hasSize(SIZES.length * 2 * 8);
    }

    /** Asserts the view's layout keeps every text clear of every other text, arrow and neuron, all inside the view. */
    private static void assertNothingOverlaps(NetworkView v, String name, int hidden, boolean arrows) {
        NetworkLayout layout = v.layoutResult();
        assertThat(layout.isEmpty()).as("%s draws a network", name).isFalse();
        assertThat(layout.hidden).as(name).hasSize(hidden);
        List<NetworkLayout.Label> labels = layout.labels;
        List<NetworkLayout.Box> arrowBoxes = layout.arrowBoxes();
        List<NetworkLayout.Disc> discs = layout.discs();
        double w = v.getWidth();
        double bottom = layout.legend ? layout.legendTop : v.getHeight();
        for (int i = 0; i < labels.size(); i++) {
            NetworkLayout.Label a = labels.get(i);
            NetworkLayout.Box box = a.box();
            assertThat(box.x() >= 0 && box.y() >= 0 && box.right() <= w && box.bottom() <= bottom)
                    .as("%s: '%s' at %s inside the view (%s wide, %s above the legend)", name, a.text(), box, w, bottom)
                    .isTrue();
            for (int j = i + 1; j < labels.size(); j++) {
                NetworkLayout.Label b = labels.get(j);
                assertThat(box.intersects(b.box(), 0)).as("%s: '%s' overlaps '%s'", name, a.text(), b.text()).isFalse();
            }
            for (NetworkLayout.Box arrow : arrowBoxes) {
                assertThat(box.intersects(arrow, 0)).as("%s: an arrow at %s overprints '%s'", name, arrow, a.text())
                        .isFalse();
            }
            for (NetworkLayout.Disc d : discs) {
                assertThat(box.touches(d.centre(), d.radius(), 0))
                        .as("%s: '%s' overlaps the neuron at %s", name, a.text(), d.centre()).isFalse();
            }
        }
        for (int i = 0; i < arrowBoxes.size(); i++) {
            NetworkLayout.Box a = arrowBoxes.get(i);
            assertThat(a.x() >= 0 && a.y() >= 0 && a.right() <= w && a.bottom() <= bottom).as("%s: arrow inside", name)
                    .isTrue();
            for (int j = i + 1; j < arrowBoxes.size() && !layout.arrowsOverlap; j++) {
                assertThat(a.intersects(arrowBoxes.get(j), 0)).as("%s: two arrows overlap", name).isFalse();
            }
            for (NetworkLayout.Disc d : discs) {
                assertThat(a.touches(d.centre(), d.radius(), 0)).as("%s: an arrow overlaps a neuron", name).isFalse();
            }
        }
        for (int i = 0; i < discs.size(); i++) {
            NetworkLayout.Disc a = discs.get(i);
            assertThat(a.centre().getY() + a.radius()).as("%s: neurons above the legend", name)
                    .isLessThanOrEqualTo(bottom);
            for (int j = i + 1; j < discs.size(); j++) {
                NetworkLayout.Disc b = discs.get(j);
                assertThat(a.centre().distance(b.centre())).as("%s: neurons apart", name)
                        .isGreaterThan(a.radius() + b.radius());
            }
        }
        // Every hidden unit's bias label or none: a crowded view does not leave some units with a number and some
        // without. Where any is missing, the hint says where to find it if there is room for it.
        long hiddenBiases = labels.stream().filter(l -> l.role() == NetworkLayout.Role.BIAS
                && l.part().kind() == NetworkView.Kind.HIDDEN).map(NetworkLayout.Label::part).distinct().count();
        long outputBias = labels.stream().filter(l -> l.role() == NetworkLayout.Role.BIAS
                && l.part().kind() == NetworkView.Kind.OUTPUT).count();
        assertThat(hiddenBiases).as("%s: hidden units with a bias label", name).isIn(0L, (long) hidden);
        assertThat(outputBias).isLessThanOrEqualTo(1);
        assertThat(layout.biasLabelsShown()).isEqualTo(hiddenBiases == hidden && outputBias == 1);
        if (layout.biasLabelsShown()) {
            assertThat(labels).noneMatch(l -> l.role() == NetworkLayout.Role.HINT);
        }
        if (arrows) {
            // Each weight and bias keeps its arrow's place, however crowded: 2H + H + H + 1.
            assertThat(layout.slots).as("%s: arrow places", name).hasSize(4 * hidden + 1);
            for (NetworkLayout.Slot slot : layout.slots.values()) {
                double[] arrow = v.arrow(slot.part());
                if (arrow != null) {
                    NetworkLayout.Box box = slot.box();
                    assertThat(Math.min(arrow[1], arrow[3])).isGreaterThanOrEqualTo(box.y());
                    assertThat(Math.max(arrow[1], arrow[3])).isLessThanOrEqualTo(box.bottom());
                }
            }
        }
    }

    @Test
    void aCrowdedViewHidesTheBiasNumbersAndTheHoverCardNamesThem(FxRobot robot) {
        UpdateTrace trace = step(8, 3000);
        Weights w = trace.after();
        NetworkView v = sizedView(robot, 280, 200, true);
        robot.interact(() -> {
            v.show(w, trace.firstSample());
            v.showGradients(trace);
        });
        Snapshots.take(v, "network-h8-280x200-arrows");
        NetworkLayout layout = v.layoutResult();
        assertThat(layout.biasLabelsShown()).isFalse();
        assertThat(layout.labels).noneMatch(l -> l.text().equals("b=" + String.format(Locale.ROOT, "%.2f", w.b1(2))));
        for (int j : new int[] {2, 7}) {
            robot.moveTo(v.localToScreen(v.hiddenCentre(j)));
            robot.interact(() -> { });
            assertThat(v.hoverText()).startsWith("h" + (j + 1) + ": b1[" + (j + 1) + "] = " + fmt3(w.b1(j)));
        }
        // With room, the same network writes each bias beside its neuron.
        NetworkView roomy = sizedView(robot, 800, 600, true);
        NetworkLayout big = roomy.layoutResult();
        assertThat(big.biasLabelsShown()).isTrue();
        assertThat(big.labels).anyMatch(l -> l.role() == NetworkLayout.Role.BIAS
                && l.text().equals("b=" + String.format(Locale.ROOT, "%.2f", w.b1(2))));
        assertThat(big.labels).noneMatch(l -> l.role() == NetworkLayout.Role.HINT);
        Snapshots.take(roomy, "network-h8-800x600-arrows");
    }

    @Test
    void noArrowOrNameOverprintsABiasNumberOnScreen(FxRobot robot) {
        // Pixels: inside each bias number's box nothing is darker than the number's own grey, so no arrow (ink) sits
        // on it; and every arrow the layout reports is painted (its shaft is ink).
        for (double[] size : new double[][] {{400, 300}, {800, 600}}) {
            for (int hidden : new int[] {2, 5, 8}) {
                UpdateTrace trace = step(hidden, 3000);
                NetworkView v = sizedView(robot, size[0], size[1], true);
                robot.interact(() -> {
                    v.show(trace.after(), trace.firstSample());
                    v.showGradients(trace);
                });
                String name = "network-h" + hidden + "-" + (int) size[0] + "x" + (int) size[1] + "-arrows";
                WritableImage image = Snapshots.take(v, name);
                NetworkLayout layout = v.layoutResult();
                int boxes = 0;
                for (NetworkLayout.Label label : layout.labels) {
                    if (label.role() != NetworkLayout.Role.BIAS) {
                        continue;
                    }
                    boxes++;
                    NetworkLayout.Box b = label.box();
                    for (int x = (int) Math.ceil(b.x()); x < b.right() - 1; x++) {
                        for (int y = (int) Math.ceil(b.y()); y < b.bottom() - 1; y++) {
                            double lightness = Snapshots.pixel(image, x, y).getBrightness();
                            assertThat(lightness).as("%s: pixel (%s, %s) in '%s'", name, x, y, label.text())
                                    .isGreaterThan(Palette.MUTED.getBrightness() - 0.08);
                        }
                    }
                }
                int painted = 0;
                for (NetworkLayout.Slot slot : layout.slots.values()) {
                    double[] a = v.arrow(slot.part());
                    if (a != null && Math.abs(a[3] - a[1]) >= 8) {
                        double mid = (a[1] + a[3]) / 2;
                        assertThat(Snapshots.distance(Snapshots.pixel(image, a[0], mid), Palette.INK))
                                .as("%s: arrow of %s painted", name, slot.part()).isLessThan(0.25);
                        painted++;
                    }
                }
                assertThat(painted).as("%s: arrows long enough to check", name).isGreaterThan(0);
                if (size[0] >= 800) {
                    assertThat(boxes).isEqualTo(hidden + 1);
                }
            }
        }
    }

    @Test
    void arrowsAreAsLongAsTheChangeAndTooSmallChangesGetNone(FxRobot robot) {
        // The formula: in proportion within a step, capped, and nothing under the visible threshold.
        double longest = 24;
        double a = NetworkView.arrowLength(0.004, 0.01, longest);
        double b = NetworkView.arrowLength(0.008, 0.01, longest);
        assertThat(b).isCloseTo(2 * a, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(NetworkView.arrowLength(0.01, 0.01, longest)).isEqualTo(longest);
        assertThat(NetworkView.arrowLength(-0.01, 0.01, longest)).isEqualTo(longest);
        assertThat(NetworkView.arrowLength(0.5, 0.01, longest)).isEqualTo(longest);
        assertThat(NetworkView.arrowLength(0, 0.01, longest)).isZero();
        assertThat(NetworkView.arrowLength(1e-8, 1e-8, longest)).as("a converged step's largest change").isZero();
        double justVisible = NetworkView.MIN_ARROW / longest * 0.01;
        assertThat(NetworkView.arrowLength(justVisible * 1.01, 0.01, longest)).isGreaterThan(0);
        assertThat(NetworkView.arrowLength(justVisible * 0.99, 0.01, longest)).isZero();
        assertThat(NetworkView.arrowLength(Double.NaN, 0.01, longest)).isZero();

        // On the view: a mid-training step, every arrow's length in proportion to its weight's change.
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.runEpochs(3000, null);
        trainer.step();
        UpdateTrace trace = trainer.lastUpdate();
        robot.interact(() -> {
            view.show(trace.after(), trace.firstSample());
            view.showGradients(trace);
        });
        Map<NetworkView.Part, Double> changes = changes(trace);
        double largest = changes.values().stream().mapToDouble(Math::abs).max().orElseThrow();
        NetworkView.Part biggest = null;
        double longestDrawn = 0;
        for (Map.Entry<NetworkView.Part, Double> e : changes.entrySet()) {
            double[] arrow = view.arrow(e.getKey());
            if (arrow != null && Math.abs(arrow[3] - arrow[1]) > longestDrawn) {
                longestDrawn = Math.abs(arrow[3] - arrow[1]);
                biggest = e.getKey();
            }
        }
        assertThat(Math.abs(changes.get(biggest))).as("the longest arrow is the largest change").isEqualTo(largest);
        assertThat(longestDrawn).isEqualTo(view.layoutResult().longestArrow);
        int drawn = 0;
        for (Map.Entry<NetworkView.Part, Double> e : changes.entrySet()) {
            double[] arrow = view.arrow(e.getKey());
            double share = Math.abs(e.getValue()) / largest;
            if (arrow == null) {
                assertThat(share * longestDrawn).as("%s has no arrow only if it would be tiny", e.getKey())
                        .isLessThan(NetworkView.MIN_ARROW);
                continue;
            }
            drawn++;
            assertThat(Math.abs(arrow[3] - arrow[1])).as("length of %s", e.getKey())
                    .isCloseTo(share * longestDrawn, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(drawn).isGreaterThan(3);

        // Later steps move the weights less: the arrows shrink with them, and once the network has converged
        // (here: the learning rate turned down so each step moves the weights by about 1e-8) none are left.
        trainer.runEpochs(7000, null);
        trainer.step();
        UpdateTrace late = trainer.lastUpdate();
        robot.interact(() -> {
            view.show(late.after(), late.firstSample());
            view.showGradients(late);
        });
        double lateLongest = maxArrow(view, changes(late));
        assertThat(lateLongest).as("epoch 10,000: smaller changes, shorter arrows").isGreaterThan(0)
                .isLessThan(longestDrawn / 2);
        trainer.retune(1e-5, 1);
        trainer.step();
        UpdateTrace converged = trainer.lastUpdate();
        Map<NetworkView.Part, Double> tiny = changes(converged);
        assertThat(tiny.values().stream().mapToDouble(Math::abs).max().orElseThrow()).isLessThan(1e-7).isGreaterThan(0);
        robot.interact(() -> {
            view.show(converged.after(), converged.firstSample());
            view.showGradients(converged);
        });
        assertThat(maxArrow(view, tiny)).as("no arrows for a converged network").isZero();
        WritableImage image = Snapshots.take(view, "network-h2-converged-no-arrows");
        NetworkLayout.Slot slot = view.layoutResult().slots.get(new NetworkView.Part(NetworkView.Kind.OUTPUT, 0, 0));
        assertThat(slot).isNotNull();
        for (int dy = -10; dy <= 10; dy++) {
            assertThat(Snapshots.distance(Snapshots.pixel(image, slot.x(), slot.y() + dy), Palette.INK))
                    .as("nothing painted where the output's bias arrow would be").isGreaterThan(0.3);
        }
        // The hover card still tells the tiny change.
        robot.moveTo(onScreen(view.outputCentre()));
        robot.interact(() -> { });
        assertThat(view.hoverText()).contains("last step: change");
    }

    private static double maxArrow(NetworkView v, Map<NetworkView.Part, Double> parts) {
        double max = 0;
        for (NetworkView.Part part : parts.keySet()) {
            double[] a = v.arrow(part);
            if (a != null) {
                max = Math.max(max, Math.abs(a[3] - a[1]));
            }
        }
        return max;
    }

    /** Every weight's and bias's change in an update, from the weights before and after it. */
    private static Map<NetworkView.Part, Double> changes(UpdateTrace trace) {
        Weights before = trace.before();
        Weights after = trace.after();
        Map<NetworkView.Part, Double> changes = new HashMap<>();
        for (int j = 0; j < before.hidden(); j++) {
            for (int k = 0; k < 2; k++) {
                changes.put(new NetworkView.Part(NetworkView.Kind.W1, j, k), after.w1(j, k) - before.w1(j, k));
            }
            changes.put(new NetworkView.Part(NetworkView.Kind.W2, j, 0), after.w2(j) - before.w2(j));
            changes.put(new NetworkView.Part(NetworkView.Kind.HIDDEN, j, 0), after.b1(j) - before.b1(j));
        }
        changes.put(new NetworkView.Part(NetworkView.Kind.OUTPUT, 0, 0), after.b2() - before.b2());
        return changes;
    }

    @Test
    void theHoverCardWrapsToFitANarrowViewWithoutSplittingAnInput() {
        String text = "h3: b1[3] = 0.432\nv1 = 0.606 for x = (0, 0)\nlast step: change -0.000414 (gradient 0.00414)";
        double width = 170;
        List<String> lines = NetworkView.wrap(text, Fonts.SMALL, width);
        assertThat(lines.size()).isGreaterThan(3);
        for (String line : lines) {
            assertThat(Fonts.measure(line, Fonts.SMALL).getWidth()).as(line).isLessThanOrEqualTo(width);
        }
        assertThat(lines).anyMatch(l -> l.contains("(0, 0)")).anyMatch(l -> l.equals("(gradient 0.00414)"))
                .noneMatch(l -> l.endsWith("(0,"));
        assertThat(String.join(" ", lines)).isEqualTo(text.replace("\n", " "));
        assertThat(NetworkView.wrap(text, Fonts.SMALL, 2000)).hasSize(3);
    }

    @Test
    void anUnchangedShowDoesNotRepaint(FxRobot robot) {
        Weights w = Weights.initial(2, 42);
        robot.interact(() -> view.show(w, 1));
        WritableImage first = Snapshots.take(view, "network-repaint-1");
        NetworkLayout layout = view.layoutResult();
        // An equal copy of the weights changes nothing: the same layout object, the same pixels.
        robot.interact(() -> view.show(Weights.of(w.w1(), w.b1(), w.w2(), w.b2Matrix()), 1));
        assertThat(view.layoutResult()).isSameAs(layout);
        robot.interact(() -> view.show(w, 2));
        assertThat(view.layoutResult()).isNotSameAs(layout);
        WritableImage second = Snapshots.take(view, "network-repaint-2");
        Point2D x1 = view.inputCentre(0);
        double up = view.layoutResult().outerRadius * 0.7;
        assertThat(Snapshots.distance(Snapshots.pixel(first, x1.getX(), x1.getY() - up), Palette.forValue(0)))
                .as("x1 = 0 for input (0, 1)").isLessThan(0.02);
        assertThat(Snapshots.distance(Snapshots.pixel(second, x1.getX(), x1.getY() - up), Palette.forValue(1)))
                .as("x1 = 1 for input (1, 0), repainted").isLessThan(0.02);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> view.show(Weights.initial(2, 42), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 3");
        assertThatThrownBy(() -> view.show(null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.showGradients(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clearGradients");
    }
}
