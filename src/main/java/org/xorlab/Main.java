package org.xorlab;

import javafx.application.Application;
import org.xorlab.app.XorLabApp;
import org.xorlab.cli.XorLabCommand;

/** Entry point: no arguments opens the window; anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(XorLabApp.class, args);
            return;
        }
        // The command line never opens a window; --png draws with Java2D into an image.
        System.setProperty("java.awt.headless", "true");
        System.exit(XorLabCommand.run(args));
    }
}
