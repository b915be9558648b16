package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * The network: one input per feature (the notebook's x1, x2, or up to seven: x₁², x₂², x₁·x₂, sin x₁, sin x₂), every
 * hidden layer (the notebook's one layer h1..hH, or up to six of up to eight units
 * each) and the output y_hat. An edge's width grows with |weight|
 * and its colour shows the sign (blue positive, orange negative); each neuron is filled by its activation for the
 * selected input and ringed by its bias, with the numbers written beside it where they fit (a crowded view leaves
 * them to the hover card). Hovering an edge or neuron shows its current value, kept up to date while training runs.
 * {@link #showGradients} adds one arrow per weight and bias for the last update's change, as long as the change.
 * {@link NetworkLayout} places everything so that no text is overprinted, {@link NetworkHitTest} finds what the
 * pointer is on, {@link HoverCard} says what it holds and {@link NetworkLegend} explains the drawing; this class
 * keeps the state and draws the network.
 *
 * <p>One draw path: every change (weights, input, gradients, legend, size, pointer) updates the layout and the hover
 * text at once and asks for one redraw, which the next layout pass paints from the latest state; a call that
 * changes nothing asks for none.
 */
public final class NetworkView extends CanvasView {
    /** Edge width for |w| = 0 and for |w| >= {@link #WIDEST_WEIGHT}. */
    static final double THINNEST = 1;
    static final double THICKEST = 10;
    static final double WIDEST_WEIGHT = 8;
    /** Longest gradient arrow, drawn for the largest change of the step when the view has room (less when crowded). */
    static final double LONGEST_ARROW = NetworkLayout.ARROW_LENGTHS[0];
    /** Shortest arrow drawn: a change whose arrow would be shorter is too small to see and is drawn as none. */
    static final double MIN_ARROW = 2;
    /**
     * The change that gets a full-length arrow when it is the step's largest: 0.001, the last decimal the hover
     * card writes a weight with. See {@link #arrowLength}.
     */
    static final double FULL_SCALE_CHANGE = 1e-3;
    static final double MIN_WIDTH = 240;
    static final double MIN_HEIGHT = 190;

    /**
     * One thing the pointer can hover and a gradient can be drawn for. The notebook's one hidden layer has W1 and W2;
     * a deeper network's edges are all WEIGHT, with their layer.
     */
    enum Kind { INPUT, HIDDEN, OUTPUT, W1, W2, WEIGHT }

    /**
     * A neuron or an edge: W1[j][k] is (W1, 1, j, k); W2[0][j] is (W2, 2, j, 0); unit j of hidden layer l (from 1)
     * is (HIDDEN, l, j, 0); a deeper network's W[l][j][k] is (WEIGHT, l, j, k). Inputs and the output have layer 0.
     */
    record Part(Kind kind, int layer, int j, int k) {
        /** A part of the notebook's network, whose kind says its layer. */
        Part(Kind kind, int j, int k) {
            this(kind, switch (kind) {
                case HIDDEN, W1 -> 1;
                case W2 -> 2;
                default -> 0;
            }, j, k);
        }
    }

    private Weights weights;
    /** The hidden layers' activation: what the neurons' figures and fills show. */
    private Activation activation = Activation.SIGMOID;
    /** The input features, one input node each, and the hidden activation, as the weights were trained with. */
    private TrainingOptions options = TrainingOptions.NOTEBOOK;
    private int selected;
    /** The selected sample's point (x1, x2), whose activations the neurons show. */
    private double pointX1;
    private double pointX2;
    /** The update whose gradients are shown, or null when none are. */
    private UpdateTrace trace;
    private Gradients gradients;
    /** The pointer's position over this view, or null when it is outside. */
    private Point2D pointer;
    private boolean legendVisible = true;

    /** What the layout was computed for, and the layout: where everything goes at the current size. */
    private NetworkLayout.Spec spec;
    private NetworkLayout layout = NetworkLayout.compute(
            new NetworkLayout.Spec(0, 0, 1, List.of(), "", "", List.of(""), "", false, false, Activation.SIGMOID));
    private Part hovered;
    private String hoverText;

    public NetworkView() {
        super(620, 460);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            pointer = new Point2D(e.getX(), e.getY());
            hover();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointer = null;
            hover();
        });
        // Small enough to fit the window's narrowest network card (280 px with its padding): a view laid out wider
        // than its card would be cut off on the right. NetworkLayout keeps it readable down to this size.
        setMinSize(MIN_WIDTH, MIN_HEIGHT);
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        setAccessibleRoleDescription("network diagram");
    }

    /** Every edge's weight and every unit's bias and activation, as the hover card names them. */
    @Override
    String describe() {
        return weights == null ? "Network: no weights yet" : HoverCard.describeAll(weights, options, pointX1, pointX2);
    }

    /** The sample (0 to 3 on a truth table, 0 to n - 1 on data) whose activations the neurons show. */
    public int selectedInput() {
        return selected;
    }

    /**
     * Shows the weights trained by {@code config} (one input node per feature of its options, with its hidden
     * activation) and the activations they produce for the config's training sample {@code selectedSample}: on a
     * truth table 0 to 3 for (0,0), (0,1), (1,0), (1,1). A sample beyond the data (the data has just shrunk) shows the
     * first one. Call on the FX thread.
     *
     * @throws IllegalArgumentException if the weights or the config are missing, or the weights take another number
     *     of inputs than the config's features
     */
    public void show(Weights weights, TrainingConfig config, int selectedSample) {
        if (weights == null || config == null) {
            throw new IllegalArgumentException("the network view needs weights and the config that trained them");
        }
        if (weights.inputs() != config.inputs()) {
            throw new IllegalArgumentException("these weights take " + weights.inputs() + " inputs, but the config has "
                    + config.inputs() + " features (" + Feature.ids(config.options().features()) + ")");
        }
        Samples samples = config.samples();
        int i = selectedSample >= 0 && selectedSample < samples.size() ? selectedSample : 0;
        show(weights, config.options(), i, samples.x1(i), samples.x2(i));
    }

    /**
     * Shows the weights and the activations they produce for input {@code selectedInput}: 0 to 3 for (0,0), (0,1),
     * (1,0), (1,1). Call on the FX thread.
     *
     * @throws IllegalArgumentException if the weights are missing or the input index is out of range
     */
    public void show(Weights weights, int selectedInput) {
        show(weights, Activation.SIGMOID, selectedInput);
    }

    /**
     * Shows the weights of a network whose hidden layers apply {@code activation}, and the activations they produce
     * for input {@code selectedInput} (0 to 3). Call on the FX thread.
     *
     * @throws IllegalArgumentException if the weights or the activation are missing or the input is out of range
     */
    public void show(Weights weights, Activation activation, int selectedInput) {
        if (activation == null) {
            throw new IllegalArgumentException("the network view needs the hidden layers' activation");
        }
        if (weights == null) {
            throw new IllegalArgumentException("the network view needs weights to show");
        }
        if (selectedInput < 0 || selectedInput >= Dataset.SIZE) {
            throw new IllegalArgumentException("selected input must be from 0 to " + (Dataset.SIZE - 1)
                    + " for (0,0), (0,1), (1,0), (1,1) (got " + selectedInput + ")");
        }
        if (weights.inputs() != Feature.DEFAULT.size()) {
            throw new IllegalArgumentException("these weights take " + weights.inputs() + " input features; show them"
                    + " with the config that trained them");
        }
        show(weights, TrainingOptions.NOTEBOOK.withActivation(activation), selectedInput, Dataset.x0(selectedInput),
                Dataset.x1(selectedInput));
    }

    private void show(Weights weights, TrainingOptions options, int selectedSample, double x1, double x2) {
        if (weights.equals(this.weights) && selectedSample == selected && x1 == pointX1 && x2 == pointX2
                && options.activation() == activation && options.features().equals(this.options.features())) {
            return;
        }
        this.weights = weights;
        this.activation = options.activation();
        this.options = options;
        this.selected = selectedSample;
        this.pointX1 = x1;
        this.pointX2 = x2;
        if (gradients != null && (gradients.hidden() != weights.hidden() || weights.layers() != 2
                || weights.inputs() != 2)) {
            trace = null;
            gradients = null;
        }
        update();
    }

    /**
     * Marks every weight and bias with an arrow for the change the update made: up when it grew, down when it
     * shrank, as long as the change (see {@link #arrowLength}). Call on the FX thread.
     *
     * @throws IllegalArgumentException if the trace is missing
     */
    public void showGradients(UpdateTrace trace) {
        if (trace == null) {
            throw new IllegalArgumentException("showGradients needs an update trace; use clearGradients() to hide the arrows");
        }
        if (trace == this.trace) {
            return;
        }
        this.trace = trace;
        // A deeper network's trace holds only its first layer and the output, and the arrows are laid out for x1 and
        // x2 alone: no arrows rather than wrong ones.
        gradients = trace.after().layers() == 2 && trace.after().inputs() == 2 ? Gradients.of(trace) : null;
        update();
    }

    /**
     * Shows (the default) or hides the edge-width and node-fill legend under the network; hidden where several
     * small networks stand side by side and one legend elsewhere explains them. The view also leaves it out when it
     * has too little room for it and the network's own labels.
     */
    public void setLegendVisible(boolean visible) {
        if (visible != legendVisible) {
            legendVisible = visible;
            update();
        }
    }

    /** Hides the gradient arrows. */
    public void clearGradients() {
        if (gradients != null) {
            trace = null;
            gradients = null;
            update();
        }
    }

    /** Edge width in pixels for a weight: from {@value #THINNEST} at 0 to {@value #THICKEST} at |w| >= 8. */
    static double edgeWidth(double weight) {
        double m = Double.isFinite(weight) ? Math.min(Math.abs(weight), WIDEST_WEIGHT) : WIDEST_WEIGHT;
        return THINNEST + (THICKEST - THINNEST) * m / WIDEST_WEIGHT;
    }

    /**
     * The length of the arrow for a weight's {@code change} in a step whose largest change is {@code largest}, when
     * the longest arrow the view has room for is {@code longest}; 0 for no arrow.
     *
     * <p>Within a step the lengths are in proportion to the changes, the largest drawn longest: what a student
     * compares on one diagram is which weights this sample moved most and which barely. Across steps they are not
     * all stretched to full length, though: a step whose largest change is under {@value #FULL_SCALE_CHANGE} is drawn
     * on that fixed scale, so as learning slows the arrows shrink with it, and once the weights move by less than
     * about 0.00007 a step (0.0002 where a crowded view has only 10 px arrows; a converged network's 1e-8 by far)
     * there are no arrows at all, as there is nothing left to see. Arrows under {@value #MIN_ARROW} px are left out
     * rather than drawn as a stub that would look like learning. A fixed scale alone would make the early steps
     * (changes of 0.01) and the late ones (0.0001) unreadable at one end or the other; the step's own largest
     * change alone would draw a converged network's 1e-8 at full length.
     */
    static double arrowLength(double change, double largest, double longest) {
        if (change == 0 || !Double.isFinite(change) || !(longest > 0)) {
            return 0;
        }
        double scale = Double.isFinite(largest) ? Math.max(largest, FULL_SCALE_CHANGE) : Math.abs(change);
        double length = longest * Math.min(1, Math.abs(change) / scale);
        return length < MIN_ARROW ? 0 : length;
    }

    /** Centre of input node k (the k-th feature from 0: 0 for x1, 1 for x2) in the current layout. */
    Point2D inputCentre(int k) {
        return layout.inputs.get(k);
    }

    /** Centre of hidden node j (0-based) in the current layout. */
    Point2D hiddenCentre(int j) {
        return layout.hidden.get(j);
    }

    /** Centre of unit j (from 0) of hidden layer l (from 1) in the current layout. */
    Point2D unitCentre(int l, int j) {
        return layout.layers.get(l - 1).get(j);
    }

    Point2D outputCentre() {
        return layout.output;
    }

    /** The hidden units' radius (the inputs and the output are never smaller). */
    double nodeRadius() {
        return layout.hiddenRadius;
    }

    /** Where everything goes at the current size: neurons, text boxes, arrow slots. */
    NetworkLayout layoutResult() {
        return layout;
    }

    /** The hover overlay's text, or null when nothing is hovered. */
    String hoverText() {
        return hoverText;
    }

    /** The gradient arrow drawn for a part as {baseX, baseY, tipX, tipY}, or null if none is drawn. */
    double[] arrow(Part part) {
        if (gradients == null || weights == null) {
            return null;
        }
        NetworkLayout.Slot slot = layout.slots.get(part);
        if (slot == null) {
            return null;
        }
        double change = gradients.change(part);
        double length = arrowLength(change, gradients.largestChange(), slot.longest());
        if (length == 0) {
            return null;
        }
        double direction = change > 0 ? -1 : 1;
        return new double[] {slot.x(), slot.y() - direction * length / 2, slot.x(), slot.y() + direction * length / 2};
    }

    /** The layout, and so what the pointer is over, depends on the size. */
    @Override
    void resized() {
        update();
    }

    /** Brings the layout and the hover text up to date with the fields and asks for a redraw. */
    private void update() {
        String input = HoverCard.pointText(pointX1, pointX2);
        NetworkLayout.Spec next = weights == null ? null : new NetworkLayout.Spec(canvasWidth(), canvasHeight(),
                weights.hidden(), deeperLayers(), "activations for input x = " + input, "x = " + input, biasTexts(),
                "b=" + fmt2(weights.bias(weights.layers(), 0)), legendVisible, gradients != null, activation,
                HoverCard.inputNames(options.features()));
        if (next != null && !next.equals(spec)) {
            spec = next;
            layout = NetworkLayout.compute(next);
        }
        findHovered();
        redraw();
    }

    /** After the pointer moved: a redraw only if something is or was hovered. */
    private void hover() {
        Part before = hovered;
        findHovered();
        if (hovered != null || before != null) {
            redraw();
        }
    }

    /** The part under the pointer and its hover card's text, for the current layout and weights. */
    private void findHovered() {
        hovered = weights == null ? null : NetworkHitTest.partAt(layout, weights, pointer);
        hoverText = hovered == null ? null
                : HoverCard.describe(hovered, weights, options, pointX1, pointX2, gradients);
    }

    private List<Integer> deeperLayers() {
        int[] widths = weights.hiddenLayers();
        List<Integer> deeper = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            deeper.add(widths[l]);
        }
        return deeper;
    }

    private List<String> biasTexts() {
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < weights.hidden(); j++) {
            texts.add("b=" + fmt2(weights.b1(j)));
        }
        return texts;
    }

    /** Draws the network, the gradient arrows, the legend and the hover card from the current layout. */
    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (weights == null || layout.isEmpty() || spec == null || spec.width() != w || spec.height() != h) {
            return;
        }
        drawEdges(g);
        double[] in = new double[options.features().size()];
        Feature.apply(options.features(), pointX1, pointX2, in);
        for (int k = 0; k < layout.inputs.size(); k++) {
            drawNode(g, layout.inputs.get(k), layout.outerRadius, in[k], Activation.SIGMOID, Double.NaN, false,
                    new Part(Kind.INPUT, k, 0).equals(hovered));
        }
        double[][] v = weights.activations(options, pointX1, pointX2);
        for (int l = 0; l < layout.layers.size(); l++) {
            List<Point2D> layer = layout.layers.get(l);
            for (int j = 0; j < layer.size(); j++) {
                drawNode(g, layer.get(j), layout.hiddenRadius, v[l][j], activation, weights.bias(l + 1, j), true,
                        new Part(Kind.HIDDEN, l + 1, j, 0).equals(hovered));
            }
        }
        drawNode(g, layout.output, layout.outerRadius, v[v.length - 1][0], Activation.SIGMOID,
                weights.bias(weights.layers(), 0), false, hovered != null && hovered.kind() == Kind.OUTPUT);
        for (NetworkLayout.Label label : layout.labels) {
            drawLabel(g, label);
        }
        if (gradients != null) {
            for (Part part : layout.slots.keySet()) {
                double[] a = arrow(part);
                if (a != null) {
                    drawArrow(g, a, layout.slots.get(part).longest());
                }
            }
        }
        if (layout.legend) {
            NetworkLegend.draw(g, w, layout.legendTop, gradients != null, activation);
        }
        if (hoverText != null && pointer != null) {
            HoverCard.draw(g, hoverText, pointer, w, h);
        }
    }

    private void drawEdges(GraphicsContext g) {
        List<Part> edges = NetworkHitTest.edges(layout);
        // Strong edges on top of weak ones.
        edges.sort(Comparator.comparingDouble(e -> Math.abs(NetworkHitTest.weightOf(weights, e))));
        g.setLineCap(StrokeLineCap.BUTT);
        for (Part edge : edges) {
            Point2D a = NetworkHitTest.from(layout, edge);
            Point2D b = NetworkHitTest.to(layout, edge);
            double weight = NetworkHitTest.weightOf(weights, edge);
            double width = edgeWidth(weight);
            if (edge.equals(hovered)) {
                g.setStroke(Palette.INK);
                g.setLineWidth(width + 4);
                g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
            }
            g.setStroke(Palette.forWeight(weight));
            g.setLineWidth(width);
            g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    /**
     * The font that writes {@code text} inside a neuron of radius {@code r}, or null if none fits: small nodes (many
     * hidden units in little space, or presenter mode's magnified canvas) take a smaller figure, so it stays inside.
     */
    static Font valueFont(String text, double r) {
        if (Fonts.measure(text, Fonts.VALUE).getWidth() <= 2 * r - 8) {
            return Fonts.VALUE;
        } else if (Fonts.measure(text, Fonts.VALUE_SMALL).getWidth() <= 2 * r - 3 && 2 * r >= 16) {
            return Fonts.VALUE_SMALL;
        } else if (Fonts.measure(text, Fonts.VALUE_TINY).getWidth() <= 2 * r - 2 && 2 * r >= 14) {
            return Fonts.VALUE_TINY;
        }
        return null;
    }

    /**
     * A neuron of radius {@code r}: filled by its activation {@code value} on the colour scale of {@code scale},
     * ringed by its bias (none for inputs), the value written inside when it fits (the hover card has it otherwise).
     */
    private void drawNode(GraphicsContext g, Point2D c, double r, double value, Activation scale, double bias,
                          boolean hiddenUnit, boolean hovered) {
        if (!Double.isNaN(bias)) {
            double ring = NetworkLayout.ringWidth(bias, r);
            g.setStroke(Palette.forWeight(bias));
            g.setLineWidth(ring);
            double rr = r + ring / 2;
            g.strokeOval(c.getX() - rr, c.getY() - rr, 2 * rr, 2 * rr);
        }
        Color fill = Palette.forValue(ActivationScale.position(scale, value));
        g.setFill(fill);
        g.fillOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        g.setStroke(Palette.INK);
        g.setLineWidth(hovered ? 3 : Math.min(1.5, r / 6));
        g.strokeOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        String text = Double.isNaN(bias) ? HoverCard.nodeValue(value) : NumberText.fixed(value, Math.max(1, layout.decimals));
        // A deeper network's hidden units too small for "-8.8" write no figure, not only the ones that happen to fit.
        Font font = hiddenUnit && layout.decimals == 0 ? null : valueFont(text, r);
        if (font != null) {
            g.setFill(Palette.textOn(fill));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(text, c.getX(), c.getY());
        }
    }

    /** A label over a pale backdrop, so that an edge running under it never makes it hard to read. */
    private static void drawLabel(GraphicsContext g, NetworkLayout.Label label) {
        NetworkLayout.Box box = label.box();
        g.setFill(Palette.LABEL_BACKDROP);
        g.fillRoundRect(box.x(), box.y() + 1, box.width(), box.height() - 2, 6, 6);
        g.setFont(label.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        Color colour = switch (label.role()) {
            case CAPTION, NAME -> Palette.INK;
            case BIAS, HINT -> Palette.MUTED;
        };
        haloText(g, label.text(), label.box().x() + NetworkLayout.HALO, label.box().y(), colour);
    }

    /** Text with a white outline so it stays readable where it crosses an edge. */
    private static void haloText(GraphicsContext g, String text, double x, double y, Color color) {
        g.setStroke(Color.rgb(255, 255, 255, 0.9));
        g.setLineWidth(2 * NetworkLayout.HALO);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.strokeText(text, x, y);
        g.setFill(color);
        g.fillText(text, x, y);
    }

    /** A vertical arrow {baseX, baseY, tipX, tipY} with a white outline; its head is sized for {@code longest}. */
    private static void drawArrow(GraphicsContext g, double[] a, double longest) {
        double x = a[0];
        double baseY = a[1];
        double tipY = a[3];
        double length = Math.abs(tipY - baseY);
        double direction = Math.signum(tipY - baseY);
        double head = Math.min(NetworkLayout.arrowHead(longest), length);
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.WHITE : Palette.INK);
            g.setFill(pass == 0 ? Color.WHITE : Palette.INK);
            g.setLineWidth(pass == 0 ? 6 : 2.5);
            g.setLineCap(StrokeLineCap.ROUND);
            if (length > head) {
                g.strokeLine(x, baseY, x, tipY - direction * head * 0.5);
            }
            double grow = pass == 0 ? 2 : 0;
            g.fillPolygon(new double[] {x - head - grow, x + head + grow, x},
                    new double[] {tipY - direction * (head + grow), tipY - direction * (head + grow), tipY + direction * grow},
                    3);
        }
        g.setLineCap(StrokeLineCap.BUTT);
    }

    /** The distance from point p to the segment from a to b. */
    static double distanceToSegment(Point2D p, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0
                : ((p.getX() - a.getX()) * dx + (p.getY() - a.getY()) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return p.distance(a.getX() + t * dx, a.getY() + t * dy);
    }

    private static String fmt2(double v) {
        return NumberText.fixed(v, 2);
    }

    /** The hover card's lines for {@code text}, broken at spaces to fit {@code width}: see {@link HoverCard#wrap}. */
    static List<String> wrap(String text, Font font, double width) {
        return HoverCard.wrap(text, font, width);
    }

    /** The gradients of one update and the change they made (-learning rate x gradient). */
    record Gradients(int hidden, double learningRate, double[] w1, double[] b1, double[] w2, double b2) {
        static Gradients of(UpdateTrace trace) {
            RealMatrix gw1 = trace.gradW1();
            RealMatrix gb1 = trace.gradB1();
            RealMatrix gw2 = trace.gradW2();
            int h = gw1.getRowDimension();
            double[] w1 = new double[2 * h];
            double[] b1 = new double[h];
            double[] w2 = new double[h];
            for (int j = 0; j < h; j++) {
                w1[2 * j] = gw1.getEntry(j, 0);
                w1[2 * j + 1] = gw1.getEntry(j, 1);
                b1[j] = gb1.getEntry(j, 0);
                w2[j] = gw2.getEntry(0, j);
            }
            return new Gradients(h, trace.learningRate(), w1, b1, w2, trace.gradB2().getEntry(0, 0));
        }

        double gradient(Part part) {
            return switch (part.kind()) {
                case W1 -> w1[2 * part.j() + part.k()];
                case W2 -> w2[part.j()];
                case HIDDEN -> b1[part.j()];
                case OUTPUT -> b2;
                case INPUT, WEIGHT -> 0;
            };
        }

        double change(Part part) {
            double change = -learningRate * gradient(part);
            // No "-0" in the hover card for a weight the step left alone.
            return change == 0 ? 0 : change;
        }

        double largestChange() {
            double max = Math.abs(b2);
            for (int j = 0; j < hidden; j++) {
                max = Math.max(max, Math.max(Math.abs(b1[j]), Math.abs(w2[j])));
                max = Math.max(max, Math.max(Math.abs(w1[2 * j]), Math.abs(w1[2 * j + 1])));
            }
            return learningRate * max;
        }
    }
}
