package org.xorlab.cli;

/** Placeholder until the command line lands. */
public final class XorLabCommand {
    private XorLabCommand() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
