package org.xorlab.export;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.text.NumberText;

/**
 * What one weight update says, line by line, in the notebook's notation: the step inspector's caption, sections,
 * names and formulas, written once for the window's step inspector ({@code app.train.StepInspector}) and the printed
 * {@link Worksheet} alike, so the two say the same things. It computes nothing: every number is the engine's
 * {@link UpdateTrace}'s; numbers are written by {@link NumberText#step}.
 */
public final class StepText {
    private StepText() {
    }

    public static final String CONVENTION = ("Signs: the notebook's prose writes d2 = (y − ŷ)·σ′(z2) and ∂L/∂W2 = v1ᵀd2; "
            + "its code, which printed its numbers, uses (ŷ − y) and d2 v1ᵀ and subtracts, as shown here.")
            .replace("y − ŷ", "y\u00A0−\u00A0ŷ").replace("ŷ − y", "ŷ\u00A0−\u00A0y");
    public static final String LEGEND = "· multiplies element by element (NumPy's *); W x is a matrix product; "
            + "σ(z) = 1 / (1 + e^−z); columns are samples.";

    /**
     * One line of the step's math.
     *
     * @param section the part of the step it belongs to
     * @param name    the value's name in the notebook's notation, for example "z1" or "dW2"
     * @param formula how it is computed, empty for the chunk's data; for a weight, what the update subtracts
     * @param value   its value (for a weight: before the update)
     * @param after   for a weight, its value after the update; otherwise null
     * @param layer   the layer l (from 1) it belongs to, or 0 for the chunk's data and its loss (always shown)
     */
    public record Line(String section, String name, String formula, double[][] value, double[][] after, int layer) {
        /** A value of layer {@code layer}. */
        static Line of(String section, int layer, String name, String formula, RealMatrix value) {
            return new Line(section, name, formula, value.getData(), null, layer);
        }

        /** A weight of layer {@code layer}, before and after the update. */
        static Line weight(String section, int layer, String name, String formula, RealMatrix before,
                           RealMatrix after) {
            return new Line(section, name, formula, before.getData(), after.getData(), layer);
        }
    }

    /** A line as it reads: "z1 = W1 x + b1", "x =" for the chunk's data, "W1 −= 0.1 · dW1" for a weight. */
    public static String text(Line line) {
        if (line.after() != null) {
            return line.name() + " −= " + line.formula();
        }
        return line.formula().isEmpty() ? line.name() + " =" : line.name() + " = " + line.formula();
    }

    /**
     * "Update 3 · epoch 1 · sample x = (1, 0)", or the chunk's samples for a mini-batch; on data beyond the truth
     * tables the chunk's place among the n training samples ("samples 21 to 30 of 140"), the x rows being below.
     */
    public static String caption(UpdateTrace t) {
        int m = t.samples();
        int first = t.firstSample();
        int n = sampleCount(t);
        StringBuilder s = new StringBuilder("Update " + NumberText.count(t.update()) + " · epoch "
                + NumberText.count(t.epoch()));
        if (first + m == n) {
            s.append(" (its last update)");
        }
        s.append("\n");
        if (!t.options().data().isTruthTable()) {
            s.append(m == 1 ? "One sample, " + NumberText.count(first + 1L)
                            : "Mini-batch of m = " + m + " samples, one per column: "
                                    + NumberText.count(first + 1L) + " to " + NumberText.count((long) first + m))
                    .append(" of the ").append(NumberText.count(n)).append(" training samples in this epoch's order");
            if (m == 1) {
                s.append(", y = ").append(NumberText.step(t.y().getEntry(0, 0)));
            } else {
                s.append("\nGradients are averaged over the m = ").append(m).append(" samples.");
            }
        } else if (m == 1) {
            s.append("One sample: x = ").append(input(first)).append(", y = ").append(NumberText.step(t.y().getEntry(0, 0)));
        } else {
            s.append("Mini-batch of m = ").append(m).append(" samples, one per column: ");
            for (int c = 0; c < m; c++) {
                s.append(c == 0 ? "" : " ").append(input(first + c));
            }
            s.append("\nGradients are averaged over the m = ").append(m).append(" samples.");
        }
        if (!isNotebook(t)) {
            s.append("\n").append(network(t));
        }
        return s.toString();
    }

    /** The number of training samples n the update's epoch walks: 4 on a truth table. */
    public static int sampleCount(UpdateTrace t) {
        return t.options().data().isTruthTable() ? Dataset.SIZE : t.options().data().train().size();
    }

    /** True when the update is the notebook's: one sigmoid hidden layer, squared error, plain SGD, no penalty. */
    public static boolean isNotebook(UpdateTrace t) {
        TrainingOptions o = t.options();
        return t.layers() == 2 && o.features().equals(Feature.DEFAULT) && o.activation() == Activation.SIGMOID
                && o.loss() == TrainingOptions.Loss.MSE
                && o.optimizer() == TrainingOptions.Optimizer.SGD
                && o.regularization() == TrainingOptions.Regularization.NONE;
    }

    /**
     * "Network 2-4-4-1 · tanh · cross-entropy · adam · l2", with the input features when they are not x1, x2
     * ("Network 7-8-1 · inputs x₁, x₂, x₁², ..."): the options the lines below follow.
     */
    public static String network(UpdateTrace t) {
        StringBuilder widths = new StringBuilder(Integer.toString(t.before().inputs()));
        for (int l = 1; l <= t.layers(); l++) {
            widths.append('-').append(t.layer(l).units());
        }
        TrainingOptions o = t.options();
        String inputs = o.features().equals(Feature.DEFAULT) ? "" : " · inputs " + featureNames(o);
        return "Network " + widths + inputs + " · " + o.activation().id() + " · " + o.loss().id() + " · "
                + o.optimizer().id()
                + (o.regularization() == TrainingOptions.Regularization.NONE ? "" : " · " + o.regularization().id());
    }
    /** "x₁, x₂, sin x₁": the features in the order of x's rows. */
    public static String featureNames(TrainingOptions o) {
        StringBuilder s = new StringBuilder();
        for (Feature f : o.features()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.label());
        }
        return s.toString();
    }

    private static String input(int sample) {
        return "(" + (int) Dataset.x0(sample) + "," + (int) Dataset.x1(sample) + ")";
    }

    /**
     * The step's math, line by line, from the engine's trace: for the notebook's network exactly its lines (z1, v1,
     * z2, y_hat, d2, d1, the gradients and W -= lr * gradient); for any other, the same lines for every layer with
     * its own activation, the loss's own output error, the regularisation term and the optimiser's state and update.
     */
    public static List<Line> lines(UpdateTrace t) {
        int m = t.samples();
        int top = t.layers();
        TrainingOptions o = t.options();
        boolean mse = o.loss() == TrainingOptions.Loss.MSE;
        String forward = "Forward pass";
        String backward = "Backward pass: errors";
        String gradients = m == 1 ? "Gradients (m = 1 sample)" : "Gradients, averaged over m = " + m + " samples";
        List<Line> out = new ArrayList<>();
        // The rows of x are the input features: named when they are more than the notebook's x1 and x2.
        out.add(Line.of(forward, 0, "x", o.features().equals(Feature.DEFAULT) ? "" : "rows " + featureNames(o), t.x()));
        out.add(Line.of(forward, 0, "y", "", t.y()));
        for (int l = 1; l <= top; l++) {
            UpdateTrace.LayerStep s = t.layer(l);
            out.add(Line.of(forward, l, "z" + l, "W" + l + " " + layerInput(l) + " + b" + l, s.z()));
            out.add(Line.of(forward, l, l == top ? "ŷ" : "v" + l, apply(s.activation(), "z" + l), s.v()));
        }
        out.add(new Line(forward, "loss", mse ? "mean((y − ŷ)²)" : "mean(−y log ŷ − (1 − y) log(1 − ŷ))",
                new double[][] {{t.loss()}}, null, 0));
        out.add(Line.of(backward, top, "d" + top, mse ? "(ŷ − y) · ŷ(1 − ŷ)" : "ŷ − y", t.output().d()));
        for (int l = top - 1; l >= 1; l--) {
            out.add(Line.of(backward, l, "d" + l, "(W" + (l + 1) + "ᵀ d" + (l + 1) + ") · "
                    + derivative(t.layer(l).activation(), l), t.layer(l).d()));
        }
        for (int l = top; l >= 1; l--) {
            UpdateTrace.LayerStep s = t.layer(l);
            out.add(Line.of(gradients, l, "dW" + l, "d" + l + " " + layerInput(l) + "ᵀ / m", s.gradW()));
            out.add(Line.of(gradients, l, "db" + l, "rowsum(d" + l + ") / m", s.gradB()));
        }
        boolean penalised = o.regularization() != TrainingOptions.Regularization.NONE;
        if (penalised) {
            String rate = NumberText.plain(o.regRate());
            String section = "Regularisation " + o.regularization().id() + ", λ = " + rate
                    + ": a term on each weight's gradient (never the biases'; the loss above is the data's)";
            for (int l = top; l >= 1; l--) {
                UpdateTrace.LayerStep s = t.layer(l);
                String w = "W" + l;
                out.add(Line.of(section, l, "r" + w, o.regularization() == TrainingOptions.Regularization.L2
                        ? rate + " · " + w : rate + " · sign(" + w + ")", s.penaltyW()));
                out.add(Line.of(section, l, "g" + w, "d" + w + " + r" + w, s.effectiveGradW()));
            }
        }
        String update = updateSection(t);
        for (int l = top; l >= 1; l--) {
            UpdateTrace.LayerStep s = t.layer(l);
            parameterLines(out, update, t, l, "W" + l, penalised ? "gW" + l : "dW" + l, s.firstW(), s.secondW(),
                    s.correctedFirstW(), s.correctedSecondW(), t.before().w(l), t.after().w(l), s.updateW());
            parameterLines(out, update, t, l, "b" + l, "db" + l, s.firstB(), s.secondB(), s.correctedFirstB(),
                    s.correctedSecondB(), t.before().b(l), t.after().b(l), s.updateB());
        }
        return out;
    }

    /** The update's section title: the optimiser, its hyper-parameters and, for Adam, t and its bias corrections. */
    private static String updateSection(UpdateTrace t) {
        TrainingOptions o = t.options();
        String lr = "lr = " + NumberText.plain(t.learningRate());
        String eps = "ε = " + NumberText.plain(o.epsilon());
        return switch (o.optimizer()) {
            case SGD -> "Update: W −= lr · gradient, " + lr;
            case MOMENTUM -> "Update: momentum, " + lr + ", μ = " + NumberText.plain(o.momentum())
                    + "; each velocity v starts at 0";
            case NESTEROV -> "Update: Nesterov momentum, " + lr + ", μ = " + NumberText.plain(o.momentum())
                    + "; each velocity v starts at 0";
            case RMSPROP -> "Update: RMSprop, " + lr + ", ρ = " + NumberText.plain(o.rho()) + ", " + eps
                    + "; each s starts at 0";
            case ADAM -> "Update: Adam, " + lr + ", β1 = " + NumberText.plain(o.beta1()) + ", β2 = "
                    + NumberText.plain(o.beta2()) + ", " + eps + "; m and s start at 0. Update t = "
                    + NumberText.count(t.update()) + ": 1 − β1ᵗ = " + NumberText.step(t.biasCorrection1())
                    + ", 1 − β2ᵗ = " + NumberText.step(t.biasCorrection2());
        };
    }

    /**
     * The optimiser's lines for one parameter {@code p} of layer {@code l} with gradient {@code g}: its state after
     * the update (velocity, or Adam's moments and their corrections), the parameter before and after, and for any
     * optimiser but SGD the update applied, after minus before.
     */
    private static void parameterLines(List<Line> out, String section, UpdateTrace t, int l, String p, String g,
                                       RealMatrix first, RealMatrix second, RealMatrix firstHat,
                                       RealMatrix secondHat, RealMatrix before, RealMatrix after,
                                       RealMatrix update) {
        TrainingOptions o = t.options();
        String lr = NumberText.plain(t.learningRate());
        String step = switch (o.optimizer()) {
            case SGD -> lr + " · " + g;
            case MOMENTUM -> lr + " · v" + p;
            case NESTEROV -> lr + " · (" + g + " + " + NumberText.plain(o.momentum()) + " v" + p + ")";
            case RMSPROP -> lr + " · " + g + " / (√s" + p + " + ε)";
            case ADAM -> lr + " · mhat" + p + " / (√shat" + p + " + ε)";
        };
        switch (o.optimizer()) {
            case SGD -> { }
            case MOMENTUM, NESTEROV -> out.add(Line.of(section, l, "v" + p, decay(o.momentum()) + " v" + p + " + "
                    + g, first));
            case RMSPROP -> out.add(Line.of(section, l, "s" + p, decay(o.rho()) + " s" + p + " + (1 − "
                    + decay(o.rho()) + ") " + g + "²", second));
            case ADAM -> {
                out.add(Line.of(section, l, "m" + p, decay(o.beta1()) + " m" + p + " + (1 − " + decay(o.beta1())
                        + ") " + g, first));
                out.add(Line.of(section, l, "s" + p, decay(o.beta2()) + " s" + p + " + (1 − " + decay(o.beta2())
                        + ") " + g + "²", second));
                out.add(Line.of(section, l, "mhat" + p, "m" + p + " / (1 − β1ᵗ)", firstHat));
                out.add(Line.of(section, l, "shat" + p, "s" + p + " / (1 − β2ᵗ)", secondHat));
            }
        }
        out.add(Line.weight(section, l, p, step, before, after));
        if (o.optimizer() != TrainingOptions.Optimizer.SGD) {
            out.add(Line.of(section, l, "Δ" + p, p + " after − " + p + " before", update));
        }
    }

    private static String decay(double value) {
        return NumberText.plain(value);
    }

    /** v[l-1] as the notebook names it: x for the first layer's input. */
    private static String layerInput(int l) {
        return l == 1 ? "x" : "v" + (l - 1);
    }

    /** f(z) written out: σ(z1), tanh(z1), max(z1, 0), or z1 itself. */
    private static String apply(Activation f, String z) {
        return switch (f) {
            case SIGMOID -> "σ(" + z + ")";
            case TANH -> "tanh(" + z + ")";
            case RELU -> "max(" + z + ", 0)";
            case LINEAR -> z;
        };
    }

    /** f'(z[l]) as backpropagation multiplies by it: v(1 − v), 1 − v², [z > 0], or 1. */
    private static String derivative(Activation f, int l) {
        String v = "v" + l;
        return switch (f) {
            case SIGMOID -> v + "(1 − " + v + ")";
            case TANH -> "(1 − " + v + "²)";
            case RELU -> "[z" + l + " > 0]";
            case LINEAR -> "1";
        };
    }

    /** What the general lines' symbols mean, beyond {@link #LEGEND}: the activation's derivative, the optimiser's state. */
    public static String generalLegend(UpdateTrace t) {
        TrainingOptions o = t.options();
        StringBuilder s = new StringBuilder();
        s.append(switch (o.activation()) {
            case SIGMOID -> "σ′(z) = v(1 − v).";
            case TANH -> "tanh′(z) = 1 − v², with v = tanh(z).";
            case RELU -> "ReLU′: [z > 0] is 1 where z > 0, else 0 (0 at z = 0).";
            case LINEAR -> "A linear layer's derivative is 1.";
        });
        if (o.loss() == TrainingOptions.Loss.CROSS_ENTROPY) {
            s.append(" With cross-entropy the output's error is ŷ − y: its σ′ cancels, so it does not vanish when ŷ "
                    + "saturates.");
        }
        if (o.regularization() != TrainingOptions.Regularization.NONE) {
            s.append(" rW is the regularisation term, gW = dW + rW the gradient the optimiser uses.");
        }
        s.append(switch (o.optimizer()) {
            case SGD -> "";
            case MOMENTUM, NESTEROV -> " vW, vb: each parameter's velocity after this update.";
            case RMSPROP -> " sW, sb: each parameter's running average of squared gradients after this update.";
            case ADAM -> " mW, sW: each parameter's moments after this update; mhat, shat: m and s corrected for"
                    + " their start at 0.";
        });
        if (o.optimizer() != TrainingOptions.Optimizer.SGD) {
            s.append(" ΔW: the update applied.");
        }
        return s.toString();
    }
}
