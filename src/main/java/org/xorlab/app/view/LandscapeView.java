package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import org.xorlab.engine.LossPlane;
import org.xorlab.plot.Contours;
import org.xorlab.plot.LandscapeLook;
import org.xorlab.plot.RunColours;
import org.xorlab.run.Landscape;
import org.xorlab.run.PlotRange;
import org.xorlab.text.NumberText;

/**
 * The loss landscape: the loss over a plane through weight space as a heatmap on a log scale
 * ({@link LandscapeLook}) with its contours ({@link Contours}), every run's path projected onto the plane in its
 * colour ({@link RunColours}), the start (a ring) and each run's shown weights (a dot), optionally the gradient noise
 * as arrows from the first run's dot, the plane's axes and a colour scale. The plot stays square, so angles on it are
 * true. It draws a {@link Landscape.Picture} computed elsewhere (off the FX thread) and never computes a loss itself.
 */
public final class LandscapeView extends CanvasView {
    private static final double LEFT = 52;
    private static final double RIGHT = 84;
    private static final double TOP = 12;
    private static final double BOTTOM = 42;
    private static final Color HALO = Color.rgb(255, 255, 255, 0.85);
    private static final Color ARROW = Color.rgb(33, 37, 41);

    private Landscape.Picture picture;
    private String message = "The landscape appears once the run has weights to show.";
    private WritableImage image;
    private double[] range = {0, 1};
    /** The contour segments in grid coordinates, level by level, and each level's position on the scale. */
    private final List<List<double[]>> contours = new ArrayList<>();
    private final List<Double> contourPositions = new ArrayList<>();
    private Rectangle2D plot = Rectangle2D.EMPTY;

    public LandscapeView() {
        super(420, 420);
        setMinSize(240, 220);
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        setAccessibleRoleDescription("loss landscape");
    }

    /** "Loss landscape on the plane ...: loss from ... to ...; SGD's path of N points ends at (a, b), loss L." */
    @Override
    String describe() {
        if (picture == null) {
            return "Loss landscape: " + (message == null ? "nothing yet" : message);
        }
        StringBuilder s = new StringBuilder("Loss landscape. ").append(picture.plane().description())
                .append(". Loss shown from ").append(NumberText.brief(Math.pow(10, range[0]))).append(" to ")
                .append(NumberText.brief(Math.pow(10, range[1])));
        for (Landscape.Path p : picture.paths()) {
            s.append("; ").append(p.name()).append("'s path of ").append(NumberText.count(p.a().length))
                    .append(" points, its dot at (").append(NumberText.brief(p.shownA())).append(", ")
                    .append(NumberText.brief(p.shownB())).append("), loss ").append(NumberText.brief(p.shownLoss()));
        }
        return s.append(". ").append(picture.readout()).toString();
    }

    /** The width at which a view {@code height} tall has its square plot as tall as it can be, and no wider. */
    double widthFor(double height) {
        return Math.max(getMinWidth(), height - TOP - BOTTOM + LEFT + RIGHT);
    }

    /** Shows a newly computed picture. Call on the FX thread. */
    public void show(Landscape.Picture p) {
        if (p == null || p == picture) {
            return;
        }
        picture = p;
        message = null;
        int n = p.n();
        double[] losses = p.losses();
        range = LandscapeLook.logRange(losses);
        if (image == null || (int) image.getWidth() != n) {
            image = new WritableImage(n, n);
        }
        int[] argb = new int[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                // Row 0 is the lowest b: the image's bottom row.
                argb[(n - 1 - row) * n + col] = 0xFF000000
                        | LandscapeLook.rgb(LandscapeLook.position(losses[row * n + col], range));
            }
        }
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), argb, 0, n);
        double[] logs = new double[losses.length];
        for (int i = 0; i < logs.length; i++) {
            double l = losses[i];
            logs[i] = Double.isFinite(l) ? Math.log10(Math.max(l, LandscapeLook.FLOOR)) : Double.NaN;
        }
        contours.clear();
        contourPositions.clear();
        for (double level : LandscapeLook.levels(range)) {
            contours.add(Contours.segments(logs, n, level));
            contourPositions.add((level - range[0]) / (range[1] - range[0]));
        }
        redraw();
    }

    /** Shows a message instead of a landscape (why there is none). Call on the FX thread. */
    public void showMessage(String text) {
        if (text.equals(message)) {
            return;
        }
        picture = null;
        message = text;
        redraw();
    }

    /** The picture drawn now, or null. */
    public Landscape.Picture picture() {
        return picture;
    }

    /** The heatmap's colour at plane point (a, b), without anything drawn over it. */
    public Color colorAt(double a, double b) {
        LossPlane.Window w = picture.window();
        int n = picture.n();
        int col = (int) Math.round((a - w.aMin()) / (w.aMax() - w.aMin()) * (n - 1));
        int row = (int) Math.round((b - w.bMin()) / (w.bMax() - w.bMin()) * (n - 1));
        return image.getPixelReader().getColor(col, n - 1 - row);
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (picture == null) {
            plot = Rectangle2D.EMPTY;
            g.setFill(Palette.MUTED);
            g.setFont(Fonts.SMALL);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(message == null ? "" : message, w / 2, h / 2, Math.max(10, w - 20));
            return;
        }
        double side = Math.floor(Math.min(w - LEFT - RIGHT, h - TOP - BOTTOM));
        if (side < 20) {
            plot = Rectangle2D.EMPTY;
            return;
        }
        double x = Math.floor(LEFT + (w - LEFT - RIGHT - side) / 2);
        double y = Math.floor(TOP + (h - TOP - BOTTOM - side) / 2);
        plot = new Rectangle2D(x, y, side, side);
        g.setImageSmoothing(true);
        // The image's pixels are the grid's points: its outer pixels' centres sit on the window's edges.
        double cell = side / (picture.n() - 1);
        g.save();
        g.beginPath();
        g.rect(x, y, side, side);
        g.clip();
        g.drawImage(image, x - cell / 2, y - cell / 2, side + cell, side + cell);
        drawContours(g);
        drawPaths(g);
        drawNoise(g);
        g.restore();
        g.setStroke(Palette.FRAME);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, side - 1, side - 1);
        drawAxes(g);
        drawScale(g);
    }

    private void drawContours(GraphicsContext g) {
        int n = picture.n();
        double side = plot.getWidth();
        g.setLineWidth(1);
        for (int level = 0; level < contours.size(); level++) {
            int rgb = LandscapeLook.contourRgb(contourPositions.get(level));
            g.setStroke(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, 0.8));
            for (double[] s : contours.get(level)) {
                g.strokeLine(plot.getMinX() + s[0] / (n - 1) * side, plot.getMaxY() - s[1] / (n - 1) * side,
                        plot.getMinX() + s[2] / (n - 1) * side, plot.getMaxY() - s[3] / (n - 1) * side);
            }
        }
    }

    private void drawPaths(GraphicsContext g) {
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        List<Landscape.Path> paths = picture.paths();
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < paths.size(); r++) {
                Landscape.Path p = paths.get(r);
                g.setStroke(pass == 0 ? HALO : fx(RunColours.of(r)));
                g.setLineWidth(pass == 0 ? 5 : 2.5);
                double[] xs = new double[p.a().length];
                double[] ys = new double[p.a().length];
                for (int k = 0; k < xs.length; k++) {
                    xs[k] = screenA(p.a()[k]);
                    ys[k] = screenB(p.b()[k]);
                }
                g.strokePolyline(xs, ys, xs.length);
            }
        }
        // The start (shared by runs from one seed): a ring.
        if (!paths.isEmpty() && paths.get(0).a().length > 0) {
            double sx = screenA(paths.get(0).a()[0]);
            double sy = screenB(paths.get(0).b()[0]);
            g.setFill(Color.WHITE);
            g.fillOval(sx - 7, sy - 7, 14, 14);
            g.setStroke(Palette.INK);
            g.setLineWidth(2.5);
            g.strokeOval(sx - 5.5, sy - 5.5, 11, 11);
        }
        for (int r = paths.size() - 1; r >= 0; r--) {
            Landscape.Path p = paths.get(r);
            double sx = screenA(p.shownA());
            double sy = screenB(p.shownB());
            g.setFill(Palette.INK);
            g.fillOval(sx - 8, sy - 8, 16, 16);
            g.setFill(Color.WHITE);
            g.fillOval(sx - 6.5, sy - 6.5, 13, 13);
            g.setFill(fx(RunColours.of(r)));
            g.fillOval(sx - 5, sy - 5, 10, 10);
        }
        g.setLineCap(StrokeLineCap.SQUARE);
        g.setLineJoin(StrokeLineJoin.MITER);
    }

    private void drawNoise(GraphicsContext g) {
        Landscape.Noise noise = picture.noise();
        if (noise == null || picture.paths().isEmpty()) {
            return;
        }
        Landscape.Path first = picture.paths().get(0);
        double ox = screenA(first.shownA());
        double oy = screenB(first.shownB());
        double perUnit = plot.getWidth() / (picture.window().aMax() - picture.window().aMin());
        g.setFont(Fonts.SMALL);
        for (int i = 0; i < noise.sampleA().length; i++) {
            double tx = ox + noise.sampleA()[i] * perUnit;
            double ty = oy - noise.sampleB()[i] * perUnit;
            arrow(g, ox, oy, tx, ty, 1.8, Palette.MUTED);
            if (Math.hypot(tx - ox, ty - oy) > 12) {
                double dx = (tx - ox) / Math.hypot(tx - ox, ty - oy);
                double dy = (ty - oy) / Math.hypot(tx - ox, ty - oy);
                label(g, noise.labels()[i], tx + dx * 12, ty + dy * 12);
            }
        }
        double mx = ox + noise.meanA() * perUnit;
        double my = oy - noise.meanB() * perUnit;
        arrow(g, ox, oy, mx, my, 3.5, ARROW);
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, double width, Color c) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (length < 2) {
            return;
        }
        double ux = (x1 - x0) / length;
        double uy = (y1 - y0) / length;
        double head = Math.min(12, length * 0.45) + width;
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        double[] xs = {x1, bx - uy * head * 0.45, bx + uy * head * 0.45};
        double[] ys = {y1, by + ux * head * 0.45, by - ux * head * 0.45};
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? HALO : c);
            g.setFill(pass == 0 ? HALO : c);
            g.setLineWidth(pass == 0 ? width + 3 : width);
            g.strokeLine(x0, y0, bx, by);
            if (pass == 0) {
                g.strokePolygon(xs, ys, 3);
            }
            g.fillPolygon(xs, ys, 3);
        }
    }

    private static void label(GraphicsContext g, String text, double x, double y) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Palette.LABEL_BACKDROP);
        double width = Fonts.measure(text, Fonts.SMALL).getWidth();
        g.fillRoundRect(x - width / 2 - 3, y - 9, width + 6, 18, 6, 6);
        g.setFill(Palette.INK);
        g.fillText(text, x, y);
    }

    private void drawAxes(GraphicsContext g) {
        LossPlane.Window w = picture.window();
        g.setStroke(Palette.MUTED);
        g.setLineWidth(1.5);
        g.setFill(Palette.MUTED);
        g.setFont(Fonts.SMALL);
        double stepA = DecisionSurfaceView.tickStep(new PlotRange(w.aMin(), w.aMax()));
        double stepB = DecisionSurfaceView.tickStep(new PlotRange(w.bMin(), w.bMax()));
        // Every other tick where the labels would crowd a small plot.
        int every = plot.getWidth() < 260 ? 2 : 1;
        int i = 0;
        for (double v = Math.ceil(w.aMin() / stepA) * stepA; v <= w.aMax() + 1e-9 * stepA; v += stepA, i++) {
            double sx = Math.round(screenA(v));
            g.strokeLine(sx, plot.getMaxY(), sx, plot.getMaxY() + 5);
            if (i % every == 0) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.fillText(tick(v, stepA), sx, plot.getMaxY() + 7);
            }
        }
        i = 0;
        for (double v = Math.ceil(w.bMin() / stepB) * stepB; v <= w.bMax() + 1e-9 * stepB; v += stepB, i++) {
            double sy = Math.round(screenB(v));
            g.strokeLine(plot.getMinX() - 5, sy, plot.getMinX(), sy);
            if (i % every == 0) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(tick(v, stepB), plot.getMinX() - 8, sy);
            }
        }
        g.setFill(Palette.INK);
        g.setFont(Fonts.LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        LossPlane plane = picture.plane();
        g.fillText(plane.aLabel(), plot.getMinX() + plot.getWidth() / 2, plot.getMaxY() + 22, plot.getWidth() + 40);
        g.save();
        g.translate(plot.getMinX() - 42, plot.getMinY() + plot.getHeight() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(plane.bLabel(), 0, 0, plot.getHeight());
        g.restore();
    }

    private static String tick(double v, double step) {
        return NumberText.brief(Math.abs(v) < step * 1e-9 ? 0 : v);
    }

    /** The colour scale: the loss from the lowest shown (bottom) to the highest (top), labelled at powers of ten. */
    private void drawScale(GraphicsContext g) {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            int rgb = LandscapeLook.rgb(i / 10.0);
            stops.add(new Stop(1 - i / 10.0, Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)));
        }
        double lo = range[0];
        double hi = range[1];
        List<Double> marks = new ArrayList<>();
        for (double k = Math.ceil(lo - 1e-9); k <= hi + 1e-9; k++) {
            marks.add(k);
        }
        if (marks.size() < 2) {
            marks = List.of(lo, hi);
        }
        // At most five labels, spread evenly over the decades.
        int stride = Math.max(1, (int) Math.ceil(marks.size() / 5.0));
        List<String> labels = new ArrayList<>();
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < marks.size(); i += stride) {
            labels.add(NumberText.brief(Math.pow(10, marks.get(i))));
            positions.add((marks.get(i) - lo) / (hi - lo));
        }
        ColourBar.draw(g, plot, "loss", (top, bottom) -> new LinearGradient(0, top, 0, bottom, false,
                CycleMethod.NO_CYCLE, stops), labels.toArray(new String[0]),
                positions.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double screenA(double a) {
        LossPlane.Window w = picture.window();
        return plot.getMinX() + (a - w.aMin()) / (w.aMax() - w.aMin()) * plot.getWidth();
    }

    private double screenB(double b) {
        LossPlane.Window w = picture.window();
        return plot.getMaxY() - (b - w.bMin()) / (w.bMax() - w.bMin()) * plot.getHeight();
    }

    static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }
}
