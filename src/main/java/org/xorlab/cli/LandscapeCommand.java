package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.PlaneLoss;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab landscape}: trains one run exactly as {@code xorlab train} does (the same options, defaults and
 * epochs), records its path through weight space and writes the loss over a plane through it
 * ({@link LossPlane}, {@link PlaneLoss}): the grid as CSV, the path projected onto the plane as CSV, and a heatmap
 * with contours and the path as PNG ({@link LandscapePng}).
 */
@Command(name = "landscape", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train one network as 'xorlab train' does, then write the loss over a plane through weight "
                + "space that holds its path: a grid of --grid N x N points (--csv), the path projected onto the plane "
                + "(--trajectory) and a heatmap with contours and the path (--png). --plane w:P,Q varies two "
                + "parameters (every other at its value after training); start-end and pca are planes the path "
                + "spans."})
final class LandscapeCommand implements Callable<Integer> {
    /** Most epochs a path keeps: every epoch of a run up to this long, else every ceil(epochs / this)-th and the last. */
    static final long PATH_EPOCHS = 4_000;

    @Spec
    CommandSpec spec;

    @Mixin
    GeneralOptions network;

    @Mixin
    BatchSizeOption batch;

    @Mixin
    HelpOptions help;

    @Option(names = "--plane", order = 50, paramLabel = "SPEC", defaultValue = "pca", converter = Converters.PlaneName.class,
            description = "The plane: w:P,Q for two parameters named as NumPy indexes them (w:W2[0,0],W2[0,1] is the "
                    + "notebook's output weights; every other parameter keeps its value after training), start-end "
                    + "(through the start and the end of the path, and across it where it strays most) or pca (the "
                    + "path's top two principal directions, about its mean; default: ${DEFAULT-VALUE}).")
    LossPlane.Spec plane;

    @Option(names = "--grid", order = 51, paramLabel = "N", defaultValue = "100", converter = Converters.GridSize.class,
            description = "Points along each side of the grid, " + Converters.GridSize.MIN + " to "
                    + Converters.GridSize.MAX + " (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--csv", order = 52, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the loss at every grid point to FILE as a,b,loss (N x N rows, b slower); for a w: plane "
                    + "a and b are the two parameters' values; - for standard output.")
    Path csv;

    @Option(names = "--trajectory", order = 53, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the path to FILE as epoch,a,b,loss: each kept epoch's weights projected onto the plane, "
                    + "and the loss at those weights themselves (every epoch up to " + PATH_EPOCHS + " epochs, else "
                    + PATH_EPOCHS + " evenly spaced and the last); - for standard output.")
    Path trajectory;

    @Option(names = "--png", order = 54, paramLabel = "FILE", converter = Converters.ImageFile.class,
            description = "Draw the landscape (log colour scale, contours, the path from start to end) to FILE, "
                    + LandscapePng.WIDTH + " x " + LandscapePng.HEIGHT + " pixels (a file, never standard output).")
    Path png;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = OutputFiles.forPerson(spec.commandLine(), csv, trajectory);
        int batchSize = batch.of(spec.commandLine(), network);
        TrainingConfig config = network.config(spec.commandLine(), batchSize);
        Trainer trainer = new Trainer(config);
        int[] widths = trainer.initialWeights().widths();
        checkPlane(widths, trainer.initialWeights().flat());

        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--csv", csv);
        outputs.put("--trajectory", trajectory);
        outputs.put("--png", png);
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            // Started before training, so that an unwritable place is reported at once.
            Map<String, OutputFiles.Pending> created = files.createAll(outputs);
            List<Long> epochs = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            train(trainer, epochs, points);
            if (trainer.diverged()) {
                // Nothing is drawn for a run whose weights overflowed; the temporary files are deleted on close.
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + trainer.divergence().message()
                        + " No landscape was drawn (" + files.account() + ").");
                return ExitCodes.DIVERGED;
            }
            List<double[][]> paths = List.<double[][]>of(points.toArray(new double[0][]));
            LossPlane through = LossPlane.through(plane, widths, paths);
            LossPlane.Window window = through.window(paths);
            PlaneLoss planeLoss = new PlaneLoss(widths, config.options(), config.samples());
            double[] losses = planeLoss.grid(through, window, grid);
            double[][] path = new double[points.size()][];
            double[] pathLosses = new double[points.size()];
            for (int i = 0; i < path.length; i++) {
                path[i] = through.project(points.get(i));
                pathLosses[i] = planeLoss.loss(points.get(i));
            }
            if (created.containsKey("--csv")) {
                writeGrid(created.get("--csv").writer(), window, losses);
            }
            if (created.containsKey("--trajectory")) {
                writePath(created.get("--trajectory").writer(), epochs, path, pathLosses);
            }
            if (created.containsKey("--png")) {
                LandscapePng.write(new LandscapePng.Landscape(through, window, grid, losses, path,
                        epochs.get(epochs.size() - 1), config.options().loss().words(), settings(trainer)),
                        created.get("--png").stream());
            }
            files.commit();
            printSummary(out, trainer, through, window, losses, points.size());
        }
        return ExitCodes.OK;
    }

    /**
     * Trains --epochs epochs as {@code xorlab train} does, keeping epoch 0, every ceil(epochs / {@value #PATH_EPOCHS})-th
     * epoch and the last: their numbers into {@code epochs}, their parameters ({@link
     * org.xorlab.engine.Weights#flat()}) into {@code points}.
     */
    private void train(Trainer trainer, List<Long> epochs, List<double[]> points) {
        long every = Math.max(1, (network.epochs + PATH_EPOCHS - 1) / PATH_EPOCHS);
        epochs.add(0L);
        points.add(trainer.initialWeights().flat());
        trainer.runEpochs(network.epochs, (epoch, loss) -> {
            if (epoch % every == 0 || epoch == network.epochs) {
                epochs.add(epoch);
                points.add(trainer.weights().flat());
            }
        });
    }

    /** The plane must name parameters this network has: checked before anything is trained or written. */
    private void checkPlane(int[] widths, double[] initial) {
        try {
            LossPlane.through(plane, widths, List.<double[][]>of(new double[][] {initial}));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--plane " + plane.text() + ": " + e.getMessage());
        }
    }

    /** The grid, row by row from the lowest b, each row from the lowest a. */
    private static void writeGrid(Writer w, LossPlane.Window window, double[] losses) throws IOException {
        int n = (int) Math.round(Math.sqrt(losses.length));
        w.write("a,b,loss\n");
        StringBuilder line = new StringBuilder();
        for (int row = 0; row < n; row++) {
            String b = NumberText.python(window.b(row, n));
            for (int column = 0; column < n; column++) {
                line.setLength(0);
                line.append(NumberText.python(window.a(column, n))).append(',').append(b).append(',')
                        .append(NumberText.python(losses[row * n + column])).append('\n');
                w.write(line.toString());
            }
        }
    }

    private static void writePath(Writer w, List<Long> epochs, double[][] path, double[] losses) throws IOException {
        w.write("epoch,a,b,loss\n");
        for (int i = 0; i < path.length; i++) {
            w.write(epochs.get(i) + "," + NumberText.python(path[i][0]) + "," + NumberText.python(path[i][1]) + ","
                    + NumberText.python(losses[i]) + "\n");
        }
    }

    /** "xor, 2 hidden units, seed 42, learning rate 0.1, batch size 1 (SGD), 10,000 epochs". */
    private String settings(Trainer trainer) {
        return network.describe() + ", " + RunBasics.describeBatch(trainer.config().batchSize(),
                trainer.config().sampleCount()) + ", " + NumberText.count(trainer.epoch())
                + (trainer.epoch() == 1 ? " epoch" : " epochs");
    }

    private void printSummary(PrintWriter out, Trainer trainer, LossPlane through, LossPlane.Window window,
                              double[] losses, int kept) {
        out.println("Trained " + settings(trainer) + ": final loss " + NumberText.python(trainer.loss()) + ".");
        out.println("Plane " + plane.text() + ": " + through.description() + ". The path: " + NumberText.count(kept)
                + " epochs of the run, projected onto it.");
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double loss : losses) {
            if (Double.isFinite(loss)) {
                low = Math.min(low, loss);
                high = Math.max(high, loss);
            }
        }
        out.println("Window: " + through.aLabel() + " from " + NumberText.brief(window.aMin()) + " to "
                + NumberText.brief(window.aMax()) + ", " + through.bLabel() + " from " + NumberText.brief(window.bMin())
                + " to " + NumberText.brief(window.bMax()) + "; " + grid + " x " + grid + " grid, loss from "
                + NumberText.brief(low) + " to " + NumberText.brief(high) + ".");
        if (csv != null) {
            out.println("Wrote the loss at " + NumberText.count((long) grid * grid) + " grid points to "
                    + OutputFiles.describe(csv) + ".");
        }
        if (trajectory != null) {
            out.println("Wrote the path (" + NumberText.count(kept) + " epochs) to " + OutputFiles.describe(trajectory)
                    + ".");
        }
        if (png != null) {
            out.println("Drew the landscape to " + png + ".");
        }
    }
}
