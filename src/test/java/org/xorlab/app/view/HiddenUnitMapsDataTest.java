package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Feature;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Samples;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.run.PlotRange;

/** The hidden-unit maps on a point cloud: over the data's range, with the data's points marked, no unit square. */
@ExtendWith(ApplicationExtension.class)
class HiddenUnitMapsDataTest {
    private HiddenUnitMaps maps;

    @Start
    void start(Stage stage) {
        maps = new HiddenUnitMaps();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(maps, 700, 300));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void eachTileSpansTheDatasRangeAndMarksItsPoints(FxRobot robot) {
        Data circle = Data.of("circle", PointCloud.CIRCLE.generate(40, 0, 4));
        TrainingOptions options = TrainingOptions.NOTEBOOK.withData(circle)
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1SQ, Feature.X2SQ));
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 2, 1, 0.1, 40, options);
        Trainer t = new Trainer(config);
        t.runEpochs(50, (e, loss) -> { });
        Weights w = t.weights();
        PlotRange range = PlotRange.of(config);
        assertThat(range.min()).isLessThan(-4);
        DecisionGrid grid = DecisionGrid.sample(w, options, 100, range.min(), range.max());
        Samples points = config.samples();
        robot.interact(() -> maps.show(grid, points));
        robot.interact(() -> { });
        WritableImage image = Snapshots.take(maps, "hidden-circle-data");
        List<Rectangle2D> tiles = maps.tileBounds();
        assertThat(tiles).hasSize(2);
        Rectangle2D tile = tiles.get(0);
        double span = range.max() - range.min();
        // A point's centre is ink (the dot), a spot away from every point shows the map's own colour.
        for (int i = 0; i < points.size(); i += 7) {
            double px = tile.getMinX() + (points.x1(i) - range.min()) / span * tile.getWidth();
            double py = tile.getMinY() + (range.max() - points.x2(i)) / span * tile.getHeight();
            assertThat(Snapshots.distance(Snapshots.pixel(image, px, py), Palette.INK))
                    .as("point %d at (%.2f, %.2f)", i, points.x1(i), points.x2(i)).isLessThan(0.25);
        }
        // The truth tables' dashed unit square is not drawn: a corner of it away from every point shows the heatmap.
        double[] corner = null;
        for (double[] c : new double[][] {{1, 1}, {0, 1}, {1, 0}, {0, 0}}) {
            boolean clear = true;
            for (int i = 0; i < points.size(); i++) {
                clear &= Math.hypot(points.x1(i) - c[0], points.x2(i) - c[1]) > 0.4;
            }
            if (clear) {
                corner = c;
                break;
            }
        }
        assertThat(corner).as("a corner of the unit square away from the points").isNotNull();
        double cx = tile.getMinX() + (corner[0] - range.min()) / span * tile.getWidth();
        double cy = tile.getMinY() + (range.max() - corner[1]) / span * tile.getHeight();
        assertThat(Snapshots.distance(Snapshots.pixel(image, cx, cy), maps.colorAt(0, corner[0], corner[1])))
                .isLessThan(0.08);
    }
}
