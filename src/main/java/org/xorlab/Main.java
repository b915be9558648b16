package org.xorlab;

import javafx.application.Application;
import org.xorlab.app.XorLabApp;

/** Entry point: no arguments opens the window; anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(XorLabApp.class, args);
            return;
        }
        System.exit(org.xorlab.cli.XorLabCommand.run(args));
    }
}
