package org.xorlab.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/**
 * This build's engine against another build's (main's before a change, say), in one JVM and one run: the other
 * build's classes load in a class loader of their own, and {@link PairedRun}'s alternating CPU-time rounds time
 * {@code Trainer.runEpochs} of each. Before timing, both train 2,000 epochs and must report the same losses bit for
 * bit. Prints PairedRun's columns with the other build as the baseline.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.xorlab.bench.AgainstBuild OTHER.jar [rounds]}, where OTHER.jar is
 * the other build's {@code target/xorlab-*.jar} (or its {@code target/classes} folder).
 */
public final class AgainstBuild {
    private AgainstBuild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: AgainstBuild OTHER.jar [rounds]");
        }
        URL other = Path.of(args[0]).toAbsolutePath().toUri().toURL();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        URL math = RealMatrix.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {other, math}, ClassLoader.getPlatformClassLoader())) {
            Class<?> datasetClass = loader.loadClass("org.xorlab.engine.Dataset");
            Class<?> configClass = loader.loadClass("org.xorlab.engine.TrainingConfig");
            Class<?> trainerClass = loader.loadClass("org.xorlab.engine.Trainer");
            Constructor<?> newConfig = configClass.getConstructor(datasetClass, int.class, long.class, double.class,
                    int.class);
            Constructor<?> newTrainer = trainerClass.getConstructor(configClass);
            Method runEpochs = trainerClass.getMethod("runEpochs", long.class,
                    loader.loadClass("org.xorlab.engine.EpochListener"));
            Method loss = trainerClass.getMethod("loss");
            Object xor = datasetClass.getMethod("valueOf", String.class).invoke(null, "XOR");

            System.out.println(PairedRun.header("other"));
            for (int batch : new int[] {1, 4}) {
                for (int hidden : new int[] {2, 8}) {
                    TrainingConfig config = new TrainingConfig(Dataset.XOR, hidden, 42, 0.1, batch);
                    Object otherConfig = newConfig.newInstance(xor, hidden, 42L, 0.1, batch);

                    Trainer mine = new Trainer(config);
                    Object theirs = newTrainer.newInstance(otherConfig);
                    for (int epoch = 1; epoch <= 2000; epoch++) {
                        mine.runEpochs(1, null);
                        runEpochs.invoke(theirs, 1L, null);
                        double a = mine.loss();
                        double b = (double) loss.invoke(theirs);
                        if (Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b)) {
                            throw new IllegalStateException("the other build's loss differs at epoch " + epoch
                                    + ": " + b + " vs " + a);
                        }
                    }

                    Trainer timed = new Trainer(config);
                    Object timedOther = newTrainer.newInstance(otherConfig);
                    System.out.println(PairedRun.compare(config, rounds, epochs -> timed.runEpochs(epochs, null),
                            epochs -> runEpochs.invoke(timedOther, epochs, null)));
                }
            }
        }
    }
}
