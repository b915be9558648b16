package org.xorlab.cli;

import picocli.CommandLine.Option;

/**
 * picocli's standard {@code --help} and {@code --version}, declared here so that they can carry an {@code order}: the
 * commands whose options are ordered explicitly ({@link TrainCommand}, {@link CompareCommand}) list them last, as
 * {@code mixinStandardHelpOptions} did before the orders.
 */
final class HelpOptions {
    @Option(names = {"-h", "--help"}, order = 1000, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, order = 1001, versionHelp = true,
            description = "Print version information and exit.")
    boolean version;
}
