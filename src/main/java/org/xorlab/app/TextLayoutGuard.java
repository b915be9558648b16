package org.xorlab.app;

import java.lang.reflect.Method;

/**
 * Works around a JavaFX 21 bug that can abort the JVM on Linux: {@code PangoGlyphLayout.dispose()} hands the one
 * shared glyph layout back ({@code GlyphLayout.dispose()}) before it frees the UTF-8 strings of its runs, so while
 * the FX thread lays out a label of complex text (a combining accent, Arabic, Hebrew, an emoji in a file name or a
 * message that quotes one) the render thread, laying out a canvas's text, can take the same layout and free the same
 * strings: "double free or corruption" and SIGABRT. The monkey test hit it three times in CI.
 *
 * <p>The workaround (the one Defold's editor ships, defold/defold#13259) takes the shared layout once and never gives
 * it back: JavaFX then makes a new layout for every text laid out, which no other thread can hold. That costs one
 * small object per layout. It needs {@code --add-exports javafx.graphics/com.sun.javafx.text=org.xorlab}, which
 * the launcher, the installer and the tests pass; without it {@link #install()} does nothing and says so through
 * {@link #installed()}.
 */
public final class TextLayoutGuard {
    private static volatile boolean installed;

    private TextLayoutGuard() {
    }

    /** Takes JavaFX's shared glyph layout for good; call on the FX thread once the toolkit runs. Idempotent. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Class<?> layout = Class.forName("com.sun.javafx.text.GlyphLayout");
            Method getInstance = layout.getMethod("getInstance");
            getInstance.invoke(null); // never disposed: the shared instance stays in use
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not exported to this module (run without the launcher's options): JavaFX's own behaviour stays.
        }
    }

    /** True once {@link #install()} has taken the shared layout. */
    public static boolean installed() {
        return installed;
    }
}
