package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.text.Font;
import org.xorlab.app.view.NetworkView.Kind;
import org.xorlab.app.view.NetworkView.Part;
import org.xorlab.engine.Activation;

/**
 * Where the network view puts everything at one size: the neurons, every text it writes (caption, names, bias
 * labels, hint) and a slot for each gradient arrow, placed so that no text overlaps another text, an arrow or a
 * neuron, nor leaves the view. Computed without drawing, so tests can check it at every size.
 *
 * <p>Each text and arrow has a few candidate places, tried in order, and takes the first that is free. When not
 * everything fits, something gives way, in this order: the arrows' longest length goes from 30 px down to 18; the
 * hidden units' bias numbers go, all of them (the hover card names each bias, and a hint says so where there is
 * room); the arrows shrink to 10 px; the names shrink, then go. Only in a very crowded view (8 units in 280x200)
 * may arrows overlap each other, never a text or a neuron. The arrows' places do not depend on the changes they
 * show, so the layout stays put from one step to the next.
 */
final class NetworkLayout {
    /** Height of the legend band under the network. */
    static final double LEGEND = 98;
    /** Room kept under the lowest node when the legend is hidden. */
    static final double NO_LEGEND = 12;
    /** Longest gradient arrows, tried in turn until every arrow finds room; the first is the most readable. */
    static final double[] ARROW_LENGTHS = {30, 24, 18, 14, 10};
    /** Arrows shorter than this are still comfortable to read; below it, labels give way before arrows shrink more. */
    private static final double COMFORTABLE_ARROW = 18;
    /** Space kept between any two things placed (text, arrows, neurons). */
    private static final double GAP = 2;
    /** The white outline around text, and around arrows, in pixels each side. */
    static final double HALO = 2;
    static final double ARROW_HALO = 3;
    private static final double LEFT = 16;
    /** The hint shown when the hidden units' bias numbers are hidden. */
    static final String HINT = "hover a neuron for its bias";
    static final String SHORT_HINT = "hover for biases";

    /** How much of each hidden unit's label is shown, best first. */
    enum Tier { NAME_AND_BIAS, NAME, SMALL_NAME, NONE }

    /** What a text is, which sets its colour. */
    enum Role { CAPTION, NAME, BIAS, HINT }

    /** An axis-aligned rectangle. */
    record Box(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        double centreY() {
            return y + height / 2;
        }

        boolean intersects(Box o, double gap) {
            return x < o.right() + gap && o.x < right() + gap && y < o.bottom() + gap && o.y < bottom() + gap;
        }

        /** True if this box comes within {@code gap} of the disc of radius {@code r} around {@code c}. */
        boolean touches(Point2D c, double r, double gap) {
            double dx = Math.max(Math.max(x - c.getX(), 0), c.getX() - right());
            double dy = Math.max(Math.max(y - c.getY(), 0), c.getY() - bottom());
            return Math.hypot(dx, dy) < r + gap;
        }
    }

    /**
     * A text as drawn: its top-left corner is the box's, inset by {@link #HALO} for the white outline. {@code part}
     * is the neuron a name or bias belongs to, null for the caption and the hint.
     */
    record Label(Role role, Part part, String text, Font font, Box box) {
    }

    /** A neuron as an obstacle: the disc its fill, ring and hover outline can cover. */
    record Disc(Point2D centre, double radius) {
    }

    /**
     * Where a gradient arrow goes: its centre and the longest it may be. The arrow is vertical and drawn within
     * {@link #box()}, whatever its length up to {@code longest}.
     */
    record Slot(Part part, double x, double y, double longest) {
        Box box() {
            double hw = arrowHalfWidth(longest);
            double hh = longest / 2 + ARROW_HALO;
            return new Box(x - hw, y - hh, 2 * hw, 2 * hh);
        }
    }

    /**
     * What the layout depends on. The bias texts are as drawn ("b=-3.43"); {@code deeper} holds the widths of hidden
     * layers 2 and up (empty for the notebook's one hidden layer of {@code hidden} units), {@code activation}
     * sets the legend's scale, and {@code inputNames} names the input nodes, one per feature ("x₁", "x₂", "sin x₁").
     */
    record Spec(double width, double height, int hidden, List<Integer> deeper, String caption, String shortCaption,
                List<String> hiddenBiases, String outputBias, boolean legendWanted, boolean arrows,
                Activation activation, List<String> inputNames) {
        Spec {
            deeper = List.copyOf(deeper);
            hiddenBiases = List.copyOf(hiddenBiases);
            inputNames = List.copyOf(inputNames);
        }

        /** The notebook's two inputs, x1 and x2. */
        Spec(double width, double height, int hidden, List<Integer> deeper, String caption, String shortCaption,
             List<String> hiddenBiases, String outputBias, boolean legendWanted, boolean arrows,
             Activation activation) {
            this(width, height, hidden, deeper, caption, shortCaption, hiddenBiases, outputBias, legendWanted, arrows,
                    activation, List.of("x1", "x2"));
        }

        /** The widest input name in the label font, with its halo. */
        double widestInputName() {
            double widest = 0;
            for (String name : inputNames) {
                widest = Math.max(widest, NetworkLayout.width(name, Fonts.LABEL));
            }
            return widest;
        }

        /** The number of hidden layers. */
        int depth() {
            return 1 + deeper.size();
        }

        /** Hidden layer l's (from 0) width. */
        int width(int l) {
            return l == 0 ? hidden : deeper.get(l - 1);
        }
    }

    final List<Point2D> inputs;
    /** The first hidden layer's centres. */
    final List<Point2D> hidden;
    /** Every hidden layer's centres, input side first (the first is {@link #hidden}). */
    final List<List<Point2D>> layers;
    final Point2D output;
    /** Radius of the hidden units' discs (without the ring). */
    final double hiddenRadius;
    /** Radius of the inputs' and the output's discs, never smaller than the hidden units'. */
    final double outerRadius;
    final List<Label> labels;
    final Map<Part, Slot> slots;
    final Tier tier;
    /**
     * The decimals of the hidden units' figures: 2, or 1 where a deeper network's neurons are small, or 0 where they
     * are too small for any: then none is written (the hover card has them), rather than only the narrower ones.
     */
    final int decimals;
    /** The longest arrow drawn, for the step's largest change; 0 without arrows. */
    final double longestArrow;
    final boolean legend;
    /** Top of the legend band (the view's height when there is no legend). */
    final double legendTop;

    /** True if, for want of room, some arrows may overlap each other (never a text or a neuron). */
    final boolean arrowsOverlap;
    /** Where the hidden column sits, as a share of the way from the inputs to the output. */
    private final double column;
    /** How many hidden units' labels are over or under their neuron rather than beside it. */
    private final int offside;

    private NetworkLayout(Geometry g, List<Label> labels, Map<Part, Slot> slots, Tier tier, double longestArrow,
                          boolean arrowsOverlap, int offside) {
        this.column = g == null ? 0 : g.column;
        this.offside = offside;
        this.arrowsOverlap = arrowsOverlap;
        this.inputs = g == null ? List.of() : List.copyOf(g.inputs);
        this.hidden = g == null ? List.of() : List.copyOf(g.hidden);
        this.layers = g == null ? List.of() : g.layers.stream().map(List::copyOf).toList();
        this.output = g == null ? null : g.output;
        this.hiddenRadius = g == null ? 0 : g.hiddenRadius;
        this.outerRadius = g == null ? 0 : g.outerRadius;
        this.labels = Collections.unmodifiableList(labels);
        this.slots = Collections.unmodifiableMap(slots);
        this.tier = tier;
        this.longestArrow = longestArrow;
        this.legend = g != null && g.legend;
        this.legendTop = g == null ? 0 : g.limitY;
        this.decimals = g == null ? 0 : g.layers.size() == 1 ? 2 : decimalsThatFit(g.hiddenRadius);
    }

    /** True if the view is too small to draw the network at all. */
    boolean isEmpty() {
        return output == null;
    }

    /** True if every neuron's bias number is written beside it. */
    boolean biasLabelsShown() {
        return tier == Tier.NAME_AND_BIAS && labels.stream().anyMatch(l -> l.role() == Role.BIAS
                && l.part().kind() == Kind.OUTPUT);
    }

    /** The text boxes drawn, in drawing order. */
    List<Box> textBoxes() {
        return labels.stream().map(Label::box).toList();
    }

    /** The boxes the arrows may cover. */
    List<Box> arrowBoxes() {
        return slots.values().stream().map(Slot::box).toList();
    }

    /** How many pairs of arrow places overlap (none unless {@link #arrowsOverlap}). */
    int arrowOverlaps() {
        List<Box> boxes = arrowBoxes();
        int count = 0;
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).intersects(boxes.get(j), 0)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Every neuron's disc, ring and outline included. */
    List<Disc> discs() {
        List<Disc> discs = new ArrayList<>();
        if (isEmpty()) {
            return discs;
        }
        for (Point2D c : inputs) {
            discs.add(new Disc(c, inputReach(outerRadius)));
        }
        for (List<Point2D> layer : layers) {
            for (Point2D c : layer) {
                discs.add(new Disc(c, ringedReach(hiddenRadius)));
            }
        }
        discs.add(new Disc(output, ringedReach(outerRadius)));
        return discs;
    }

    /** The bias ring's width for a neuron of radius {@code r}: thinner on small neurons so they stay apart. */
    static double ringWidth(double bias, double r) {
        double widest = NetworkView.WIDEST_WEIGHT;
        double m = Double.isFinite(bias) ? Math.min(Math.abs(bias), widest) : widest;
        return (2 + 4 * m / NetworkView.WIDEST_WEIGHT) * Math.min(1, r / 15);
    }

    /** How far from its centre a ringed neuron of radius {@code r} can paint. */
    static double ringedReach(double r) {
        return r + ringWidth(NetworkView.WIDEST_WEIGHT, r) + 0.5;
    }

    /** How far from its centre an input neuron (no ring, hover outline 3 px) can paint. */
    static double inputReach(double r) {
        return r + 1.5;
    }

    /** Half the width an arrow up to {@code longest} long covers, its white outline included. */
    static double arrowHalfWidth(double longest) {
        return arrowHead(longest) + ARROW_HALO;
    }

    /** The arrow head's half width and height for arrows up to {@code longest}. */
    static double arrowHead(double longest) {
        return Math.min(7, Math.max(3, longest * 0.3));
    }

    /** The width the legend needs (its three rows, without the optional arrows line) for a sigmoid's scale. */
    static double legendWidth() {
        return legendWidth(Activation.SIGMOID);
    }

    /** The width the legend needs with the scale of {@code activation}. */
    static double legendWidth(Activation activation) {
        double row1 = width("edge width = |weight|:", Fonts.SMALL) + 10;
        for (String s : new String[] {"0.5", "2", "8+"}) {
            row1 += 32 + width(s, Fonts.SMALL) + 14;
        }
        double row2 = 2 * 30 + width("positive", Fonts.SMALL) + width("negative", Fonts.SMALL) + 2 * 16 + 8
                + width("ring = bias", Fonts.SMALL);
        double row3 = width("node fill = activation", Fonts.SMALL) + 10 + width(ActivationScale.low(activation),
                Fonts.SMALL) + 5 + 95 + width("1", Fonts.SMALL)
                + (activation == Activation.SIGMOID ? 0 : 10 + width(NetworkLegend.OUTPUT_SCALE, Fonts.SMALL));
        return Math.max(row1, Math.max(row2, row3));
    }

    private static double width(String text, Font font) {
        return measure(text, font).getWidth();
    }

    /** Text sizes measured so far: a layout measures the same few strings many times, and each costs a Text node. */
    private static final Map<MeasureKey, Bounds> MEASURED = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<MeasureKey, Bounds> eldest) {
                    return size() > 512;
                }
            });

    private record MeasureKey(String text, Font font) {
    }

    private static Bounds measure(String text, Font font) {
        MeasureKey key = new MeasureKey(text, font);
        Bounds b = MEASURED.get(key);
        if (b == null) {
            b = Fonts.measure(text, font);
            MEASURED.put(key, b);
        }
        return b;
    }

    /**
     * The layout for {@code spec}: with the legend if it is wanted and fits without hiding labels or shrinking the
     * arrows below a comfortable length, else whichever of with and without the legend shows more.
     */
    static NetworkLayout compute(Spec spec) {
        boolean legendFits = spec.legendWanted() && LEFT + legendWidth(spec.activation()) + 8 <= spec.width();
        if (spec.depth() > 1) {
            return computeDeep(spec, legendFits);
        }
        NetworkLayout best = null;
        for (boolean legend : legendFits ? new boolean[] {true, false} : new boolean[] {false}) {
            for (double column : HIDDEN_COLUMN) {
                NetworkLayout l = place(spec, legend, column);
                if (l.isComplete(spec) && (legend || !legendFits)) {
                    return l;
                }
                if (best == null || l.score() > best.score()) {
                    best = l;
                }
            }
        }
        return best;
    }

    /**
     * A deeper network (two hidden layers or more): no arrows (the last step's trace holds only the first layer and
     * the output) and no bias numbers (the rings and the hover card have them); each layer named over its column
     * ("layer 2", else "L2"), the layers' names giving way first, then the legend, so that every neuron's figure
     * fits inside it where the view has room for that at all.
     */
    private static NetworkLayout computeDeep(Spec spec, boolean legendFits) {
        NetworkLayout best = null;
        double bestScore = -1;
        for (boolean legend : legendFits ? new boolean[] {true, false} : new boolean[] {false}) {
            for (Tier tier : new Tier[] {Tier.NAME, Tier.SMALL_NAME, Tier.NONE}) {
                Geometry g = Geometry.ofDeep(spec, legend, tier != Tier.NONE);
                NetworkLayout l = g == null ? null : attemptDeep(spec, g, tier);
                if (l == null) {
                    continue;
                }
                boolean figures = l.decimals > 0;
                double score = (figures ? 1000 : 0) + l.decimals * 50 + (Tier.values().length - tier.ordinal()) * 100 + (legend ? 10 : 0);
                if (l.decimals == 2 && tier == Tier.NAME && (legend || !legendFits)) {
                    return l;
                }
                if (score > bestScore) {
                    best = l;
                    bestScore = score;
                }
            }
        }
        return best != null ? best
                : new NetworkLayout(null, new ArrayList<>(), new LinkedHashMap<>(), Tier.NONE, 0, false, 0);
    }

    /**
     * The decimals a hidden unit of radius {@code r} can hold its figure with in one of the value fonts: 2 ("-0.25"),
     * 1 ("-0.3") or none (0).
     */
    static int decimalsThatFit(double r) {
        // The widest figure below 10 in magnitude: a sigmoid's and tanh's always are, ReLU's and linear's mostly.
        return NetworkView.valueFont("-8.88", r) != null ? 2 : NetworkView.valueFont("-8.8", r) != null ? 1 : 0;
    }

    /** The hint under a deeper network: where the figures do not fit, the hover card has them. */
    static final String VALUES_HINT = "hover a neuron for its value and bias";
    static final String SHORT_VALUES_HINT = "hover for values";

    /**
     * The caption (the long one, else the short one, where either finds room) at height {@code captionY}, and each
     * input's name left of its node, or above it.
     */
    private static void placeCaptionAndInputs(Spec spec, Geometry g, Placer p, List<Label> labels, double captionY) {
        for (String text : List.of(spec.caption(), spec.shortCaption())) {
            Box b = textBox(text, Fonts.LABEL, LEFT, captionY);
            if (p.free(b)) {
                labels.add(p.take(new Label(Role.CAPTION, null, text, Fonts.LABEL, b)));
                break;
            }
        }
        for (int k = 0; k < g.inputs.size(); k++) {
            Point2D c = g.inputs.get(k);
            String name = spec.inputNames().get(k);
            double w = width(name, Fonts.LABEL) + 2 * HALO;
            double h = height(Fonts.LABEL);
            double reach = inputReach(g.outerRadius);
            p.first(labels, Role.NAME, new Part(Kind.INPUT, k, 0), name, Fonts.LABEL,
                    new Box(c.getX() - reach - 4 - w, c.getY() - h / 2, w, h),
                    new Box(c.getX() - w / 2, c.getY() - reach - GAP - 1 - h, w, h));
        }
    }

    /** The caption, input and output names, the layers' names (for {@code tier}) and the hint; null if a layer's name finds no room. */
    private static NetworkLayout attemptDeep(Spec spec, Geometry g, Tier tier) {
        Placer p = new Placer(g);
        List<Label> labels = new ArrayList<>();
        placeCaptionAndInputs(spec, g, p, labels, ((spec.height() >= 320 ? 40 : 30) - height(Fonts.LABEL)) / 2);
        Point2D out = g.output;
        double outReach = ringedReach(g.outerRadius);
        Part output = new Part(Kind.OUTPUT, 0, 0);
        double nh = height(Fonts.LABEL);
        double nw = width("y_hat", Fonts.LABEL) + 2 * HALO;
        p.first(labels, Role.NAME, output, "y_hat", Fonts.LABEL,
                new Box(out.getX() + outReach + 4, out.getY() - nh / 2, nw, nh),
                new Box(out.getX() - nw / 2, out.getY() - outReach - GAP - 1 - nh, nw, nh),
                new Box(Math.min(out.getX() - nw / 2, g.width - 2 - nw), out.getY() - outReach - GAP - 1 - nh, nw, nh),
                new Box(Math.min(out.getX() - nw / 2, g.width - 2 - nw), out.getY() + outReach + GAP + 1, nw, nh));
        double bw = width(spec.outputBias(), Fonts.SMALL) + 2 * HALO;
        double bh = height(Fonts.SMALL);
        p.first(labels, Role.BIAS, output, spec.outputBias(), Fonts.SMALL,
                new Box(out.getX() - bw / 2, out.getY() + outReach + GAP + 1, bw, bh),
                new Box(Math.min(out.getX() - bw / 2, g.width - 2 - bw), out.getY() + outReach + GAP + 1, bw, bh));
        if (tier != Tier.NONE) {
            Font font = tier == Tier.NAME ? Fonts.LABEL : Fonts.SMALL;
            double h = height(font);
            double y = g.top - 2 - h;
            for (int l = 0; l < g.layers.size(); l++) {
                String name = tier == Tier.NAME ? "layer " + (l + 1) : "L" + (l + 1);
                double w = width(name, font) + 2 * HALO;
                double x = g.layers.get(l).get(0).getX();
                if (p.first(labels, Role.NAME, new Part(Kind.HIDDEN, l + 1, -1, 0), name, font,
                        new Box(x - w / 2, y, w, h)) == null) {
                    return null;
                }
            }
        }
        double h = height(Fonts.SMALL);
        boolean figures = decimalsThatFit(g.hiddenRadius) > 0;
        for (String hint : figures ? List.of(HINT, SHORT_HINT) : List.of(VALUES_HINT, SHORT_VALUES_HINT)) {
            double w = width(hint, Fonts.SMALL) + 2 * HALO;
            if (p.first(labels, Role.HINT, null, hint, Fonts.SMALL,
                    new Box(LEFT, g.limitY - 2 - h, w, h),
                    new Box(g.width - 6 - w, g.limitY - 2 - h, w, h)) != null) {
                break;
            }
        }
        return new NetworkLayout(g, labels, new LinkedHashMap<>(), tier, 0, false, 0);
    }

    /** Where the hidden column may sit between the inputs and the output, the first preferred. */
    private static final double[] HIDDEN_COLUMN = {0.46, 0.38, 0.54};

    /** True if nothing was given up: every label shown, arrows at their longest. */
    private boolean isComplete(Spec spec) {
        return !isEmpty() && tier == Tier.NAME_AND_BIAS && (!spec.arrows() || longestArrow == ARROW_LENGTHS[0]);
    }

    /**
     * Higher is better: more labels first, then longer arrows, the legend (worth 10 px of arrow), labels beside
     * their neurons (7 px each) and the hidden column in the middle.
     */
    private double score() {
        if (isEmpty()) {
            return -1;
        }
        return (Tier.values().length - tier.ordinal()) * 100 + longestArrow + (legend ? 10 : 0)
                - 7 * offside + (column == HIDDEN_COLUMN[0] ? 1 : 0);
    }

    private static NetworkLayout place(Spec spec, boolean legend, double column) {
        Geometry g = Geometry.of(spec, legend, column);
        if (g == null) {
            return new NetworkLayout(null, new ArrayList<>(), new LinkedHashMap<>(), Tier.NONE, 0, false, 0);
        }
        if (!spec.arrows()) {
            for (Tier tier : Tier.values()) {
                NetworkLayout l = attempt(spec, g, tier, 0, Mode.STRICT);
                if (l != null) {
                    return l;
                }
            }
        } else {
            // Labels only take room from the arrows, so a length at which the arrows do not fit without any labels
            // is not tried with them.
            List<Double> fitting = new ArrayList<>();
            for (double length : ARROW_LENGTHS) {
                if (attempt(spec, g, Tier.NONE, length, Mode.STRICT) != null) {
                    fitting.add(length);
                }
            }
            // Names matter more than the arrows' last few pixels, the arrows more than small names.
            Tier[] tiers = {Tier.NAME_AND_BIAS, Tier.NAME, Tier.NAME_AND_BIAS, Tier.NAME, Tier.SMALL_NAME,
                    Tier.SMALL_NAME, Tier.NONE, Tier.NONE};
            for (int i = 0; i < tiers.length; i++) {
                boolean comfortable = i < 2 || i == 4 || i == 6;
                for (double length : fitting) {
                    if ((length >= COMFORTABLE_ARROW) == comfortable) {
                        NetworkLayout l = attempt(spec, g, tiers[i], length, Mode.STRICT);
                        if (l != null) {
                            return l;
                        }
                    }
                }
            }
            // Very crowded (8 units in 280x200): short arrows that may overlap each other, still clear of all text.
            // There is no room for the bias numbers then; each further step down in labels must save more than
            // three overlapping pairs of arrows.
            double shortest = ARROW_LENGTHS[ARROW_LENGTHS.length - 1];
            NetworkLayout best = null;
            int fewest = Integer.MAX_VALUE;
            for (Tier tier : List.of(Tier.NAME, Tier.SMALL_NAME, Tier.NONE)) {
                NetworkLayout l = attempt(spec, g, tier, shortest, Mode.RELAXED);
                if (l != null && l.arrowOverlaps() + 3 * tier.ordinal() < fewest) {
                    best = l;
                    fewest = l.arrowOverlaps() + 3 * tier.ordinal();
                }
            }
            if (best != null) {
                return best;
            }
        }
        return attempt(spec, g, Tier.NONE, spec.arrows() ? ARROW_LENGTHS[ARROW_LENGTHS.length - 1] : 0, Mode.FORCE);
    }

    /**
     * How strictly arrows are kept apart: from everything (strict), from text and neurons only (relaxed), or, as
     * the very last resort, put at their first choice with any text they would cover left out (force).
     */
    private enum Mode { STRICT, RELAXED, FORCE }

    /** Places everything for one tier and arrow length; null if some arrow or hidden label finds no room. */
    private static NetworkLayout attempt(Spec spec, Geometry g, Tier tier, double length, Mode mode) {
        Placer p = new Placer(g);
        p.arrowsMayOverlap = mode != Mode.STRICT;
        int offside = 0;
        boolean force = mode == Mode.FORCE;
        List<Label> labels = new ArrayList<>();
        Map<Part, Slot> slots = new LinkedHashMap<>();

        // The caption, shortened if need be.
        placeCaptionAndInputs(spec, g, p, labels, (g.top - height(Fonts.LABEL)) / 2);
        // The output: y_hat to its right (or above), its bias under it, and the bias's arrow after the number.
        Point2D out = g.output;
        double outReach = ringedReach(g.outerRadius);
        {
            String name = "y_hat";
            double w = width(name, Fonts.LABEL) + 2 * HALO;
            double h = height(Fonts.LABEL);
            p.first(labels, Role.NAME, new Part(Kind.OUTPUT, 0, 0), name, Fonts.LABEL,
                    new Box(out.getX() + outReach + 4, out.getY() - h / 2, w, h),
                    new Box(out.getX() - w / 2, out.getY() - outReach - GAP - 1 - h, w, h));
            double bw = width(spec.outputBias(), Fonts.SMALL) + 2 * HALO;
            double bh = height(Fonts.SMALL);
            Part part = new Part(Kind.OUTPUT, 0, 0);
            double arrowRoom = length > 0 ? 2 * arrowHalfWidth(length) + GAP + 2 : 0;
            List<Box> spots = List.of(
                    new Box(out.getX() - bw / 2, out.getY() + outReach + GAP + 1, bw, bh),
                    // Moved left so that the arrow after it stays inside a narrow view.
                    new Box(Math.min(out.getX() - bw / 2, g.width - 2 - arrowRoom - bw),
                            out.getY() + outReach + GAP + 1, bw, bh),
                    new Box(out.getX() + outReach + 4, out.getY() + outReach * 0.5, bw, bh),
                    new Box(out.getX() - bw / 2, out.getY() - outReach - GAP - 1 - bh, bw, bh));
            if (length == 0) {
                p.first(labels, Role.BIAS, part, spec.outputBias(), Fonts.SMALL, spots.toArray(Box[]::new));
            } else {
                boolean placed = false;
                for (Box b : spots) {
                    if (!p.free(b)) {
                        continue;
                    }
                    Label bias = p.take(new Label(Role.BIAS, part, spec.outputBias(), Fonts.SMALL, b));
                    if (p.slot(slots, part, after(b, length, 0), length)) {
                        labels.add(bias);
                        placed = true;
                        break;
                    }
                    p.boxes.remove(b);
                }
                // No room for the arrow beside the number: the arrow matters more, the hover card has the number.
                List<Point2D> hugging = hug(out, outReach, length, true, false, false);
                placed = placed || p.slot(slots, part, hugging, length);
                if (!placed && !forceSlot(force, p, slots, part, hugging, length)) {
                    return null;
                }
            }
        }
        // Each hidden unit's name and bias to its right: above its edge to the output for the units above the
        // output, below it for the others, so that the edge does not run through them.
        for (int j = 0; j < g.hidden.size(); j++) {
            Point2D c = g.hidden.get(j);
            boolean above = c.getY() <= out.getY() + 0.5;
            double reach = ringedReach(g.hiddenRadius);
            Part part = new Part(Kind.HIDDEN, j, 0);
            String name = "h" + (j + 1);
            if (tier == Tier.NAME_AND_BIAS) {
                String bias = spec.hiddenBiases().get(j);
                Label[] placed = null;
                for (boolean side : new boolean[] {above, !above}) {
                    placed = p.pair(part, name, bias, c.getX() + reach + 3, c.getY(), side);
                    if (placed != null) {
                        break;
                    }
                }
                // Where the view is roomy but the output is close: centred over (or under) the neuron.
                if (placed == null) {
                    offside++;
                }
                for (int i = 0; placed == null && i < 2; i++) {
                    boolean over = (i == 0) == above;
                    double pairWidth = p.pairWidth(name, bias);
                    double nh = height(Fonts.LABEL);
                    double y = over ? c.getY() - reach - GAP - 1 : c.getY() + reach + GAP + 3 + nh;
                    placed = p.pair(part, name, bias, c.getX() - pairWidth / 2, y, true);
                }
                if (placed == null) {
                    return null;
                }
                labels.add(placed[0]);
                labels.add(placed[1]);
                if (length > 0) {
                    // After the number, level with it or moved towards the neuron's centre line to stay clear.
                    List<Point2D> spots = after(placed[1].box(), length, c.getY() - placed[1].box().centreY());
                    spots.addAll(hug(c, reach, length, false, !above, true));
                    if (!p.slot(slots, part, spots, length) && !forceSlot(force, p, slots, part, spots, length)) {
                        return null;
                    }
                }
            } else {
                // The bias's arrow hugs the ring (the ring is the bias), the name follows it.
                double nameX = c.getX() + reach + 3;
                if (length > 0) {
                    List<Point2D> spots = hug(c, reach, length, true, !above, false);
                    if (!p.slot(slots, part, spots, length) && !forceSlot(force, p, slots, part, spots, length)) {
                        return null;
                    }
                }
                if (tier != Tier.NONE) {
                    Font font = tier == Tier.NAME ? Fonts.LABEL : Fonts.SMALL;
                    double w = width(name, font) + 2 * HALO;
                    double h = height(font);
                    List<Box> spots = new ArrayList<>();
                    Slot slot = slots.get(part);
                    for (boolean side : new boolean[] {above, !above}) {
                        double y = side ? c.getY() - 2 - h : c.getY() + 2;
                        spots.add(new Box(nameX, y, w, h));
                        if (slot != null) {
                            spots.add(new Box(slot.box().right() + GAP + 1, y, w, h));
                        }
                    }
                    if (p.first(labels, Role.NAME, part, name, font, spots.toArray(Box[]::new)) == null) {
                        return null;
                    }
                }
            }
        }
        if (length > 0) {
            // The weights' arrows on their edges, in tidy columns where they fit: every W2 arrow at the same point
            // of its edge (about the middle, past the hidden units' labels), each input's W1 arrows at the same point
            // of theirs (a little past the middle, towards the hidden units, where the edges fan apart); in a
            // crowded view in two staggered columns, and failing that wherever each finds room.
            if (!placeW2(p, slots, g, length, false) && !(force && placeW2(p, slots, g, length, true))) {
                return null;
            }
            if (!placeW1(p, slots, g, length, false) && !(force && placeW1(p, slots, g, length, true))) {
                return null;
            }
        }
        boolean outputBias = labels.stream().anyMatch(l -> l.role() == Role.BIAS && l.part().kind() == Kind.OUTPUT);
        if (tier != Tier.NAME_AND_BIAS || !outputBias) {
            double h = height(Fonts.SMALL);
            for (String hint : List.of(HINT, SHORT_HINT)) {
                double w = width(hint, Fonts.SMALL) + 2 * HALO;
                if (p.first(labels, Role.HINT, null, hint, Fonts.SMALL,
                        new Box(LEFT, g.limitY - 2 - h, w, h),
                        new Box(g.width - 6 - w, g.limitY - 2 - h, w, h),
                        new Box(g.width - 6 - w, (g.top - h) / 2, w, h)) != null) {
                    break;
                }
            }
        }
        if (force) {
            labels.removeIf(l -> slots.values().stream().anyMatch(slot -> slot.box().intersects(l.box(), 0)));
        }
        return new NetworkLayout(g, labels, slots, tier, length, mode != Mode.STRICT, offside);
    }

    /** The W2 arrows: all at one point of their edges, else staggered, else one by one; false if some find no room. */
    private static boolean placeW2(Placer p, Map<Part, Slot> slots, Geometry g, double length, boolean force) {
        int n = g.hidden.size();
        List<Part> parts = new ArrayList<>();
        List<Point2D[]> edges = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            parts.add(new Part(Kind.W2, j, 0));
            edges.add(new Point2D[] {g.hidden.get(j), g.output});
        }
        double dt = (2 * arrowHalfWidth(length) + GAP + 1) / (g.output.getX() - g.hidden.get(0).getX());
        return placeEdges(p, slots, parts, edges, length, 0.5, j -> j % 2 == 0 ? 0 : dt, force);
    }

    /** The W1 arrows: x1's at one point of their edges and x2's at one point of theirs, else one by one. */
    private static boolean placeW1(Placer p, Map<Part, Slot> slots, Geometry g, double length, boolean force) {
        List<Part> parts = new ArrayList<>();
        List<Point2D[]> edges = new ArrayList<>();
        for (int j = 0; j < g.hidden.size(); j++) {
            for (int k = 0; k < g.inputs.size(); k++) {
                parts.add(new Part(Kind.W1, j, k));
                edges.add(new Point2D[] {g.inputs.get(k), g.hidden.get(j)});
            }
        }
        double dt = (2 * arrowHalfWidth(length) + GAP + 1) / (g.hidden.get(0).getX() - g.inputs.get(0).getX());
        return placeEdges(p, slots, parts, edges, length, 0.6, i -> i % 2 == 0 ? 0 : -dt, force)
                || placeEdges(p, slots, parts, edges, length, 0.6, i -> i % 2 == 0 ? -dt : 0, false);
    }

    /**
     * Arrows on edges: first all at the same point t of their edges, for t from {@code preferred} outwards; then with
     * every second one shifted by {@code shift}; then one by one, each at the first free point of its own edge.
     * Everything or nothing is placed, unless {@code force}, when what finds no room goes to its first choice.
     */
    private static boolean placeEdges(Placer p, Map<Part, Slot> slots, List<Part> parts, List<Point2D[]> edges,
                                      double length, double preferred, IntToDoubleFunction shift,
                                      boolean force) {
        // Tidy columns only where the arrows keep apart: overlapping ones would pile up on one line.
        if (!force && !p.arrowsMayOverlap) {
            for (boolean staggered : new boolean[] {false, true}) {
                for (double t : ts(preferred, 0.05)) {
                    List<Slot> row = new ArrayList<>();
                    for (int i = 0; i < parts.size(); i++) {
                        double ti = t + (staggered ? shift.applyAsDouble(i) : 0);
                        Point2D[] e = edges.get(i);
                        Point2D at = at(e[0], e[1], ti);
                        row.add(new Slot(parts.get(i), at.getX(), at.getY(), length));
                    }
                    if (p.all(slots, row)) {
                        return true;
                    }
                }
            }
        }
        int mark = p.boxes.size();
        List<Part> added = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Point2D[] e = edges.get(i);
            List<Point2D> spots = new ArrayList<>();
            for (double t : ts(preferred, 0.025)) {
                spots.add(at(e[0], e[1], t));
            }
            if (p.slot(slots, parts.get(i), spots, length) || forceSlot(force, p, slots, parts.get(i), spots, length)) {
                added.add(parts.get(i));
            } else {
                p.truncate(mark);
                added.forEach(slots::remove);
                return false;
            }
        }
        return true;
    }

    /** Points t along an edge, from {@code preferred} outwards in both directions, keeping clear of its ends. */
    private static List<Double> ts(double preferred, double step) {
        List<Double> ts = new ArrayList<>();
        for (int i = 0; i <= 2 * (int) Math.ceil(0.5 / step); i++) {
            double t = preferred + (i + 1) / 2 * step * (i % 2 == 0 ? 1 : -1);
            if (t > 0.05 && t < 0.95) {
                ts.add(t);
            }
        }
        return ts;
    }

    private static Point2D at(Point2D a, Point2D b, double t) {
        return new Point2D(a.getX() + t * (b.getX() - a.getX()), a.getY() + t * (b.getY() - a.getY()));
    }

    /**
     * In the last resort, an arrow that finds no free room goes to its first choice anyway (not reached at any size
     * the tests check).
     */
    private static boolean forceSlot(boolean force, Placer p, Map<Part, Slot> slots, Part part, List<Point2D> spots,
                                     double length) {
        if (!force || spots.isEmpty()) {
            return false;
        }
        Point2D at = spots.get(0);
        Slot slot = new Slot(part, at.getX(), at.getY(), length);
        slots.put(part, slot);
        p.addArrow(slot.box());
        return true;
    }

    /**
     * Spots for an arrow right after a text box: level with it, then moved up to a third of its length towards
     * {@code towards} (a vertical offset; 0 for both ways).
     */
    private static List<Point2D> after(Box text, double length, double towards) {
        double x = text.right() + GAP + 1 + arrowHalfWidth(length);
        List<Point2D> spots = new ArrayList<>();
        spots.add(new Point2D(x, text.centreY()));
        for (double shift : new double[] {length / 6, length / 3}) {
            if (towards >= 0) {
                spots.add(new Point2D(x, text.centreY() + shift));
            }
            if (towards <= 0) {
                spots.add(new Point2D(x, text.centreY() - shift));
            }
        }
        return spots;
    }

    /**
     * Spots for a neuron's bias arrow just outside its ring: if {@code beside}, to its right on the {@code below}
     * side of its centre; then straight above and below it, that side first; last (unless {@code oneSide}) to its
     * right on the other side, where a hidden unit's edge to the output runs and the arrow is less clearly the
     * bias's. Never on its left, where the W1 arrows are.
     */
    private static List<Point2D> hug(Point2D c, double reach, double length, boolean beside, boolean below,
                                     boolean oneSide) {
        double hw = arrowHalfWidth(length);
        double hh = length / 2 + ARROW_HALO;
        double right = c.getX() + reach + GAP + 1 + hw;
        List<Point2D> spots = new ArrayList<>();
        if (beside) {
            spots.add(new Point2D(right, below ? c.getY() + hh + 1 : c.getY() - hh - 1));
        }
        Point2D over = new Point2D(c.getX(), c.getY() - reach - GAP - 1 - hh);
        Point2D under = new Point2D(c.getX(), c.getY() + reach + GAP + 1 + hh);
        spots.add(below ? under : over);
        spots.add(below ? over : under);
        if (beside && !oneSide) {
            spots.add(new Point2D(right, below ? c.getY() - hh - 1 : c.getY() + hh + 1));
        }
        return spots;
    }

    /** The box of a text drawn with its top-left at (x, y), its white outline included. */
    private static Box textBox(String text, Font font, double x, double y) {
        Bounds b = measure(text, font);
        return new Box(x, y, b.getWidth() + 2 * HALO, b.getHeight());
    }

    private static double height(Font font) {
        return measure("Xg", font).getHeight();
    }

    /** Where the neurons go, and the room the rest may use. */
    private static final class Geometry {
        final double width;
        final double height;
        final double top;
        final double limitY;
        final boolean legend;
        double column;
        final List<Point2D> inputs = new ArrayList<>();
        final List<Point2D> hidden = new ArrayList<>();
        final List<List<Point2D>> layers = new ArrayList<>();
        Point2D output;
        double hiddenRadius;
        double outerRadius;

        private Geometry(double width, double height, double top, double limitY, boolean legend) {
            this.width = width;
            this.height = height;
            this.top = top;
            this.limitY = limitY;
            this.legend = legend;
        }

        static Geometry of(Spec spec, boolean legend, double column) {
            double w = spec.width();
            double h = spec.height();
            double top = h >= 320 ? 40 : 30;
            double bottom = h - (legend ? LEGEND : NO_LEGEND);
            int units = spec.hidden();
            double span = bottom - top;
            if (w < 160 || span < 60 || units < 1) {
                return null;
            }
            Geometry g = new Geometry(w, h, top, legend ? h - LEGEND : h, legend);
            g.column = column;
            double spacing = span / units;
            double slot = span / Math.max(units, 2);
            int inputs = spec.inputNames().size();
            double inputSlot = span / Math.max(inputs, 2);
            // Inputs and output: up to 16 px (more only if the hidden units are larger), less in a narrow view.
            double outer = Math.min(16, Math.min(inputSlot * 0.38, w / 24));
            // Room for "x2" left of the inputs and "y_hat" right of the output; more where the view is wide.
            double inX = Math.max(LEFT + spec.widestInputName() + 2 * HALO + 4 + inputReach(outer), w * 0.13);
            // In a narrow view "y_hat" goes above the output, leaving room on its right only for the bias's arrow.
            double yHat = w >= 360 ? ringedReach(outer) + 4 + width("y_hat", Fonts.LABEL) + 2 * HALO + 4
                    : ringedReach(outer) + 2 * arrowHalfWidth(ARROW_LENGTHS[ARROW_LENGTHS.length - 1]) + 8;
            double outX = w - Math.max(yHat, w * 0.15);
            double hidX = inX + column * (outX - inX);
            double r = Math.min(32, Math.min(slot * 0.38, (outX - inX) * 0.09));
            // Neighbouring hidden units never touch, rings included (a ring is at most 6/15 of a small radius).
            double apart = r >= 15 ? (spacing - 2 * 6 - 4) / 2 : (spacing - 4) / 2.8;
            // The inputs take the hidden units' radius if larger: with many inputs that must fit their column too.
            g.hiddenRadius = Math.max(3, Math.min(Math.min(r, apart), inputs > 2 ? inputSlot * 0.38 : r));
            g.outerRadius = Math.max(g.hiddenRadius, outer);
            for (int k = 0; k < inputs; k++) {
                g.inputs.add(new Point2D(inX, top + (k + 0.5) * span / inputs));
            }
            for (int j = 0; j < units; j++) {
                g.hidden.add(new Point2D(hidX, top + (j + 0.5) * spacing));
            }
            g.layers.add(g.hidden);
            g.output = new Point2D(outX, (top + bottom) / 2);
            return g;
        }

        /**
         * A deeper network's columns: the inputs, each hidden layer and the output evenly apart, each layer's units
         * spread over the height as the notebook's one layer is, all hidden units of one radius (set by the widest
         * layer); with {@code headers}, a band under the caption for the layers' names.
         */
        static Geometry ofDeep(Spec spec, boolean legend, boolean headers) {
            Geometry g = ofDeep(spec, legend, headers, 0);
            // Neurons too small for any figure: they give up a line for the hint that the hover card has them.
            return g == null || decimalsThatFit(g.hiddenRadius) > 0 ? g
                    : ofDeep(spec, legend, headers, height(Fonts.SMALL) + 4);
        }

        private static Geometry ofDeep(Spec spec, boolean legend, boolean headers, double hintRow) {
            double w = spec.width();
            double h = spec.height();
            double top = (h >= 320 ? 40 : 30) + (headers ? height(Fonts.LABEL) + 2 : 0);
            double bottom = h - (legend ? LEGEND : NO_LEGEND) - hintRow;
            double span = bottom - top;
            if (w < 160 || span < 60) {
                return null;
            }
            int widest = 1;
            for (int l = 0; l < spec.depth(); l++) {
                widest = Math.max(widest, spec.width(l));
            }
            Geometry g = new Geometry(w, h, top, legend ? h - LEGEND : h, legend);
            double spacing = span / widest;
            int inputs = spec.inputNames().size();
            double inputSlot = span / Math.max(inputs, 2);
            double outer = Math.min(16, Math.min(inputSlot * 0.38, w / 24));
            double inX = Math.max(LEFT + spec.widestInputName() + 2 * HALO + 4 + inputReach(outer), w * 0.08);
            double yHat = w >= 360 ? ringedReach(outer) + 4 + width("y_hat", Fonts.LABEL) + 2 * HALO + 4
                    : ringedReach(outer) + 8;
            double outX = w - Math.max(yHat, w * 0.1);
            double apartX = (outX - inX) / (spec.depth() + 1);
            double r = Math.min(32, Math.min(span / Math.max(widest, 2) * 0.38, apartX * 0.3));
            double apart = r >= 15 ? (spacing - 2 * 6 - 4) / 2 : (spacing - 4) / 2.8;
            g.hiddenRadius = Math.max(3, Math.min(Math.min(r, apart), inputs > 2 ? inputSlot * 0.38 : r));
            g.outerRadius = Math.max(g.hiddenRadius, outer);
            for (int k = 0; k < inputs; k++) {
                g.inputs.add(new Point2D(inX, top + (k + 0.5) * span / inputs));
            }
            for (int l = 0; l < spec.depth(); l++) {
                int units = spec.width(l);
                List<Point2D> layer = new ArrayList<>();
                for (int j = 0; j < units; j++) {
                    layer.add(new Point2D(inX + (l + 1) * apartX, top + (j + 0.5) * span / units));
                }
                g.layers.add(layer);
            }
            g.hidden.addAll(g.layers.get(0));
            g.output = new Point2D(outX, (top + bottom) / 2);
            return g;
        }
    }

    /** Keeps what has been placed and says whether a new box is free. */
    private static final class Placer {
        final Geometry g;
        final List<Box> boxes = new ArrayList<>();
        /** The arrows' boxes among {@link #boxes}. */
        final Set<Box> arrowBoxes = new HashSet<>();
        /** True if arrows may overlap each other (never text or neurons): the last resort of a very crowded view. */
        boolean arrowsMayOverlap;
        final List<Disc> discs = new ArrayList<>();

        Placer(Geometry g) {
            this.g = g;
            for (Point2D c : g.inputs) {
                discs.add(new Disc(c, inputReach(g.outerRadius)));
            }
            for (List<Point2D> layer : g.layers) {
                for (Point2D c : layer) {
                    discs.add(new Disc(c, ringedReach(g.hiddenRadius)));
                }
            }
            discs.add(new Disc(g.output, ringedReach(g.outerRadius)));
        }

        boolean free(Box b) {
            return free(b, false);
        }

        boolean free(Box b, boolean arrow) {
            if (b.x() < 1 || b.y() < 1 || b.right() > g.width - 1 || b.bottom() > g.limitY - 1) {
                return false;
            }
            for (Box o : boxes) {
                if (arrow && arrowsMayOverlap && arrowBoxes.contains(o)) {
                    continue;
                }
                if (b.intersects(o, GAP)) {
                    return false;
                }
            }
            for (Disc d : discs) {
                if (b.touches(d.centre(), d.radius(), GAP)) {
                    return false;
                }
            }
            return true;
        }

        Label take(Label label) {
            boxes.add(label.box());
            return label;
        }

        /** Places a text at the first free box of {@code spots} (all of the text's size); null if none is free. */
        Label first(List<Label> labels, Role role, Part part, String text, Font font, Box... spots) {
            for (Box b : spots) {
                if (free(b)) {
                    Label l = take(new Label(role, part, text, font, b));
                    labels.add(l);
                    return l;
                }
            }
            return null;
        }

        /**
         * A hidden unit's name and bias on one line starting at {@code x}, above ({@code above}) or below the level
         * {@code y} of its centre; both are taken, or neither (null).
         */
        double pairWidth(String name, String bias) {
            return width(name, Fonts.LABEL) + 2 * HALO + 2 + width(bias, Fonts.SMALL) + 2 * HALO;
        }

        Label[] pair(Part part, String name, String bias, double x, double y, boolean above) {
            double nw = width(name, Fonts.LABEL) + 2 * HALO;
            double nh = height(Fonts.LABEL);
            double bw = width(bias, Fonts.SMALL) + 2 * HALO;
            double bh = height(Fonts.SMALL);
            Box nameBox = new Box(x, above ? y - 2 - nh : y + 2, nw, nh);
            // The number sits on the name's baseline side: level with its bottom above the centre, its top below.
            Box biasBox = new Box(nameBox.right() + 2, above ? nameBox.bottom() - bh : nameBox.y(), bw, bh);
            if (!free(nameBox) || !free(biasBox)) {
                return null;
            }
            return new Label[] {take(new Label(Role.NAME, part, name, Fonts.LABEL, nameBox)),
                    take(new Label(Role.BIAS, part, bias, Fonts.SMALL, biasBox))};
        }

        void addArrow(Box b) {
            boxes.add(b);
            arrowBoxes.add(b);
        }

        /** Forgets everything placed after the first {@code mark} boxes. */
        void truncate(int mark) {
            List<Box> dropped = boxes.subList(mark, boxes.size());
            dropped.forEach(arrowBoxes::remove);
            dropped.clear();
        }

        /** Reserves every slot of {@code row} if each is free (of the others too); else none, and false. */
        boolean all(Map<Part, Slot> slots, List<Slot> row) {
            int mark = boxes.size();
            for (Slot s : row) {
                if (!free(s.box(), true)) {
                    truncate(mark);
                    return false;
                }
                addArrow(s.box());
            }
            for (Slot s : row) {
                slots.put(s.part(), s);
            }
            return true;
        }

        /**
         * Reserves the first free spot for an arrow; false if none is free. Where arrows may overlap, a spot clear of
         * the other arrows still comes first.
         */
        boolean slot(Map<Part, Slot> slots, Part part, List<Point2D> spots, double length) {
            Slot best = null;
            double bestOverlap = Double.MAX_VALUE;
            for (Point2D at : spots) {
                Slot s = new Slot(part, at.getX(), at.getY(), length);
                if (free(s.box())) {
                    best = s;
                    break;
                }
                // Else, where arrows may overlap, the spot that covers the least of the others.
                if (arrowsMayOverlap && free(s.box(), true)) {
                    double overlap = arrowOverlap(s.box());
                    if (overlap < bestOverlap) {
                        best = s;
                        bestOverlap = overlap;
                    }
                }
            }
            if (best == null) {
                return false;
            }
            slots.put(part, best);
            addArrow(best.box());
            return true;
        }

        /** The area of {@code b} that the arrows placed so far cover. */
        double arrowOverlap(Box b) {
            double area = 0;
            for (Box o : arrowBoxes) {
                double w = Math.min(b.right(), o.right()) - Math.max(b.x(), o.x());
                double h = Math.min(b.bottom(), o.bottom()) - Math.max(b.y(), o.y());
                if (w > 0 && h > 0) {
                    area += w * h;
                }
            }
            return area;
        }
    }
}
