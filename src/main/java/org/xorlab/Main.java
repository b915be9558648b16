package org.xorlab;

import java.nio.file.Path;
import org.xorlab.app.XorLabApp;
import org.xorlab.cli.XorLabCommand;

/** Entry point: no arguments opens the window; anything else is the command line, which may open it too. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            XorLabApp.launchWith(null);
            return;
        }
        // The command line never opens a window (but for `xorlab open`); --png draws with Java2D into an image.
        System.setProperty("java.awt.headless", "true");
        System.exit(XorLabCommand.run(Main::openWindow, args));
    }

    /** {@code xorlab open [FILE]}: the window as with no arguments, opening FILE; returns once it is closed. */
    private static int openWindow(Path session) {
        System.clearProperty("java.awt.headless");
        XorLabApp.launchWith(session);
        return 0;
    }
}
