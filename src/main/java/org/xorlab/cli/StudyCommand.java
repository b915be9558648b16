package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.run.study.Study;
import org.xorlab.run.study.StudyFileException;
import org.xorlab.run.study.StudyGrid;
import org.xorlab.run.study.StudyJson;
import org.xorlab.run.study.StudyMethod;
import org.xorlab.run.study.StudyResult;
import org.xorlab.run.study.StudySummary;
import org.xorlab.run.study.StudyVerdict;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab study}: the notebook's question asked over many seeds. Trains every seed with every learning rate,
 * batch size and optimiser of the grid (each seed's runs from the same initial weights), each until its loss first
 * falls below the target or its budget is spent, on every core; prints per configuration how many runs converged and
 * the quartiles of their cost, each method's best rate, the paired comparison at the best rates and the verdict.
 * {@code --merge} summarises the JSON files of studies of the same grid over other seeds as one study.
 */
@Command(name = "study", versionProvider = VersionProvider.class,
        sortOptions = false, defaultValueProvider = StudyCommand.Defaults.class,
        description = {"Train every seed of --seeds with every learning rate, batch size and optimiser, each seed's "
                + "runs from the same initial weights, each until its loss first falls below --target-loss or it has "
                + "trained 5000 epochs (or --epochs N, or --updates N or --samples N instead), on every core. "
                + "Prints per configuration how many runs converged and the quartiles of the cost, each method's best "
                + "learning rate, the paired comparison at the best rates (wins, median ratio, Wilcoxon signed-rank "
                + "p) and the verdict. Defaults: --seeds 1-20 --learning-rates 0.1,0.3,1,3 --batch-sizes 1,full "
                + "--optimizers sgd --target-loss 0.01 --epochs 5000 --measure epochs.",
            "With --merge A.json B.json ...: the studies those files hold (the same grid over other seeds, as "
                + "--json writes it) summarised as one study."})
final class StudyCommand implements Callable<Integer> {
    /** A study's budget when none is given: long enough for SGD at 0.1, short enough for many seeds. */
    static final long DEFAULT_EPOCHS = 5_000;

    /** A study's own defaults for options it shares with train and compare: --epochs {@value #DEFAULT_EPOCHS}. */
    static final class Defaults implements picocli.CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(picocli.CommandLine.Model.ArgSpec arg) {
            return arg instanceof OptionSpec o && o.longestName().equals("--epochs") ? Long.toString(DEFAULT_EPOCHS)
                    : null;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    GeneralOptions network;

    @Mixin
    HelpOptions help;

    @Option(names = "--updates", order = 6, paramLabel = "N", converter = Converters.UpdatesOrSamples.class,
            description = "Instead of --epochs: train each run until it has made at least N weight updates "
                    + "(1 to 400000000).")
    Long updates;

    @Option(names = "--samples", order = 7, paramLabel = "N", converter = Converters.UpdatesOrSamples.class,
            description = "Instead of --epochs: train each run until it has seen at least N samples "
                    + "(1 to 400000000).")
    Long samples;

    @Option(names = "--seeds", order = 8, paramLabel = "SEEDS", converter = Converters.SeedList.class,
            description = "Instead of --seed: the seeds, each 0 to 4294967295 and given once, as a range 1-100, a list "
                    + "1,5,9 or both 1-10,20-29 (default: 1-20).")
    Converters.SeedRanges seeds;

    @Option(names = "--learning-rates", order = 9, paramLabel = "LR", split = ",",
            converter = Converters.LearningRate.class,
            description = "Instead of --learning-rate: the learning rates, each a finite number greater than 0 and "
                    + "given once (default: 0.1,0.3,1,3).")
    List<Double> learningRates;

    @Option(names = "--batch-sizes", order = 10, paramLabel = "K", split = ",", converter = Converters.BatchSize.class,
            description = "The batch sizes, each from 1 to 4 (1 to n for n training points of --data; full is n) "
                    + "and given once (default: 1,full).")
    List<String> batchTexts;

    @Option(names = "--optimizers", order = 11, paramLabel = "NAME", split = ",",
            converter = Converters.OptimizerName.class,
            description = "Instead of --optimizer: the optimisers, each of sgd, momentum, nesterov, rmsprop, adam and "
                    + "given once (default: sgd).")
    List<TrainingOptions.Optimizer> optimizers;

    @Option(names = "--target-loss", order = 12, paramLabel = "LOSS", defaultValue = "0.01",
            converter = Converters.TargetLoss.class,
            description = "The loss each run must get below, a finite number greater than 0 (default: "
                    + "${DEFAULT-VALUE}).")
    double targetLoss;

    @Option(names = "--measure", order = 13, paramLabel = "NAME", defaultValue = "epochs",
            converter = Converters.MeasureName.class,
            description = "What the costs, the best rates and the comparison count: epochs, updates or samples "
                    + "(default: ${DEFAULT-VALUE}).")
    Measure measure;

    @Option(names = "--threads", order = 14, paramLabel = "N", converter = Converters.Threads.class,
            description = "Runs trained at once, 1 to 1024 (default: every core).")
    Integer threads;

    @Option(names = "--yes", order = 15,
            description = "Run a study of more than 100000 runs (minutes to hours); without it such a study is "
                    + "refused.")
    boolean yes;

    @Option(names = "--merge", order = 16, paramLabel = "FILE", arity = "1..*", converter = Converters.StudyFile.class,
            description = "Instead of training: read these study files (written by --json, the same grid over other "
                    + "seeds) and summarise them as one study.")
    List<Path> merge;

    @Option(names = "--json", order = 17, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write the settings, every run and the summary to FILE; - for standard output.")
    Path json;

    @Option(names = "--csv", order = 18, paramLabel = "FILE", converter = Converters.OutputFile.class,
            description = "Write one row per run to FILE (seed,learning_rate,batch_size,optimizer,epochs,"
                    + "epochs_to_target,updates_to_target,samples_to_target,final_loss,diverged); - for standard "
                    + "output.")
    Path csv;

    @Option(names = "--png", order = 19, paramLabel = "FILE", converter = Converters.ImageFile.class,
            description = "Draw the fraction of seeds converged (ECDF) and the learning-rate sensitivity to FILE, "
                    + StudyPng.WIDTH + " x " + StudyPng.HEIGHT + " pixels (a file, never standard output).")
    Path png;

    /** The options that say what to train, which --merge takes from its files instead. */
    private static final Set<String> MERGE_ALLOWS = Set.of("--merge", "--measure", "--json", "--csv", "--png",
            "--help", "--version");

    @Override
    public Integer call() throws IOException {
        PrintWriter out = OutputFiles.forPerson(spec.commandLine(), csv, json);
        StudyGrid grid = merge == null ? grid() : null;
        int used = threads == null ? Study.allCores() : threads;
        long nanos = -1;
        StudyResult result;
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            if (grid == null) {
                result = merged();
                write(files.createAll(outputs()), result);
            } else {
                // Outputs are started before training, so an unwritable place is reported at once.
                Map<String, OutputFiles.Pending> created = files.createAll(outputs());
                long start = System.nanoTime();
                result = new Study(grid, used).run();
                nanos = System.nanoTime() - start;
                write(created, result);
            }
            files.commit();
        }
        printResult(out, result, nanos, used);
        return ExitCodes.OK;
    }

    private Map<String, Path> outputs() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--json", json);
        outputs.put("--csv", csv);
        outputs.put("--png", png);
        return outputs;
    }

    private void write(Map<String, OutputFiles.Pending> created, StudyResult result) throws IOException {
        OutputFiles.Pending jsonFile = created.get("--json");
        OutputFiles.Pending csvFile = created.get("--csv");
        OutputFiles.Pending pngFile = created.get("--png");
        if (jsonFile != null) {
            StudyJson.write(result, measure, jsonFile.writer());
        }
        if (csvFile != null) {
            StudyCsv.write(result, csvFile.writer());
        }
        if (pngFile != null) {
            StudyPng.write(result, StudySummary.of(result, measure), title(result.grid()), pngFile.stream());
        }
    }

    /** The studies of --merge's files as one. */
    private StudyResult merged() {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!MERGE_ALLOWS.contains(o.longestName())) {
                throw new ParameterException(spec.commandLine(), o.longestName() + " cannot be used with --merge:"
                        + " the files hold the study's settings (--merge takes --measure, --json, --csv and --png)");
            }
        }
        List<StudyResult> parts = new ArrayList<>();
        for (Path file : merge) {
            try {
                parts.add(StudyJson.read(file));
            } catch (StudyFileException e) {
                throw new ParameterException(spec.commandLine(), "--merge '" + file + "' is refused: "
                        + e.getMessage());
            }
        }
        try {
            return StudyResult.merge(parts);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (int i = merge.size(); i >= 1; i--) {
                message = message.replace("study " + i, "'" + merge.get(i - 1) + "'");
            }
            throw new ParameterException(spec.commandLine(), "--merge cannot merge these files: " + message);
        }
    }

    /** The grid the options ask for, checked (each list, then its size, then the rest). */
    private StudyGrid grid() {
        var parsed = spec.commandLine().getParseResult();
        alternatives("--seed", "--seeds", "a study trains every seed of --seeds (--seed S is --seeds S)");
        alternatives("--learning-rate", "--learning-rates",
                "a study trains every rate of --learning-rates (--learning-rate R is --learning-rates R)");
        alternatives("--optimizer", "--optimizers",
                "a study trains every optimiser of --optimizers (--optimizer NAME is --optimizers NAME)");
        Converters.SeedRanges seedRanges = seeds != null ? seeds
                : parsed.hasMatchedOption("--seed") ? new Converters.SeedRanges(List.of(new long[] {network.seed,
                network.seed})) : new Converters.SeedRanges(List.of(new long[] {1, 20}));
        List<Double> rates = learningRates != null ? learningRates
                : parsed.hasMatchedOption("--learning-rate") ? List.of(network.learningRate)
                : List.of(0.1, 0.3, 1.0, 3.0);
        List<TrainingOptions.Optimizer> methods = optimizers != null ? optimizers : List.of(network.optimizer);
        List<Integer> sizes = new ArrayList<>();
        List<String> typed = batchTexts != null ? batchTexts : List.of("1", GeneralOptions.FULL);
        for (String text : typed) {
            int k = network.batchSize(spec.commandLine(), "--batch-sizes", text);
            if (batchTexts == null && sizes.contains(k)) {
                continue; // one training point: 1 is the full batch
            }
            sizes.add(k);
        }
        once("--learning-rates", "learning rates", rates, r -> NumberText.plain(r));
        once("--batch-sizes", "batch sizes", sizes, String::valueOf);
        once("--optimizers", "optimisers", methods, TrainingOptions.Optimizer::id);
        Budget budget = budget();
        long runs = seedRanges.count() * rates.size() * sizes.size() * methods.size();
        String shape = NumberText.count(seedRanges.count()) + " seeds x " + rates.size() + " learning rates x "
                + sizes.size() + " batch sizes x " + methods.size() + " optimisers";
        if (runs > StudyGrid.MAX_RUNS) {
            throw new ParameterException(spec.commandLine(), "this study has " + NumberText.count(runs) + " runs ("
                    + shape + "); a study has at most " + NumberText.count(StudyGrid.MAX_RUNS)
                    + " (run fewer seeds at a time and merge their --json files with --merge)");
        }
        if (runs > StudyGrid.CONFIRM_ABOVE && !yes) {
            throw new ParameterException(spec.commandLine(), "this study has " + NumberText.count(runs) + " runs ("
                    + shape + "), more than " + NumberText.count(StudyGrid.CONFIRM_ABOVE)
                    + ", which takes minutes to hours; add --yes to run it");
        }
        TrainingConfig base = network.config(spec.commandLine(), 1);
        try {
            return new StudyGrid(base, seedRanges.seeds(), rates, sizes, methods, targetLoss, budget);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void alternatives(String one, String many, String why) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption(one) && parsed.hasMatchedOption(many)) {
            throw new ParameterException(spec.commandLine(), one + " and " + many + " are alternatives: " + why);
        }
    }

    private <T> void once(String option, String what, List<T> values, java.util.function.Function<T, String> name) {
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new ParameterException(spec.commandLine(), option + " must give each of its " + what + " once"
                        + " (got " + name.apply(v) + " twice in '" + String.join(",", values.stream().map(name)
                        .toList()) + "')");
            }
        }
    }

    /** Exactly one of --epochs, --updates and --samples; {@value #DEFAULT_EPOCHS} epochs if none. */
    private Budget budget() {
        return Converters.budget(spec, network.epochs, updates, samples);
    }

    /** "sgd vs batch over 20 seeds (xor, 2 hidden units)". */
    private static String title(StudyGrid grid) {
        List<String> names = grid.methods().stream().map(StudyMethod::name).toList();
        return String.join(" vs ", names) + " over " + NumberText.count(grid.seeds().size())
                + (grid.seeds().size() == 1 ? " seed" : " seeds") + " (" + settings(grid) + ")";
    }

    /** The settings shared by every run: "xor, 2 hidden units", and every option that is not the notebook's. */
    private static String settings(StudyGrid grid) {
        return GeneralOptions.describeShared(grid.base());
    }

    private void printResult(PrintWriter out, StudyResult result, long nanos, int used) {
        StudyGrid grid = result.grid();
        StudySummary summary = StudySummary.of(result, measure);
        String target = "loss < " + NumberText.plain(grid.targetLoss());
        out.println("Study of " + settings(grid) + ": " + NumberText.count(grid.seeds().size())
                + (grid.seeds().size() == 1 ? " seed" : " seeds") + " x " + grid.learningRates().size()
                + (grid.learningRates().size() == 1 ? " learning rate" : " learning rates") + " x "
                + grid.methods().size() + (grid.methods().size() == 1 ? " method" : " methods") + " = "
                + NumberText.count(grid.size()) + " runs, each at most " + grid.budget().describe() + ", target "
                + target + (nanos >= 0 ? "; trained in " + NumberText.duration(nanos) + " on " + used
                + (used == 1 ? " thread" : " threads") : "; merged from " + merge.size()
                + (merge.size() == 1 ? " file" : " files")) + ".");
        if (!result.complete()) {
            out.println("Only " + NumberText.count(result.done()) + " of " + NumberText.count(result.total())
                    + " runs finished.");
        }
        List<String[]> rows = new ArrayList<>();
        String cost = measure.plural() + " to " + target;
        rows.add(new String[] {"method", "learning rate", "converged", "diverged", "q1", "median", "q3"});
        for (StudySummary.Configuration c : summary.configurations()) {
            StudySummary.Quartiles q = c.on(measure);
            rows.add(new String[] {c.method().name(), NumberText.plain(c.learningRate()),
                    NumberText.count(c.converged()) + " of " + NumberText.count(c.runs()),
                    NumberText.count(c.diverged()), cost(q.q1()), cost(q.median()), cost(q.q3())});
        }
        out.println("Per configuration, " + cost + " over the seeds (quartiles; a run that did not get there counts"
                + " as slower than any that did):");
        table(out, rows);
        StringBuilder best = new StringBuilder("Best learning rate by median " + measure.plural() + ": ");
        List<String> bests = new ArrayList<>();
        summary.best().forEach((method, rate) -> bests.add(method.name() + " " + NumberText.plain(rate)));
        out.println(best.append(bests.isEmpty() ? "none (no run finished)" : String.join(", ", bests)).append('.'));
        if (!summary.pairs().isEmpty()) {
            out.println("Paired comparison at the best rates, seed by seed, by " + measure.plural() + ":");
            for (StudySummary.PairedComparison p : summary.pairs()) {
                out.println("  " + StudyVerdict.pairLine(p));
            }
        }
        out.println(summary.verdict(grid));
        if (json != null) {
            out.println("Wrote the settings, every run and the summary to " + OutputFiles.describe(json) + ".");
        }
        if (csv != null) {
            out.println("Wrote one row per run to " + OutputFiles.describe(csv) + ".");
        }
        if (png != null) {
            out.println("Drew the ECDF and the learning-rate sensitivity to " + png + ".");
        }
    }

    /** A quartile: "606.5", "not reached", "-" for no runs yet. */
    private static String cost(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Double.isInfinite(value) ? "not reached" : NumberText.count(value);
    }

    /** Columns aligned: the first left, the others right. */
    private static void table(PrintWriter out, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < row.length; c++) {
                line.append(' ');
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? row[c] + pad : pad + row[c]).append(c < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
