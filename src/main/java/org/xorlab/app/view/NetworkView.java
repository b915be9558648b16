package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * selected input and ringed by its bias, with the numbers written beside it. Hovering an edge or neuron shows its
 * current value, kept up to date while training runs. {@link #showGradients} adds one arrow per weight and bias for
 * the last update's change.
 */
public final class NetworkView extends Region {
    /** Edge width for |w| = 0 and for |w| >= {@link #WIDEST_WEIGHT}. */
    static final double THINNEST = 1;
    static final double THICKEST = 10;
    static final double WIDEST_WEIGHT = 8;
    /** Longest gradient arrow, drawn for the largest change of the step. */
    static final double LONGEST_ARROW = 30;
    /** Shortest arrow drawn, so that even a tiny change shows its direction. */
    static final double MIN_ARROW = 14;

    private static final double TOP = 40;
    private static final double LEGEND = 98;
    /** Room kept under the lowest node for its bias label when the legend is hidden. */
    private static final double NO_LEGEND = 24;
    /** How close (beyond an edge's half width or a node's rim) the pointer must be to hover it. */
    private static final double HOVER_SLACK = 4;

    /** One thing the pointer can hover and a gradient can be drawn for. */
    enum Kind { INPUT, HIDDEN, OUTPUT, W1, W2 }

    /** A neuron or an edge: W1[j][k] is (W1, j, k); W2[0][j] is (W2, j, 0); hidden unit j is (HIDDEN, j, 0). */
    record Part(Kind kind, int j, int k) {
    }

    private final Canvas canvas = new Canvas();
    private Weights weights;
    private int selected;
    /** The last update's gradients and learning rate, or null when none are shown. */
    private Gradients gradients;
    /** The pointer's position over this view, or null when it is outside. */
    private Point2D pointer;

    // Geometry of the last draw, for hit-testing and tests.
    private final List<Point2D> inputCentres = new ArrayList<>();
    private final List<Point2D> hiddenCentres = new ArrayList<>();
    private Point2D outputCentre;
    private double radius;
    private final Map<Part, double[]> arrows = new HashMap<>();
    /** Where each bias's gradient arrow goes: just after its "b=" number. */
    private final Map<Part, Point2D> biasArrowAnchors = new HashMap<>();
    private String hoverText;
    private boolean legendVisible = true;

    public NetworkView() {
        canvas.setManaged(false);
        getChildren().add(canvas);
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            pointer = new Point2D(e.getX(), e.getY());
            draw();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            pointer = null;
            draw();
        });
        setMinSize(320, 260);
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
        this.weights = weights;
        this.selected = selectedInput;
        if (gradients != null && gradients.hidden() != weights.hidden()) {
            gradients = null;
        }
        draw();
    }

    /**
     * Marks every weight and bias with an arrow for the change the update made: up when it grew, down when it
     * shrank, as long as its share of the step's largest change. Call on the FX thread.
     *
     * @throws IllegalArgumentException if the trace is missing
     */
    public void showGradients(UpdateTrace trace) {
        if (trace == null) {
            throw new IllegalArgumentException("showGradients needs an update trace; use clearGradients() to hide the arrows");
        }
        gradients = Gradients.of(trace);
        draw();
    }

    /**
     * Shows (the default) or hides the edge-width and node-fill legend under the network; hidden where several
     * small networks stand side by side and one legend elsewhere explains them.
     */
    public void setLegendVisible(boolean visible) {
        legendVisible = visible;
        draw();
    }

    /** Hides the gradient arrows. */
    public void clearGradients() {
        gradients = null;
        draw();
    }

    /** Edge width in pixels for a weight: from {@value #THINNEST} at 0 to {@value #THICKEST} at |w| >= 8. */
    static double edgeWidth(double weight) {
        double m = Double.isFinite(weight) ? Math.min(Math.abs(weight), WIDEST_WEIGHT) : WIDEST_WEIGHT;
        return THINNEST + (THICKEST - THINNEST) * m / WIDEST_WEIGHT;
    }

    /** Centre of input node k (0 for x1, 1 for x2) in the last drawing. */
    Point2D inputCentre(int k) {
        return inputCentres.get(k);
    }

    /** Centre of hidden node j (0-based) in the last drawing. */
    Point2D hiddenCentre(int j) {
        return hiddenCentres.get(j);
    }

    Point2D outputCentre() {
        return outputCentre;
    }

    double nodeRadius() {
        return radius;
    }

    /** The hover overlay's text, or null when nothing is hovered. */
    String hoverText() {
        return hoverText;
    }

    /** The gradient arrow drawn for a part as {baseX, baseY, tipX, tipY}, or null if none is drawn. */
    double[] arrow(Part part) {
        double[] a = arrows.get(part);
        return a == null ? null : a.clone();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 620;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 460;
    }

    /** Redraws the network, the gradient arrows, the legend and the hover overlay from the latest data. */
    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Palette.BACKGROUND);
        g.fillRect(0, 0, w, h);
        inputCentres.clear();
        hiddenCentres.clear();
        outputCentre = null;
        arrows.clear();
        biasArrowAnchors.clear();
        hoverText = null;
        if (weights == null || w < 50 || h < TOP + legendHeight() + 30) {
            return;
        }
        layout(w, h);
        double x0 = Dataset.x0(selected);
        double x1 = Dataset.x1(selected);
        Part hovered = hitTest();

        drawCaption(g);
        drawEdges(g, hovered);
        for (int k = 0; k < 2; k++) {
            double value = k == 0 ? x0 : x1;
            drawNode(g, inputCentres.get(k), value, Double.NaN, hovered != null && hovered.equals(new Part(Kind.INPUT, k, 0)));
            nodeLabel(g, "x" + (k + 1), inputCentres.get(k), -1);
        }
        for (int j = 0; j < weights.hidden(); j++) {
            Point2D c = hiddenCentres.get(j);
            drawNode(g, c, weights.hiddenActivation(j, x0, x1), weights.b1(j),
                    hovered != null && hovered.equals(new Part(Kind.HIDDEN, j, 0)));
            hiddenLabel(g, j, c);
        }
        drawNode(g, outputCentre, weights.predict(x0, x1), weights.b2(), hovered != null && hovered.kind() == Kind.OUTPUT);
        nodeLabel(g, "y_hat", outputCentre, 1);
        belowLabel(g, "b=" + fmt2(weights.b2()), outputCentre);
        if (gradients != null) {
            drawArrows(g);
        }
        if (legendVisible) {
            drawLegend(g, w, h);
        }
        if (hovered != null) {
            hoverText = describe(hovered);
            drawOverlay(g, hoverText, w, h);
        }
    }

    private double legendHeight() {
        return legendVisible ? LEGEND : NO_LEGEND;
    }

    private void layout(double w, double h) {
        int units = weights.hidden();
        double top = TOP;
        double bottom = h - legendHeight();
        double inX = Math.max(64, w * 0.13);
        double outX = w - Math.max(104, w * 0.15);
        double hidX = (inX + outX) / 2;
        double spacing = (bottom - top) / Math.max(units, 2);
        radius = Math.max(15, Math.min(32, Math.min(spacing * 0.38, (outX - inX) * 0.07)));
        for (int k = 0; k < 2; k++) {
            inputCentres.add(new Point2D(inX, top + (k + 0.5) * (bottom - top) / 2));
        }
        for (int j = 0; j < units; j++) {
            hiddenCentres.add(new Point2D(hidX, top + (j + 0.5) * (bottom - top) / units));
        }
        outputCentre = new Point2D(outX, (top + bottom) / 2);
    }

    /** The part under the pointer: a neuron if the pointer is on one, else the nearest edge within reach. */
    private Part hitTest() {
        if (pointer == null) {
            return null;
        }
        double reach = radius + ringWidth(WIDEST_WEIGHT) + 1;
        for (int k = 0; k < 2; k++) {
            if (pointer.distance(inputCentres.get(k)) <= radius + 2) {
                return new Part(Kind.INPUT, k, 0);
            }
        }
        for (int j = 0; j < hiddenCentres.size(); j++) {
            if (pointer.distance(hiddenCentres.get(j)) <= reach) {
                return new Part(Kind.HIDDEN, j, 0);
            }
        }
        if (pointer.distance(outputCentre) <= reach) {
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
        for (int j = 0; j < weights.hidden(); j++) {
            edges.add(new Part(Kind.W1, j, 0));
            edges.add(new Part(Kind.W1, j, 1));
            edges.add(new Part(Kind.W2, j, 0));
        }
        return edges;
    }

    private Point2D from(Part edge) {
        return edge.kind() == Kind.W1 ? inputCentres.get(edge.k()) : hiddenCentres.get(edge.j());
    }

    private Point2D to(Part edge) {
        return edge.kind() == Kind.W1 ? hiddenCentres.get(edge.j()) : outputCentre;
    }

    private double weightOf(Part edge) {
        return edge.kind() == Kind.W1 ? weights.w1(edge.j(), edge.k()) : weights.w2(edge.j());
    }

    private void drawCaption(GraphicsContext g) {
        g.setFont(Fonts.LABEL);
        g.setFill(Palette.INK);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("activations for input x = " + inputText(), 16, TOP / 2);
    }

    private void drawEdges(GraphicsContext g, Part hovered) {
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

    private static double ringWidth(double bias) {
        double m = Double.isFinite(bias) ? Math.min(Math.abs(bias), WIDEST_WEIGHT) : WIDEST_WEIGHT;
        return 2 + 4 * m / WIDEST_WEIGHT;
    }

    /** A neuron: filled by its activation, ringed by its bias (none for inputs), the activation written inside. */
    private void drawNode(GraphicsContext g, Point2D c, double activation, double bias, boolean hovered) {
        double r = radius;
        if (!Double.isNaN(bias)) {
            double ring = ringWidth(bias);
            g.setStroke(Palette.forWeight(bias));
            g.setLineWidth(ring);
            double rr = r + ring / 2;
            g.strokeOval(c.getX() - rr, c.getY() - rr, 2 * rr, 2 * rr);
        }
        Color fill = Palette.forValue(activation);
        g.setFill(fill);
        g.fillOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        g.setStroke(Palette.INK);
        g.setLineWidth(hovered ? 3 : 1.5);
        g.strokeOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        g.setFill(Palette.textOn(fill));
        String text = Double.isNaN(bias) ? plain(activation) : fmt2(activation);
        // Small nodes (many hidden units in little space) take a slightly smaller figure so it stays inside.
        g.setFont(Fonts.measure(text, Fonts.VALUE).getWidth() <= 2 * r - 8 ? Fonts.VALUE : Fonts.VALUE_SMALL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, c.getX(), c.getY());
    }

    /** A node's name beside it: to the left ({@code side} -1) or to the right (+1). */
    private void nodeLabel(GraphicsContext g, String text, Point2D c, int side) {
        g.setFont(Fonts.LABEL);
        g.setTextAlign(side < 0 ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double gap = radius + ringWidth(WIDEST_WEIGHT) + 6;
        haloText(g, text, c.getX() + side * gap, c.getY(), Palette.INK);
    }

    /**
     * A hidden unit's name and bias, "h1 b=0.16", to the right of its node: above the edge to the output for units
     * above the output, below it for the others, so the edge never runs through the text. With gradients shown,
     * the bias's arrow follows the number.
     */
    private void hiddenLabel(GraphicsContext g, int j, Point2D c) {
        String name = "h" + (j + 1);
        String value = "b=" + fmt2(weights.b1(j));
        boolean above = c.getY() <= outputCentre.getY() + 0.5;
        double x = c.getX() + radius + ringWidth(WIDEST_WEIGHT) + 2;
        double y = above ? c.getY() - 3 : c.getY() + 3;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(above ? VPos.BOTTOM : VPos.TOP);
        g.setFont(Fonts.LABEL);
        haloText(g, name, x, y, Palette.INK);
        x += Fonts.measure(name, Fonts.LABEL).getWidth() + 6;
        g.setFont(Fonts.SMALL);
        haloText(g, value, x, y, Palette.MUTED);
        biasArrowAnchors.put(new Part(Kind.HIDDEN, j, 0),
                new Point2D(x + Fonts.measure(value, Fonts.SMALL).getWidth() + 12, above ? y - 9 : y + 9));
    }

    /** A value on one line under a node, e.g. the output's "b=0.60". */
    private void belowLabel(GraphicsContext g, String value, Point2D c) {
        double y = c.getY() + radius + ringWidth(WIDEST_WEIGHT) + 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.SMALL);
        haloText(g, value, c.getX(), y, Palette.MUTED);
        biasArrowAnchors.put(new Part(Kind.OUTPUT, 0, 0),
                new Point2D(c.getX() + Fonts.measure(value, Fonts.SMALL).getWidth() / 2 + 12, y + 9));
    }

    /** Text with a white outline so it stays readable where it crosses an edge. */
    private static void haloText(GraphicsContext g, String text, double x, double y, Color color) {
        g.setStroke(Color.rgb(255, 255, 255, 0.9));
        g.setLineWidth(4);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.strokeText(text, x, y);
        g.setFill(color);
        g.fillText(text, x, y);
    }

    private void drawArrows(GraphicsContext g) {
        double largest = gradients.largestChange();
        if (!(largest > 0)) {
            return;
        }
        for (Part edge : edges()) {
            Point2D a = from(edge);
            Point2D b = to(edge);
            // On the edge, a little past the middle towards the receiving neuron, where edges fan apart.
            double t = edge.kind() == Kind.W1 ? 0.6 : 0.45;
            double x = a.getX() + t * (b.getX() - a.getX());
            double y = a.getY() + t * (b.getY() - a.getY());
            drawArrow(g, edge, x, y, gradients.change(edge), largest);
        }
        for (Map.Entry<Part, Point2D> bias : biasArrowAnchors.entrySet()) {
            Point2D at = bias.getValue();
            drawArrow(g, bias.getKey(), at.getX(), at.getY(), gradients.change(bias.getKey()), largest);
        }
    }

    /** A vertical arrow centred on (x, y): up for a weight that grew, length in proportion to the change. */
    private void drawArrow(GraphicsContext g, Part part, double x, double y, double change, double largest) {
        if (change == 0 || !Double.isFinite(change)) {
            return;
        }
        double length = Math.max(MIN_ARROW, LONGEST_ARROW * Math.abs(change) / largest);
        double direction = change > 0 ? -1 : 1;
        double baseY = y - direction * length / 2;
        double tipY = y + direction * length / 2;
        arrows.put(part, new double[] {x, baseY, x, tipY});
        double head = 7;
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.WHITE : Palette.INK);
            g.setFill(pass == 0 ? Color.WHITE : Palette.INK);
            g.setLineWidth(pass == 0 ? 6 : 2.5);
            g.setLineCap(StrokeLineCap.ROUND);
            g.strokeLine(x, baseY, x, tipY - direction * head * 0.5);
            double grow = pass == 0 ? 2 : 0;
            g.fillPolygon(new double[] {x - head - grow, x + head + grow, x},
                    new double[] {tipY - direction * (head + grow), tipY - direction * (head + grow), tipY + direction * grow},
                    3);
        }
        g.setLineCap(StrokeLineCap.BUTT);
    }

    private void drawLegend(GraphicsContext g, double w, double h) {
        double y1 = h - LEGEND + 20;
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
        String arrows = "arrows: last step's change (up = grew)";
        if (gradients != null && x + 24 + Fonts.measure(arrows, Fonts.SMALL).getWidth() < w) {
            g.fillText(arrows, x + 24, y3);
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

    private void drawOverlay(GraphicsContext g, String text, double w, double h) {
        String[] lines = text.split("\n");
        Font font = Fonts.SMALL;
        double lineHeight = 20;
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, Fonts.measure(line, font).getWidth());
        }
        double boxW = width + 20;
        double boxH = lines.length * lineHeight + 12;
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
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], x + 10, y + 6 + (i + 0.5) * lineHeight);
        }
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
                        + ", v1 = " + fmt3(weights.hiddenActivation(j, x0, x1)) + forInput
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
            return -learningRate * gradient(part);
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
