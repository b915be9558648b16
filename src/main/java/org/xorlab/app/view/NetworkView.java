package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * The 2-H-1 network: inputs x1, x2, hidden units h1..hH and the output y_hat. An edge's width grows with |weight|
 * and its colour shows the sign (blue positive, orange negative); each neuron is filled by its activation for the
 * selected input and ringed by its bias, with the numbers written beside it where they fit (a crowded view leaves
 * them to the hover card). Hovering an edge or neuron shows its current value, kept up to date while training runs.
 * {@link #showGradients} adds one arrow per weight and bias for the last update's change, as long as the change.
 * {@link NetworkLayout} places everything so that no text is overprinted; this class draws it.
 *
 * <p>One draw path: every change (weights, input, gradients, legend, size, pointer) updates the layout and the hover
 * text at once and asks for one repaint, which the next layout pass paints from the latest state; a call that
 * changes nothing asks for none.
 */
public final class NetworkView extends Region {
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
    /** How close (beyond an edge's half width or a node's rim) the pointer must be to hover it. */
    private static final double HOVER_SLACK = 4;
    private static final String ARROWS_LEGEND = "arrows: last step's change (up = grew)";

    /** One thing the pointer can hover and a gradient can be drawn for. */
    enum Kind { INPUT, HIDDEN, OUTPUT, W1, W2 }

    /** A neuron or an edge: W1[j][k] is (W1, j, k); W2[0][j] is (W2, j, 0); hidden unit j is (HIDDEN, j, 0). */
    record Part(Kind kind, int j, int k) {
    }

    private final Canvas canvas = new Canvas();
    private Weights weights;
    private int selected;
    /** The update whose gradients are shown, or null when none are. */
    private UpdateTrace trace;
    private Gradients gradients;
    /** The pointer's position over this view, or null when it is outside. */
    private Point2D pointer;
    private boolean legendVisible = true;

    /** What the layout was computed for, and the layout: where everything goes at the current size. */
    private NetworkLayout.Spec spec;
    private NetworkLayout layout = NetworkLayout.compute(
            new NetworkLayout.Spec(0, 0, 1, "", "", List.of(""), "", false, false));
    private Part hovered;
    private String hoverText;
    /** True when the canvas shows older state than the fields; the next layout pass repaints it. */
    private boolean repaintPending;
    private boolean sizing;

    public NetworkView() {
        canvas.setManaged(false);
        getChildren().add(canvas);
        canvas.widthProperty().addListener(o -> update());
        canvas.heightProperty().addListener(o -> update());
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
    }

    /** The input (0 to 3) whose activations the neurons show. */
    public int selectedInput() {
        return selected;
    }

    /**
     * Shows the weights and the activations they produce for input {@code selectedInput}: 0 to 3 for (0,0), (0,1),
     * (1,0), (1,1). Call on the FX thread.
     *
     * @throws IllegalArgumentException if the weights are missing or the input index is out of range
     */
    public void show(Weights weights, int selectedInput) {
        if (weights == null) {
            throw new IllegalArgumentException("the network view needs weights to show");
        }
        if (selectedInput < 0 || selectedInput >= Dataset.SIZE) {
            throw new IllegalArgumentException("selected input must be from 0 to " + (Dataset.SIZE - 1)
                    + " for (0,0), (0,1), (1,0), (1,1) (got " + selectedInput + ")");
        }
        if (weights.equals(this.weights) && selectedInput == selected) {
            return;
        }
        this.weights = weights;
        this.selected = selectedInput;
        if (gradients != null && gradients.hidden() != weights.hidden()) {
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
        gradients = Gradients.of(trace);
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

    /** Centre of input node k (0 for x1, 1 for x2) in the current layout. */
    Point2D inputCentre(int k) {
        return layout.inputs.get(k);
    }

    /** Centre of hidden node j (0-based) in the current layout. */
    Point2D hiddenCentre(int j) {
        return layout.hidden.get(j);
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

    @Override
    protected void layoutChildren() {
        sizing = true;
        try {
            canvas.setWidth(Math.floor(getWidth()));
            canvas.setHeight(Math.floor(getHeight()));
        } finally {
            sizing = false;
        }
        if (repaintPending) {
            paint();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 620;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 460;
    }

    /** Brings the layout and the hover text up to date with the fields and asks for a repaint. */
    private void update() {
        NetworkLayout.Spec next = weights == null ? null : new NetworkLayout.Spec(canvas.getWidth(), canvas.getHeight(),
                weights.hidden(), "activations for input x = " + inputText(), "x = " + inputText(), biasTexts(),
                "b=" + fmt2(weights.b2()), legendVisible, gradients != null);
        if (next != null && !next.equals(spec)) {
            spec = next;
            layout = NetworkLayout.compute(next);
        }
        hovered = weights == null ? null : hitTest();
        hoverText = hovered == null ? null : describe(hovered);
        repaint();
    }

    /** After the pointer moved: a repaint only if something is or was hovered. */
    private void hover() {
        Part before = hovered;
        hovered = weights == null ? null : hitTest();
        hoverText = hovered == null ? null : describe(hovered);
        if (hovered != null || before != null) {
            repaint();
        }
    }

    private void repaint() {
        repaintPending = true;
        if (!sizing) {
            setNeedsLayout(true);
        }
    }

    private List<String> biasTexts() {
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < weights.hidden(); j++) {
            texts.add("b=" + fmt2(weights.b1(j)));
        }
        return texts;
    }

    /** Paints the network, the gradient arrows, the legend and the hover overlay from the current layout. */
    private void paint() {
        repaintPending = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Palette.BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (weights == null || layout.isEmpty() || spec == null || spec.width() != w || spec.height() != h) {
            return;
        }
        double x0 = Dataset.x0(selected);
        double x1 = Dataset.x1(selected);
        drawEdges(g);
        for (int k = 0; k < 2; k++) {
            drawNode(g, layout.inputs.get(k), layout.outerRadius, k == 0 ? x0 : x1, Double.NaN,
                    new Part(Kind.INPUT, k, 0).equals(hovered));
        }
        for (int j = 0; j < weights.hidden(); j++) {
            drawNode(g, layout.hidden.get(j), layout.hiddenRadius, weights.hiddenActivation(j, x0, x1), weights.b1(j),
                    new Part(Kind.HIDDEN, j, 0).equals(hovered));
        }
        drawNode(g, layout.output, layout.outerRadius, weights.predict(x0, x1), weights.b2(),
                hovered != null && hovered.kind() == Kind.OUTPUT);
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
            drawLegend(g, w, layout.legendTop);
        }
        if (hoverText != null && pointer != null) {
            drawOverlay(g, hoverText, w, h);
        }
    }

    /** The part under the pointer: a neuron if the pointer is on one, else the nearest edge within reach. */
    private Part hitTest() {
        if (pointer == null || layout.isEmpty()) {
            return null;
        }
        for (int k = 0; k < 2; k++) {
            if (pointer.distance(layout.inputs.get(k)) <= layout.outerRadius + 2) {
                return new Part(Kind.INPUT, k, 0);
            }
        }
        double reach = NetworkLayout.ringedReach(layout.hiddenRadius) + 1;
        for (int j = 0; j < layout.hidden.size(); j++) {
            if (pointer.distance(layout.hidden.get(j)) <= reach) {
                return new Part(Kind.HIDDEN, j, 0);
            }
        }
        if (pointer.distance(layout.output) <= NetworkLayout.ringedReach(layout.outerRadius) + 1) {
            return new Part(Kind.OUTPUT, 0, 0);
        }
        Part best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Part edge : edges()) {
            double d = distanceToSegment(pointer, from(edge), to(edge));
            if (d <= edgeWidth(weightOf(edge)) / 2 + HOVER_SLACK && d < bestDistance) {
                best = edge;
                bestDistance = d;
            }
        }
        return best;
    }

    static double distanceToSegment(Point2D p, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0
                : ((p.getX() - a.getX()) * dx + (p.getY() - a.getY()) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return p.distance(a.getX() + t * dx, a.getY() + t * dy);
    }

    private List<Part> edges() {
        List<Part> edges = new ArrayList<>();
        for (int j = 0; j < layout.hidden.size(); j++) {
            edges.add(new Part(Kind.W1, j, 0));
            edges.add(new Part(Kind.W1, j, 1));
            edges.add(new Part(Kind.W2, j, 0));
        }
        return edges;
    }

    private Point2D from(Part edge) {
        return edge.kind() == Kind.W1 ? layout.inputs.get(edge.k()) : layout.hidden.get(edge.j());
    }

    private Point2D to(Part edge) {
        return edge.kind() == Kind.W1 ? layout.hidden.get(edge.j()) : layout.output;
    }

    private double weightOf(Part edge) {
        return edge.kind() == Kind.W1 ? weights.w1(edge.j(), edge.k()) : weights.w2(edge.j());
    }

    private void drawEdges(GraphicsContext g) {
        List<Part> edges = edges();
        // Strong edges on top of weak ones.
        edges.sort(Comparator.comparingDouble(e -> Math.abs(weightOf(e))));
        g.setLineCap(StrokeLineCap.BUTT);
        for (Part edge : edges) {
            Point2D a = from(edge);
            Point2D b = to(edge);
            double weight = weightOf(edge);
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
     * A neuron of radius {@code r}: filled by its activation, ringed by its bias (none for inputs), the activation
     * written inside when it fits (the hover card has it otherwise).
     */
    private void drawNode(GraphicsContext g, Point2D c, double r, double activation, double bias, boolean hovered) {
        if (!Double.isNaN(bias)) {
            double ring = NetworkLayout.ringWidth(bias, r);
            g.setStroke(Palette.forWeight(bias));
            g.setLineWidth(ring);
            double rr = r + ring / 2;
            g.strokeOval(c.getX() - rr, c.getY() - rr, 2 * rr, 2 * rr);
        }
        Color fill = Palette.forValue(activation);
        g.setFill(fill);
        g.fillOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        g.setStroke(Palette.INK);
        g.setLineWidth(hovered ? 3 : Math.min(1.5, r / 6));
        g.strokeOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        String text = Double.isNaN(bias) ? plain(activation) : fmt2(activation);
        Font font = valueFont(text, r);
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

    private void drawLegend(GraphicsContext g, double w, double top) {
        double y1 = top + 20;
        double y2 = y1 + 28;
        double x = 16;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Fonts.SMALL);
        g.setFill(Palette.MUTED);
        g.fillText("edge width = |weight|:", x, y1);
        x += Fonts.measure("edge width = |weight|:", Fonts.SMALL).getWidth() + 10;
        g.setLineCap(StrokeLineCap.BUTT);
        for (double sample : new double[] {0.5, 2, 8}) {
            g.setStroke(Palette.FRAME);
            g.setLineWidth(edgeWidth(sample));
            g.strokeLine(x, y1, x + 28, y1);
            x += 32;
            String text = sample == 8 ? "8+" : plain(sample);
            g.fillText(text, x, y1);
            x += Fonts.measure(text, Fonts.SMALL).getWidth() + 14;
        }
        double y3 = y2 + 28;
        x = 16;
        x = swatch(g, x, y2, Palette.forWeight(4), "positive");
        x = swatch(g, x, y2, Palette.forWeight(-4), "negative");
        g.setFill(Palette.MUTED);
        g.fillText("ring = bias", x + 8, y2);

        x = 16;
        g.fillText("node fill = activation", x, y3);
        x += Fonts.measure("node fill = activation", Fonts.SMALL).getWidth() + 10;
        g.fillText("0", x, y3);
        x += Fonts.measure("0", Fonts.SMALL).getWidth() + 5;
        g.setFill(Palette.scale(x, 0, x + 90, 0));
        g.fillRect(x, y3 - 8, 90, 16);
        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y3 - 7.5, 89, 15);
        x += 95;
        g.setFill(Palette.MUTED);
        g.fillText("1", x, y3);
        x += Fonts.measure("1", Fonts.SMALL).getWidth();
        if (gradients != null && x + 24 + Fonts.measure(ARROWS_LEGEND, Fonts.SMALL).getWidth() < w - 4) {
            g.fillText(ARROWS_LEGEND, x + 24, y3);
        }
    }

    private static double swatch(GraphicsContext g, double x, double y, Color color, String text) {
        g.setStroke(color);
        g.setLineWidth(6);
        g.strokeLine(x, y, x + 24, y);
        g.setFill(Palette.MUTED);
        g.fillText(text, x + 30, y);
        return x + 30 + Fonts.measure(text, Fonts.SMALL).getWidth() + 16;
    }

    /** The hover card near the pointer, its lines wrapped to fit the view. */
    private void drawOverlay(GraphicsContext g, String text, double w, double h) {
        Font font = Fonts.SMALL;
        List<String> lines = wrap(text, font, w - 28);
        double lineHeight = 20;
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, Fonts.measure(line, font).getWidth());
        }
        double boxW = width + 20;
        double boxH = lines.size() * lineHeight + 12;
        double x = pointer.getX() + 16;
        double y = pointer.getY() + 18;
        if (x + boxW > w - 4) {
            x = Math.max(4, pointer.getX() - 12 - boxW);
        }
        if (y + boxH > h - 4) {
            y = Math.max(4, pointer.getY() - 12 - boxH);
        }
        g.setFill(Color.rgb(255, 255, 255, 0.96));
        g.fillRoundRect(x, y, boxW, boxH, 10, 10);
        g.setStroke(Palette.INK);
        g.setLineWidth(1.2);
        g.strokeRoundRect(x + 0.5, y + 0.5, boxW - 1, boxH - 1, 10, 10);
        g.setFill(Palette.INK);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), x + 10, y + 6 + (i + 0.5) * lineHeight);
        }
    }

    /** The text's lines, each broken at spaces where it is wider than {@code width}, never inside "(0, 1)". */
    static List<String> wrap(String text, Font font, double width) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            StringBuilder current = new StringBuilder();
            for (String word : words(line)) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (current.length() > 0 && Fonts.measure(candidate, font).getWidth() > width) {
                    lines.add(current.toString().strip());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString().strip());
        }
        return lines;
    }

    /** The line's words, a bracketed group such as "(0, 1)" or "(x1 -> h1)" kept as one. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder group = null;
        for (String word : line.split(" ", -1)) {
            if (group != null) {
                group.append(' ').append(word);
            } else if (word.startsWith("(") && !word.endsWith(")")) {
                group = new StringBuilder(word);
            } else {
                words.add(word);
            }
            if (group != null && word.endsWith(")")) {
                words.add(group.toString());
                group = null;
            }
        }
        if (group != null) {
            words.add(group.toString());
        }
        return words;
    }

    /** The hover text for a part, from the current weights and gradients. */
    private String describe(Part part) {
        double x0 = Dataset.x0(selected);
        double x1 = Dataset.x1(selected);
        String forInput = " for x = " + inputText();
        String text = switch (part.kind()) {
            case W1 -> "W1[" + (part.j() + 1) + "," + (part.k() + 1) + "] = " + fmt3(weights.w1(part.j(), part.k()))
                    + "   (x" + (part.k() + 1) + " \u2192 h" + (part.j() + 1) + ")";
            case W2 -> "W2[1," + (part.j() + 1) + "] = " + fmt3(weights.w2(part.j()))
                    + "   (h" + (part.j() + 1) + " \u2192 y_hat)";
            case INPUT -> "x" + (part.k() + 1) + " = " + plain(part.k() == 0 ? x0 : x1) + forInput;
            case HIDDEN -> {
                int j = part.j();
                double z1 = weights.w1(j, 0) * x0 + weights.w1(j, 1) * x1 + weights.b1(j);
                yield "h" + (j + 1) + ": b1[" + (j + 1) + "] = " + fmt3(weights.b1(j))
                        + "\nv1 = " + fmt3(weights.hiddenActivation(j, x0, x1)) + forInput
                        + "\nz1 = " + fmt3(z1);
            }
            case OUTPUT -> "y_hat: b2 = " + fmt3(weights.b2()) + ", y_hat = " + fmt3(weights.predict(x0, x1)) + forInput;
        };
        if (gradients != null && part.kind() != Kind.INPUT) {
            text += "\nlast step: change " + sci(gradients.change(part)) + " (gradient " + sci(gradients.gradient(part)) + ")";
        }
        return text;
    }

    private String inputText() {
        return "(" + plain(Dataset.x0(selected)) + ", " + plain(Dataset.x1(selected)) + ")";
    }

    private static String fmt2(double v) {
        return NumberText.fixed(v, 2);
    }

    private static String fmt3(double v) {
        return NumberText.fixed(v, 3);
    }

    /** A gradient or change, often tiny: three significant digits ("0.00123", "4.56e-06"). */
    private static String sci(double v) {
        return NumberText.significant(v, 3);
    }

    /** 0 and 1 without decimals; anything else as Python writes it. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : NumberText.python(v);
    }

    /** The gradients of one update and the change they made (-learning rate x gradient). */
    private record Gradients(int hidden, double learningRate, double[] w1, double[] b1, double[] w2, double b2) {
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
                case INPUT -> 0;
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
