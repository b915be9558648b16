package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.xorlab.app.view.NetworkView.Kind;
import org.xorlab.app.view.NetworkView.Part;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/** The card the network view shows beside the pointer: what the hovered neuron or edge holds, to three decimals. */
final class HoverCard {
    private HoverCard() {
    }

    /**
     * The card's text for a part of the notebook's network on truth-table input {@code selected} (0 to 3).
     *
     * @see #describe(Part, Weights, TrainingOptions, double, double, NetworkView.Gradients)
     */
    static String describe(Part part, Weights weights, Activation activation, int selected,
                           NetworkView.Gradients gradients) {
        return describe(part, weights, TrainingOptions.NOTEBOOK.withActivation(activation), Dataset.x0(selected),
                Dataset.x1(selected), gradients);
    }

    /**
     * The card's text for a part: its value for the weights, trained with the options' input features and hidden
     * activation, and the selected point (x1, x2), and with {@code gradients} (null for none) the last step's change.
     * The notebook's one hidden layer is written as the notebook writes it (W1, b1, v1, z1); a deeper network's
     * layers with their index (W[2][3,1], v[2][3]); an input by its feature's name ("x1² = 0.25 for x = (0.5, 1)").
     */
    static String describe(Part part, Weights weights, TrainingOptions options, double x1, double x2,
                           NetworkView.Gradients gradients) {
        List<Feature> features = options.features();
        double[] in = new double[features.size()];
        Feature.apply(features, x1, x2, in);
        double[][] v = weights.activations(options, x1, x2);
        int top = weights.layers();
        String forInput = " for x = " + pointText(x1, x2);
        String text = switch (part.kind()) {
            case W1 -> "W1[" + (part.j() + 1) + "," + (part.k() + 1) + "] = " + fmt3(weights.w1(part.j(), part.k()))
                    + "   (" + inputNames(features).get(part.k()) + " \u2192 h" + (part.j() + 1) + ")";
            case W2 -> "W2[1," + (part.j() + 1) + "] = " + fmt3(weights.w2(part.j()))
                    + "   (h" + (part.j() + 1) + " \u2192 y_hat)";
            case WEIGHT -> "W[" + part.layer() + "][" + (part.j() + 1) + "," + (part.k() + 1) + "] = "
                    + fmt3(weights.weight(part.layer(), part.j(), part.k())) + "   ("
                    + unitName(part.layer() - 1, part.k(), top, features) + " \u2192 "
                    + unitName(part.layer(), part.j(), top, features) + ")";
            // An input is (INPUT, j = its index, k = 0), as the view and its layout name it.
            case INPUT -> inputNames(features).get(part.j()) + " = " + plain(in[part.j()]) + forInput;
            case HIDDEN -> {
                int l = part.layer();
                int j = part.j();
                double z = z(weights, v, in, l, j);
                if (top == 2) {
                    yield "h" + (j + 1) + ": b1[" + (j + 1) + "] = " + fmt3(weights.b1(j))
                            + "\nv1 = " + fmt3(v[0][j]) + forInput
                            + "\nz1 = " + fmt3(z);
                }
                String at = "[" + l + "][" + (j + 1) + "]";
                yield "layer " + l + ", unit " + (j + 1) + ": b" + at + " = " + fmt3(weights.bias(l, j))
                        + "\nv" + at + " = " + fmt3(v[l - 1][j]) + forInput
                        + "\nz" + at + " = " + fmt3(z);
            }
            case OUTPUT -> "y_hat: " + (top == 2 ? "b2" : "b[" + top + "]") + " = " + fmt3(weights.bias(top, 0))
                    + ", y_hat = " + fmt3(v[top - 1][0]) + forInput;
        };
        if (gradients != null && part.kind() != Kind.INPUT) {
            text += "\nlast step: change " + sci(gradients.change(part))
                    + " (gradient " + sci(gradients.gradient(part)) + ")";
        }
        return text;
    }

    /**
     * The whole network in words, for a screen reader (the view's accessible text): every edge with its weight, every
     * unit with its bias and its activation for input (x1, x2), named as the hover card names them.
     */
    static String describeAll(Weights weights, TrainingOptions options, double x1, double x2) {
        List<Feature> features = options.features();
        double[][] v = weights.activations(options, x1, x2);
        int top = weights.layers();
        StringBuilder s = new StringBuilder("Network: inputs ").append(String.join(", ", inputNames(features)))
                .append(", activations for x = ").append(pointText(x1, x2)).append(". ");
        for (int l = 1; l <= top; l++) {
            int width = l == top ? 1 : weights.hiddenLayers()[l - 1];
            int from = l == 1 ? features.size() : weights.hiddenLayers()[l - 2];
            for (int j = 0; j < width; j++) {
                for (int k = 0; k < from; k++) {
                    s.append("Edge ").append(name(l - 1, k, top, features)).append(" to ")
                            .append(name(l, j, top, features)).append(", weight ")
                            .append(fmt3(weights.weight(l, j, k))).append(". ");
                }
                s.append(name(l, j, top, features)).append(": bias ").append(fmt3(weights.bias(l, j)))
                        .append(", activation ").append(fmt3(v[l - 1][j])).append(". ");
            }
        }
        return s.toString().strip();
    }

    /** As the network is drawn: h1, h2 in the notebook's one hidden layer, "layer l unit j" in deeper ones. */
    private static String name(int l, int j, int top, List<Feature> features) {
        return top == 2 && l == 1 ? "h" + (j + 1) : unitName(l, j, top, features);
    }

    /** A unit of layer {@code l} (0 for the inputs, {@code top} for the output) as the hover card names it. */
    private static String unitName(int l, int j, int top, List<Feature> features) {
        return l == 0 ? inputNames(features).get(j) : l == top ? "y_hat" : "layer " + l + " unit " + (j + 1);
    }

    /** Unit j's pre-activation z[l][j] = W[l] v[l-1] + b[l], given the input features and every layer's v. */
    private static double z(Weights weights, double[][] v, double[] features, int l, int j) {
        double[] in = l == 1 ? features : v[l - 2];
        double z = weights.weight(l, j, 0) * in[0];
        for (int k = 1; k < in.length; k++) {
            z += weights.weight(l, j, k) * in[k];
        }
        return z + weights.bias(l, j);
    }


    /** Draws the card with {@code text} near {@code pointer}, its lines wrapped to fit a view of w x h. */
    static void draw(GraphicsContext g, String text, Point2D pointer, double w, double h) {
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

    /** The selected input (0 to 3) as the diagram writes it: "(0, 1)". */
    static String inputText(int selected) {
        return pointText(Dataset.x0(selected), Dataset.x1(selected));
    }

    /** A point as the diagram writes it: "(0, 1)", "(0.25, -1.5)" (two decimals at most off the truth tables). */
    static String pointText(double x1, double x2) {
        return "(" + coordinate(x1) + ", " + coordinate(x2) + ")";
    }

    private static String coordinate(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : NumberText.fixed(v, 2);
    }

    /**
     * The input nodes' names, one per feature, as {@link Feature#label()} writes them; the notebook's x1 and x2 as
     * the rest of the diagram writes them (W1, y_hat), so the default network reads as the notebook's.
     */
    static List<String> inputNames(List<Feature> features) {
        List<String> names = new ArrayList<>();
        for (Feature f : features) {
            names.add(features.equals(Feature.DEFAULT) ? f.id() : f.label());
        }
        return names;
    }

    /** An input's value as its node writes it: 0 and 1 as they are, a data point's to two decimals ("-0.84"). */
    static String nodeValue(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : NumberText.fixed(v, 2);
    }

    /** 0 and 1 without decimals; anything else as Python writes it. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : NumberText.python(v);
    }

    private static String fmt3(double v) {
        return NumberText.fixed(v, 3);
    }

    /** A gradient or change, often tiny: three significant digits ("0.00123", "4.56e-06"). */
    private static String sci(double v) {
        return NumberText.significant(v, 3);
    }
}
