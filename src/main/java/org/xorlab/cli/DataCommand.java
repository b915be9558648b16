package org.xorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xorlab.engine.Data;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Samples;
import org.xorlab.session.DataCsv;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xorlab data}: writes a generated point cloud as a data file (x1,x2,y, plus a split column when a test
 * fraction is given), which {@code train --data} and the window read back.
 */
@Command(name = "data", versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Generate a point cloud (circle, gauss, xor-cloud or spiral) and write it as CSV: x1,x2,y, "
                + "and a split column (train/test) when --test-fraction is given."})
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOptions help;

    @Option(names = "--dataset", order = 1, paramLabel = "NAME", required = true, converter = Converters.CloudName.class,
            description = "Point cloud to generate: circle, gauss, xor-cloud or spiral.")
    PointCloud cloud;

    @Option(names = "--points", order = 2, paramLabel = "N", defaultValue = "200", converter = Converters.CloudPoints.class,
            description = "Number of points, 8 to 1000 (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--noise", order = 3, paramLabel = "F", defaultValue = "0", converter = Converters.Noise.class,
            description = "Noise, 0 to 0.5 (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", order = 4, paramLabel = "S", defaultValue = "1", converter = Converters.Seed.class,
            description = "Data seed, 0 to 4294967295 (default: ${DEFAULT-VALUE}); it also draws the split.")
    long seed;

    @Option(names = "--test-fraction", order = 5, paramLabel = "F", converter = Converters.TestFraction.class,
            description = "Hold out this fraction of the points as the test split, 0 to 0.9 (default: no split "
                    + "column).")
    Double testFraction;

    @Option(names = "--csv", order = 6, paramLabel = "FILE", required = true, converter = Converters.OutputFile.class,
            description = "The file to write; - for standard output (the summary then goes to standard error).")
    Path csv;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = OutputFiles.forPerson(spec.commandLine(), csv);
        Samples all = cloud.generate(points, noise, seed);
        boolean[] test = testFraction == null ? null : Data.testMask(points, testFraction, seed);
        try (OutputFiles files = new OutputFiles(spec.commandLine())) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", csv);
            OutputFiles.Pending file = files.createAll(outputs).get("--csv");
            file.writer().write(DataCsv.format(all, test));
            files.commit();
        }
        int held = 0;
        if (test != null) {
            for (boolean t : test) {
                held += t ? 1 : 0;
            }
        }
        out.println("Wrote " + describe(cloud, points, noise, seed)
                + (test == null ? "" : ", " + NumberText.count(points - held) + " train and "
                        + NumberText.count(held) + " test")
                + " to " + OutputFiles.describe(csv) + ".");
        return ExitCodes.OK;
    }

    /** "spiral (200 points, noise 0.1, seed 3)": the name a generated dataset goes by. */
    static String describe(PointCloud cloud, int points, double noise, long seed) {
        return cloud.id() + " (" + NumberText.count(points) + " points, noise " + NumberText.plain(noise)
                + ", seed " + seed + ")";
    }
}
