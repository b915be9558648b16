package org.xorlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.xorlab.engine.Activation;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.files.Destination;
import org.xorlab.text.NumberText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for every option value. Each rejects a bad value with "must be ... (got '...')", saying what is
 * allowed; {@link OneLineErrors} puts the command and option name in front.
 */
final class Converters {
    /** Most epochs one command may run: about 40 s of SGD here, and a CSV of about 3 GB. */
    static final long MAX_EPOCHS = 100_000_000L;

    private static final Pattern WHOLE = Pattern.compile("[0-9]+");

    private Converters() {
    }

    /** A converter that knows how to say what it allows, for error messages. */
    abstract static class Checked<T> implements ITypeConverter<T> {
        /** What the option allows, to follow "must be". */
        abstract String allowed();

        /** The value, or null (or an IllegalArgumentException) if it is not allowed. */
        abstract T parse(String value);

        @Override
        public final T convert(String value) {
            T result;
            try {
                result = parse(value);
            } catch (IllegalArgumentException e) {
                result = null;
            }
            if (result == null) {
                throw new TypeConversionException("must be " + allowed() + " (got '" + value + "')");
            }
            return result;
        }
    }

    /** A whole number in [min, max], digits only. */
    static class WholeNumber extends Checked<Long> {
        private final long min;
        private final long max;

        WholeNumber(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        String allowed() {
            return "a whole number from " + min + " to " + max;
        }

        @Override
        Long parse(String value) {
            if (!WHOLE.matcher(value).matches()) {
                return null;
            }
            long n = Long.parseLong(value);
            return n >= min && n <= max ? n : null;
        }
    }

    /** A finite decimal number greater than 0, such as 0.1 or 1e-3; no NaN, Infinity or type suffixes. */
    static class PositiveNumber extends Checked<Double> {
        @Override
        String allowed() {
            return "a finite number greater than 0";
        }

        @Override
        Double parse(String value) {
            double d = NumberText.parseDecimal(value); // a NumberFormatException is an IllegalArgumentException
            return d > 0 && Double.isFinite(d) ? d : null;
        }
    }

    static final class LearningRate extends PositiveNumber {
    }

    static final class TargetLoss extends PositiveNumber {
    }

    static final class DatasetName extends Checked<Dataset> {
        @Override
        String allowed() {
            return "one of " + Dataset.allowedNames();
        }

        @Override
        Dataset parse(String value) {
            return Dataset.parse(value);
        }
    }

    /** A whole number in [min, max] that fits an int: a count of hidden units or a batch size. */
    abstract static class SmallWholeNumber extends Checked<Integer> {
        private final WholeNumber range;

        SmallWholeNumber(int min, int max) {
            range = new WholeNumber(min, max);
        }

        @Override
        String allowed() {
            return range.allowed();
        }

        @Override
        Integer parse(String value) {
            Long n = range.parse(value);
            return n == null ? null : n.intValue();
        }
    }

    static final class HiddenUnits extends SmallWholeNumber {
        HiddenUnits() {
            super(TrainingConfig.MIN_HIDDEN, TrainingConfig.MAX_HIDDEN);
        }
    }

    /**
     * The hidden layers' widths, input side first: one whole number (exactly as {@link HiddenUnits}, with its
     * message) or 1 to {@value TrainingOptions#MAX_LAYERS} of them separated by commas, each 1 to 8.
     */
    static final class HiddenLayers implements ITypeConverter<Widths> {
        private static final HiddenUnits WIDTH = new HiddenUnits();

        @Override
        public Widths convert(String value) {
            if (!value.contains(",")) {
                return new Widths(new int[] {WIDTH.convert(value)});
            }
            String[] parts = value.split(",", -1);
            int[] widths = new int[parts.length];
            boolean ok = parts.length <= TrainingOptions.MAX_LAYERS;
            for (int l = 0; ok && l < parts.length; l++) {
                Integer width = WIDTH.parse(parts[l].trim());
                ok = width != null;
                widths[l] = ok ? width : 0;
            }
            if (!ok) {
                throw new TypeConversionException("must be 1 to " + TrainingOptions.MAX_LAYERS + " "
                        + WIDTH.allowed().replace("a whole number", "whole numbers") + ", separated by commas (got '"
                        + value + "')");
            }
            return new Widths(widths);
        }
    }

    /** The hidden layers' widths, input side first (a single value for picocli, not a repeated option). */
    record Widths(int[] values) {
        Widths {
            values = values.clone();
        }

        @Override
        public int[] values() {
            return values.clone();
        }
    }

    /** One of an option's names, such as the optimisers', parsed by the engine's own {@code parse}. */
    abstract static class Named<T> extends Checked<T> {
        private final String names;
        private final Function<String, T> parser;

        Named(String names, Function<String, T> parser) {
            this.names = names;
            this.parser = parser;
        }

        @Override
        String allowed() {
            return "one of " + names;
        }

        @Override
        T parse(String value) {
            return parser.apply(value);
        }
    }

    private static <E> String names(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
    }

    static final class ActivationName extends Named<Activation> {
        ActivationName() {
            super(Activation.allowedNames(), Activation::parse);
        }
    }

    static final class LossName extends Named<TrainingOptions.Loss> {
        LossName() {
            super(names(TrainingOptions.Loss.values(), TrainingOptions.Loss::id),
                    TrainingOptions.Loss::parse);
        }
    }

    static final class OptimizerName extends Named<TrainingOptions.Optimizer> {
        OptimizerName() {
            super(names(TrainingOptions.Optimizer.values(), TrainingOptions.Optimizer::id),
                    TrainingOptions.Optimizer::parse);
        }
    }

    static final class RegularizationName extends Named<TrainingOptions.Regularization> {
        RegularizationName() {
            super(names(TrainingOptions.Regularization.values(), TrainingOptions.Regularization::id),
                    TrainingOptions.Regularization::parse);
        }
    }

    static final class InitName extends Named<TrainingOptions.Init> {
        InitName() {
            super(names(TrainingOptions.Init.values(), TrainingOptions.Init::id),
                    TrainingOptions.Init::parse);
        }
    }

    static final class OrderName extends Named<TrainingOptions.Order> {
        OrderName() {
            super(names(TrainingOptions.Order.values(), TrainingOptions.Order::id),
                    TrainingOptions.Order::parse);
        }
    }

    /** A decay or momentum: a number from 0 up to but not including 1. */
    static final class Decay extends Checked<Double> {
        @Override
        String allowed() {
            return "a number from 0 up to but not including 1";
        }

        @Override
        Double parse(String value) {
            double d = NumberText.parseDecimal(value);
            return d >= 0 && d < 1 ? d : null;
        }
    }

    static final class Epsilon extends PositiveNumber {
    }

    /** A penalty's rate: a finite number from 0 up. */
    static final class RegRate extends Checked<Double> {
        @Override
        String allowed() {
            return "a finite number from 0 up";
        }

        @Override
        Double parse(String value) {
            double d = NumberText.parseDecimal(value);
            return d >= 0 && Double.isFinite(d) ? d : null;
        }
    }

    /** A generated dataset's name: circle, gauss, xor-cloud or spiral. */
    static final class CloudName extends Checked<org.xorlab.engine.PointCloud> {
        @Override
        String allowed() {
            return "one of " + org.xorlab.engine.PointCloud.allowedNames();
        }

        @Override
        org.xorlab.engine.PointCloud parse(String value) {
            return org.xorlab.engine.PointCloud.find(value);
        }
    }

    /** How many points a generated dataset has. */
    static final class CloudPoints extends SmallWholeNumber {
        CloudPoints() {
            super(org.xorlab.engine.PointCloud.MIN_POINTS, org.xorlab.engine.PointCloud.MAX_POINTS);
        }
    }

    /** A number in [0, max], written as a plain decimal. */
    abstract static class Fraction extends Checked<Double> {
        private final double max;

        Fraction(double max) {
            this.max = max;
        }

        @Override
        String allowed() {
            return "a number from 0 to " + NumberText.plain(max);
        }

        @Override
        Double parse(String value) {
            double d = NumberText.parseDecimal(value);
            return d >= 0 && d <= max ? d : null;
        }
    }

    static final class Noise extends Fraction {
        Noise() {
            super(org.xorlab.engine.PointCloud.MAX_NOISE);
        }
    }

    static final class TestFraction extends Fraction {
        TestFraction() {
            super(org.xorlab.engine.Data.MAX_TEST_FRACTION);
        }
    }

    /**
     * A batch size as typed: whether it is allowed depends on the data (1 to 4 for a truth table, 1 to n or
     * {@code full} for n points), so {@link GeneralOptions#batchSize} checks it once the data is read; this only
     * says what is allowed when the value is missing.
     */
    static final class BatchSize extends Checked<String> {
        @Override
        String allowed() {
            return "a whole number from 1 to the number of training points (4 for a truth table), or full";
        }

        @Override
        String parse(String value) {
            return value;
        }
    }

    /** The network's input features: a comma-separated list such as x1,x2,x1x2, each at most once. */
    static final class Features extends Checked<FeatureList> {
        @Override
        String allowed() {
            return "a comma-separated list of " + org.xorlab.engine.Feature.allowedNames() + ", each at most once";
        }

        @Override
        FeatureList parse(String value) {
            return new FeatureList(org.xorlab.engine.Feature.parseList(value));
        }
    }

    /** The input features in order (a single value for picocli, not a repeated option). */
    record FeatureList(java.util.List<org.xorlab.engine.Feature> values) {
        FeatureList {
            values = java.util.List.copyOf(values);
        }
    }

    /**
     * A file to read: a name that is valid here (whether the file exists and what it holds is checked when it is
     * read, with the reason). Standard input is not read.
     */
    static final class InputFile extends Checked<Path> {
        @Override
        String allowed() {
            return "the name of a file to read";
        }

        @Override
        Path parse(String value) {
            if (value.isBlank() || value.equals("-")) {
                return null;
            }
            return Path.of(value); // an InvalidPathException is an IllegalArgumentException
        }
    }

    /**
     * A study's seeds: ranges such as {@code 1-100}, lists such as {@code 1,5,9}, or both ({@code 1-10,20-29}), each
     * seed from 0 to 4294967295 and given once. Kept as ranges, so that a huge range is counted (and refused by the
     * study's size) without being listed.
     */
    static final class SeedList extends Checked<SeedRanges> {
        private static final Pattern PART = Pattern.compile("([0-9]{1,19})(?:-([0-9]{1,19}))?");

        @Override
        String allowed() {
            return "seeds from 0 to " + TrainingConfig.MAX_SEED + ": a range such as 1-100, a list such as 1,5,9, or"
                    + " both, such as 1-10,20-29";
        }

        @Override
        SeedRanges parse(String value) {
            java.util.List<long[]> ranges = new java.util.ArrayList<>();
            for (String part : value.split(",", -1)) {
                java.util.regex.Matcher m = PART.matcher(part.trim());
                if (!m.matches()) {
                    return null;
                }
                long from = Long.parseLong(m.group(1));
                long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
                if (from > TrainingConfig.MAX_SEED || to > TrainingConfig.MAX_SEED) {
                    return null;
                }
                if (to < from) {
                    throw new picocli.CommandLine.TypeConversionException("has the empty range " + part.trim()
                            + ": write the smaller seed first, such as " + to + "-" + from + " (got '" + value + "')");
                }
                ranges.add(new long[] {from, to});
            }
            java.util.List<long[]> sorted = new java.util.ArrayList<>(ranges);
            sorted.sort(java.util.Comparator.comparingLong(r -> r[0]));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i)[0] <= sorted.get(i - 1)[1]) {
                    throw new picocli.CommandLine.TypeConversionException("gives seed " + sorted.get(i)[0]
                            + " twice; each seed may be given once (got '" + value + "')");
                }
            }
            return new SeedRanges(ranges);
        }
    }

    /** Seeds as the ranges typed, in order (a single seed is a range of one). */
    record SeedRanges(java.util.List<long[]> ranges) {
        /** How many seeds, without listing them. */
        long count() {
            long n = 0;
            for (long[] r : ranges) {
                n += r[1] - r[0] + 1;
            }
            return n;
        }

        /** Every seed, in the order given (only once the count is known to be small enough). */
        java.util.List<Long> seeds() {
            java.util.List<Long> list = new java.util.ArrayList<>();
            for (long[] r : ranges) {
                for (long s = r[0]; s <= r[1]; s++) {
                    list.add(s);
                }
            }
            return list;
        }

        /** "1-20", "1,5,9": as typed, without spaces. */
        @Override
        public String toString() {
            return ranges.stream().map(r -> r[0] == r[1] ? Long.toString(r[0]) : r[0] + "-" + r[1])
                    .collect(Collectors.joining(","));
        }
    }

    /** How many runs of a study train at once. */
    static final class Threads extends SmallWholeNumber {
        /** More threads than this only waste memory: a study is bound by the cores. */
        static final int MAX = 1024;

        Threads() {
            super(1, MAX);
        }
    }

    /** A landscape's plane: {@code w:P,Q}, {@code start-end} or {@code pca} ({@link LossPlane.Spec}). */
    static final class PlaneName extends Checked<LossPlane.Spec> {
        @Override
        String allowed() {
            return LossPlane.Spec.ALLOWED;
        }

        @Override
        LossPlane.Spec parse(String value) {
            return LossPlane.Spec.parse(value);
        }
    }

    /** Points along each side of a landscape's grid. */
    static final class GridSize extends SmallWholeNumber {
        static final int MIN = 2;
        static final int MAX = 1000;

        GridSize() {
            super(MIN, MAX);
        }
    }

    /** What a study's costs count: epochs, updates or samples. */
    static final class MeasureName extends Named<org.xorlab.engine.Measure> {
        MeasureName() {
            super(names(org.xorlab.engine.Measure.values(), org.xorlab.engine.Measure::id),
                    org.xorlab.engine.Measure::parse);
        }
    }

    /** A study file to merge: a name that is valid here (what the file holds is checked when it is read). */
    static final class StudyFile extends Checked<Path> {
        @Override
        String allowed() {
            return "one or more study files written by 'xorlab study --json'";
        }

        @Override
        Path parse(String value) {
            if (value.isBlank() || value.equals("-")) {
                return null;
            }
            return Path.of(value);
        }
    }

    static final class Seed extends WholeNumber {
        Seed() {
            super(0, TrainingConfig.MAX_SEED);
        }
    }

    static final class Epochs extends WholeNumber {
        Epochs() {
            super(1, MAX_EPOCHS);
        }
    }

    /** A budget of weight updates or samples: as many as the most epochs of SGD use. */
    static final class UpdatesOrSamples extends WholeNumber {
        UpdatesOrSamples() {
            super(1, MAX_EPOCHS * org.xorlab.engine.Dataset.SIZE);
        }
    }

    static final class PrintEvery extends WholeNumber {
        PrintEvery() {
            super(1, MAX_EPOCHS);
        }
    }

    /** The number of a weight update, 1 up to as many as the most epochs of SGD make. */
    static final class UpdateNumber extends WholeNumber {
        UpdateNumber() {
            super(1, MAX_EPOCHS * org.xorlab.engine.Dataset.SIZE);
        }
    }

    /**
     * A path a file can be written to: not a directory, in a directory that exists and is writable, and not an
     * existing read-only file; or {@code -}, standard output. A symbolic link is judged by its final target, and an
     * existing FIFO or device only needs to be writable itself, since it is written in place. Nothing is created
     * here; {@link OutputFiles} writes the file later.
     */
    static class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.equals("-")) {
                return standardOutput(value);
            }
            if (value.isBlank()) {
                throw fail("must name a file", value);
            }
            Path path;
            try {
                path = Path.of(value);
            } catch (InvalidPathException e) {
                throw fail("must be a valid file name", value);
            }
            if (Files.isDirectory(path) || value.endsWith("/") || value.endsWith(path.getFileSystem().getSeparator())) {
                throw fail("must name a file, not a directory", value);
            }
            Destination destination;
            try {
                destination = Destination.of(path);
            } catch (IOException e) {
                // A folder on the way that is a file, say: the checks below name it. (A link loop is reported
                // when the file is created.)
                destination = new Destination(path.toAbsolutePath(), Destination.Kind.MISSING);
            }
            if (destination.kind() == Destination.Kind.IN_PLACE) {
                if (!Files.isWritable(destination.path())) {
                    throw fail("must not be a read-only file", value);
                }
                return path;
            }
            Path parent = destination.path().getParent();
            String shown = destination.path().equals(path.toAbsolutePath()) ? quoteParent(path) : "'" + parent + "'";
            if (parent == null || !Files.exists(parent)) {
                throw fail("must be in an existing directory; " + shown + " does not exist", value);
            }
            if (!Files.isDirectory(parent)) {
                throw fail("must be in an existing directory; " + shown + " is not a directory", value);
            }
            if (!Files.isWritable(parent)) {
                throw fail("must be in a directory you can write to; " + shown + " is not writable",
                        value);
            }
            if (Files.exists(path) && !Files.isWritable(path)) {
                throw fail("must not be a read-only file", value);
            }
            return path;
        }

        /** What {@code -} means: standard output. */
        Path standardOutput(String value) {
            return OutputFiles.STANDARD_OUTPUT;
        }

        private static String quoteParent(Path path) {
            Path parent = path.getParent();
            return "'" + (parent == null ? path.toAbsolutePath().getParent() : parent) + "'";
        }

        static TypeConversionException fail(String rule, String value) {
            return new TypeConversionException(rule + " (got '" + value + "')");
        }
    }

    /** An output file for an image: like {@link OutputFile}, but a PNG never goes to standard output. */
    static final class ImageFile extends OutputFile {
        @Override
        Path standardOutput(String value) {
            throw fail("must name a file: an image is not written to standard output (use ./- for a file named -)",
                    value);
        }
    }

    /** An output file for a document (the worksheet's PDF): like {@link ImageFile}, never standard output. */
    static final class DocumentFile extends OutputFile {
        @Override
        Path standardOutput(String value) {
            throw fail("must name a file: a PDF is not written to standard output (use ./- for a file named -)",
                    value);
        }
    }

    /**
     * The budget per run of {@code compare} and {@code study}: exactly one of --epochs (the default, {@code epochs}),
     * --updates and --samples.
     *
     * @throws ParameterException naming the options when more than one was given
     */
    static Budget budget(CommandSpec spec, long epochs, Long updates, Long samples) {
        var parsed = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        for (String option : List.of("--epochs", "--updates", "--samples")) {
            if (parsed.hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (given.size() > 1) {
            throw new ParameterException(spec.commandLine(), String.join(" and ", given) + " are alternatives: give"
                    + " one of --epochs, --updates or --samples");
        }
        if (updates != null) {
            return new Budget(Measure.UPDATES, updates);
        }
        if (samples != null) {
            return new Budget(Measure.SAMPLES, samples);
        }
        return Budget.epochs(epochs);
    }
}
