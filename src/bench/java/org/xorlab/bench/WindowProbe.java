package org.xorlab.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.xorlab.app.XorLabApp;

/**
 * Measures the real window from outside its classes: opens {@link XorLabApp} as the launcher does, then drives it the
 * way a teacher would (Play at the default speed, then at the fastest) and watches it.
 *
 * <ul>
 *   <li>JVM start to first frame: from the JVM's start time to the first animation pulse after the window showed.</li>
 *   <li>Frame intervals while training, at the default speed and at the fastest: the time between JavaFX pulses (an {@link AnimationTimer} asks for one every
 *       frame, about 16.7 ms when the FX thread keeps up); a long interval is a frame the window dropped because
 *       drawing (loss chart, network, decision surface) or anything else on the FX thread took too long.</li>
 *   <li>Epochs per second in the window: the status bar's epoch count over the measuring time.</li>
 *   <li>Heap after about 1,000,000 epochs: used heap after a full GC, against the same just before Play (a GC
 *       during the frame measurement would show up as a dropped frame, so there is none).</li>
 *   <li>Frame intervals while training on 1,000 points (a circle, 30 % held out, at the fastest speed): the decision
 *       surface then draws every point each frame; compare with the truth table's fastest phase of the same run.</li>
 * </ul>
 * Prints {@code key=value} lines and exits. Run on a display (Xvfb is fine), with the app's runtime class path:
 * see tools/bench.sh. Seconds of measuring per speed: system property {@code probe.seconds} (default 10).
 *
 * <p>The main class itself is not an {@link Application}: on the class path the java launcher refuses one ("JavaFX
 * runtime components are missing").
 */
public final class WindowProbe {
    private WindowProbe() {
    }

    public static void main(String[] args) {
        Application.launch(Probe.class, args);
    }

    /** The application the probe launches: XOR Lab's own, plus a frame timer. */
    public static final class Probe extends Application {
        private static final double SETTLE_SECONDS = 2;
        private static final long EPOCH_GOAL = 1_000_000;
        private static final double GIVE_UP_SECONDS = 180;

        /** What the probe is doing; each phase ends after its time and starts the next. */
        private enum Phase { SETTLE, DEFAULT_SPEED, FASTEST, HEAP, DATA_SETTLE, DATA_1000, DONE }

        private final XorLabApp app = new XorLabApp();
        private final double measureSeconds = Double.parseDouble(System.getProperty("probe.seconds", "10"));
        private Phase phase = Phase.SETTLE;
        private long phaseStart;
        private long[] intervals = new long[4096];
        private int count;
        private long last;
        private long epochsAtPhaseStart;
        private double heapBeforePlay;

        @Override
        public void start(Stage stage) {
            app.start(stage);
            Scene scene = stage.getScene();
            phaseStart = System.nanoTime();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frame(scene, now);
                }
            }.start();
        }

        private void frame(Scene scene, long now) {
            double seconds = (now - phaseStart) / 1e9;
            switch (phase) {
                case SETTLE -> {
                    if (last == 0) {
                        print("jvm_start_to_first_frame_ms",
                                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
                    }
                    if (seconds >= SETTLE_SECONDS) {
                        heapBeforePlay = heapAfterGc();
                        // Play stops only after the most epochs the field allows (StopRule.MAX_EPOCHS, 10 million;
                        // 100 million, written here before, was refused, so Play stopped at the default 10,000 before
                        // the fastest phase began); the speed stays at its default for now.
                        TextField stopEpochs = (TextField) find(scene, "#stop-epochs");
                        stopEpochs.setText(Long.toString(org.xorlab.run.StopRule.MAX_EPOCHS));
                        stopEpochs.fireEvent(new ActionEvent());
                        ((Button) find(scene, "#play")).fire();
                        next(Phase.DEFAULT_SPEED, scene, now);
                    }
                }
                case DEFAULT_SPEED, FASTEST -> {
                    record(now - last);
                    if (seconds >= measureSeconds) {
                        report(phase == Phase.FASTEST ? "fastest" : "default_speed", scene, seconds);
                        if (phase == Phase.DEFAULT_SPEED) {
                            Slider speed = (Slider) find(scene, "#speed");
                            speed.setValue(speed.getMax());
                            next(Phase.FASTEST, scene, now);
                        } else {
                            next(Phase.HEAP, scene, now);
                        }
                    }
                }
                case HEAP -> {
                    long epoch = epochs(scene);
                    if (epoch >= EPOCH_GOAL || seconds > GIVE_UP_SECONDS) {
                        print("heap_used_after_gc_before_play_mb", heapBeforePlay);
                        print("heap_check_epochs", epoch);
                        print("heap_used_after_gc_mb", heapAfterGc());
                        // 1,000 points: the circle, all of them, 30 % held out; a new config starts a new run.
                        @SuppressWarnings("unchecked")
                        ComboBox<Object> source = (ComboBox<Object>) find(scene, "#data-source");
                        source.getSelectionModel().select(1);
                        type(scene, "#data-points", "1000");
                        type(scene, "#test-fraction", "0.3");
                        next(Phase.DATA_SETTLE, scene, now);
                    }
                }
                case DATA_SETTLE -> {
                    if (seconds >= SETTLE_SECONDS) {
                        Button play = (Button) find(scene, "#play");
                        if (play.getText().equals("Play")) {
                            play.fire();
                        }
                        next(Phase.DATA_1000, scene, now);
                    }
                }
                case DATA_1000 -> {
                    record(now - last);
                    if (seconds >= measureSeconds) {
                        print("data_1000_points", ((Label) find(scene, "#data-message")).getText());
                        report("data_1000", scene, seconds);
                        next(Phase.DONE, scene, now);
                        Platform.exit();
                    }
                }
                case DONE -> {
                }
            }
            last = now;
        }

        private void next(Phase p, Scene scene, long now) {
            phase = p;
            phaseStart = now;
            count = 0;
            epochsAtPhaseStart = epochs(scene);
        }

        private void record(long interval) {
            if (count == intervals.length) {
                intervals = Arrays.copyOf(intervals, count * 2);
            }
            intervals[count++] = interval;
        }

        /** Frame interval percentiles and epochs per second of the phase that just ended. */
        private void report(String name, Scene scene, double seconds) {
            long[] sorted = Arrays.copyOf(intervals, count);
            Arrays.sort(sorted);
            print(name + "_frames_per_second", count / seconds);
            print(name + "_frame_interval_p50_ms", percentile(sorted, 0.50) / 1e6);
            print(name + "_frame_interval_p99_ms", percentile(sorted, 0.99) / 1e6);
            print(name + "_frame_interval_max_ms", sorted[count - 1] / 1e6);
            print(name + "_epochs_per_second", (epochs(scene) - epochsAtPhaseStart) / seconds);
            String speed = ((Label) find(scene, "#status-speed")).getText();
            print(name + "_status_speed", speed);
            // A phase measured after Play stopped measures an idle window: say so, so no one quotes it.
            if (speed.contains("paused") || epochs(scene) == epochsAtPhaseStart) {
                print(name + "_warning", "training was not running during this phase");
            }
        }

        private static long percentile(long[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        /** Completed epochs as the status bar shows them ("1,234" or "1,234 + 2/4"). */
        private static long epochs(Scene scene) {
            String text = ((Label) find(scene, "#status-epoch")).getText().replace(",", "");
            int space = text.indexOf(' ');
            String digits = space < 0 ? text : text.substring(0, space);
            return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Long.parseLong(digits) : 0;
        }

        private static double heapAfterGc() {
            System.gc();
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
        }

        private static void type(Scene scene, String selector, String text) {
            TextField field = (TextField) find(scene, selector);
            field.setText(text);
            field.fireEvent(new ActionEvent());
        }

        private static Node find(Scene scene, String selector) {
            Node node = scene.lookup(selector);
            if (node == null) {
                throw new IllegalStateException("the window has no " + selector + " any more: update WindowProbe");
            }
            return node;
        }

        private static void print(String key, Object value) {
            String text = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
            System.out.println(key + "=" + text);
            System.out.flush();
        }

        @Override
        public void stop() {
            app.stop();
        }
    }
}
