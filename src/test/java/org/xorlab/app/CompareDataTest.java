package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.compare.CompareModel;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.engine.Data;
import org.xorlab.engine.Feature;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.RunFrame;
import org.xorlab.run.TrainingFrame;
import org.xorlab.run.TrainingLoop;

/** The Compare tab given the Train tab's data and features: it races on them, batch sizes 1 to n. */
@ExtendWith(ApplicationExtension.class)
class CompareDataTest {
    private CompareModel model;
    private CompareTab view;

    @Start
    void start(Stage stage) {
        model = new CompareModel(CompareSetup.NOTEBOOK, TrainingLoop.MAX_SPEED);
        view = new CompareTab(model);
        Scene scene = new Scene(view, 1024, 768);
        scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(getClass().getResource(AppShell.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    private TrainingFrame frame() {
        return onFx(() -> model.frameProperty().get());
    }

    @Test
    void theTrainTabsDataRaceWithTheirTestLossAndTheFullBatchAmongTheBatchSizes() {
        Data data = DataWindowTest.CIRCLE;
        List<Feature> features = List.of(Feature.values());
        waitFor(() -> frame() != null);
        runFx(() -> view.useData(data, features));
        waitFor(() -> frame() != null && !frame().runs().get(0).snapshot().config().onTruthTable());
        List<String> names = frame().runs().stream().map(RunFrame::name).toList();
        assertThat(names).containsExactly("SGD (batch size 1)", "Batch GD (batch size 140)");
        assertThat(frame().runs().get(1).snapshot().config().inputs()).isEqualTo(7);

        // Each run's decision surface draws the data's points, not the truth table's four.
        FxTesting.settle();
        for (int run = 0; run < 2; run++) {
            final int r = run;
            assertThat(onFx(() -> ((org.xorlab.app.view.DecisionSurfaceView) view.lookup("#compare-run-" + r
                    + "-surface")).shownTrainingPoints())).as("run %d's surface", r + 1).isEqualTo(data.train());
        }

        runFx(() -> model.stepEpochs(3));
        waitFor(() -> frame().runs().stream().allMatch(r -> r.snapshot().epoch() == 3));
        FxTesting.settle();
        for (int run = 0; run < 2; run++) {
            final int r = run;
            assertThat(onFx(() -> view.chart().plottedTestPoints(r))).isEqualTo(3);
        }
        @SuppressWarnings("unchecked")
        ComboBox<Integer> batch = onFx(() -> (ComboBox<Integer>) view.lookup("#compare-run-1-batch-size"));
        assertThat(onFx(() -> List.copyOf(batch.getItems())))
                .containsExactly(1, 2, 5, 10, 20, 50, 100, 140);
        assertThat(onFx(batch::getValue)).isEqualTo(140);

        assertThat(onFx(() -> ((javafx.scene.control.Label) view.lookup("#compare-measures-note")).getText()))
                .startsWith("An epoch is one pass over the 140 training samples: batch size 1 makes 140 weight"
                        + " updates in it, batch size 140 makes one.");
        // The same data again changes nothing: the race goes on.
        runFx(() -> view.useData(data, features));
        FxTesting.settle();
        assertThat(frame().runs().get(0).snapshot().epoch()).isEqualTo(3);
        // Files saved from this race are named after its data, not after the truth table the tab started on.
        assertThat(onFx(() -> model.fileName())).isEqualTo("circle-200-points-noise-0-1-seed-1-seed42-compare-epoch3");
    }
}
