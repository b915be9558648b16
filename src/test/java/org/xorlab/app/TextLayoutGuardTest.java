package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window works around JavaFX's shared glyph layout race (see {@link TextLayoutGuard}): once it is open, no two
 * text layouts share a glyph layout, and every way the app is started passes the option the workaround needs.
 */
@ExtendWith(ApplicationExtension.class)
class TextLayoutGuardTest {
    private AppShell window;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    /**
     * Without the guard, a layout handed back is the one handed out next (JavaFX's shared instance), which is what
     * lets the FX and render threads free the same native strings; with it every layout is a new one.
     */
    @Test
    void noTwoTextLayoutsShareAGlyphLayout() throws Exception {
        assertThat(TextLayoutGuard.installed()).as("the guard took the shared layout").isTrue();
        Class<?> glyphLayout = Class.forName("com.sun.javafx.text.GlyphLayout");
        Method getInstance = glyphLayout.getMethod("getInstance");
        Method dispose = glyphLayout.getMethod("dispose");
        Object[] layouts = onFx(() -> {
            try {
                Object first = getInstance.invoke(null);
                dispose.invoke(first);
                Object second = getInstance.invoke(null);
                dispose.invoke(second);
                return new Object[] {first, second};
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(layouts[1]).isNotSameAs(layouts[0]);
    }

    /** The jlink launcher, the installer's launcher and the tests all export the package the guard reaches. */
    @Test
    void everyLauncherPassesTheGuardsOption() throws Exception {
        String option = "javafx.graphics/com.sun.javafx.text=org.xorlab";
        Path root = Path.of(System.getProperty("user.dir")).getParent().getParent(); // target/test-cwd
        if (!Files.exists(root.resolve("pom.xml"))) {
            root = Path.of(System.getProperty("user.dir"));
        }
        assertThat(Files.readString(root.resolve("src/main/jlink/xorlab"))).contains("--add-exports=" + option);
        String pom = Files.readString(root.resolve("pom.xml"));
        assertThat(pom).contains("--add-exports " + option).contains("<option>--add-exports=" + option + "</option>");
    }
}
