package org.xorlab.app.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Weights;

@ExtendWith(ApplicationExtension.class)
class HiddenUnitMapsTest {
    private HiddenUnitMaps maps;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        maps = new HiddenUnitMaps();
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(maps, 700, 240));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void eachTileShowsItsUnitsActivation(FxRobot robot) {
        Weights trained = Snapshots.trained(3, 10_000);
        DecisionGrid grid = DecisionGrid.sample(trained);
        robot.interact(() -> maps.show(grid));
        WritableImage image = Snapshots.take(maps, "hidden-h3-trained");
        List<Rectangle2D> tiles = maps.tileBounds();
        assertThat(tiles).hasSize(3);
        double[][] inputs = {{-0.3, 1.3}, {1.3, -0.3}, {0.5, 0.2}, {1.25, 1.25}};
        for (int j = 0; j < 3; j++) {
            Rectangle2D tile = tiles.get(j);
            for (double[] x : inputs) {
                double px = tile.getMinX() + (x[0] + 0.5) / 2 * tile.getWidth();
                double py = tile.getMinY() + (1.5 - x[1]) / 2 * tile.getHeight();
                double v = trained.hiddenActivation(j, x[0], x[1]);
                assertThat(Snapshots.distance(maps.colorAt(j, x[0], x[1]), Palette.forValue(v))).isLessThan(0.03);
                // What the user sees, unless the unit's own 0.5 line passes right there.
                if (Math.abs(v - 0.5) > 0.1) {
                    assertThat(Snapshots.distance(Snapshots.pixel(image, px, py), Palette.forValue(v)))
                            .as("unit %d at (%.2f, %.2f)", j, x[0], x[1]).isLessThan(0.08);
                }
            }
        }
    }

    @Test
    void aDeeperNetworksMapsShowTheChosenLayersActivationsOnItsScale(FxRobot robot) {
        org.xorlab.engine.Activation tanh = org.xorlab.engine.Activation.TANH;
        Weights w = org.xorlab.engine.DecisionGridTest.trained(tanh, 400, 4, 3).weights();
        DecisionGrid grid = DecisionGrid.sample(w, tanh, 100, -0.5, 1.5);
        robot.interact(() -> {
            maps.show(grid);
            maps.showLayer(2);
        });
        robot.interact(() -> { });
        WritableImage image = Snapshots.take(maps, "hidden-4-3-tanh-layer2");
        assertThat(maps.layer()).isEqualTo(2);
        List<Rectangle2D> tiles = maps.tileBounds();
        assertThat(tiles).hasSize(3);
        assertThat(maps.tileTitles()).containsExactly("layer 2, unit 1", "layer 2, unit 2", "layer 2, unit 3");
        int[][] cells = {{5, 5}, {94, 94}, {50, 70}, {20, 80}};
        for (int j = 0; j < 3; j++) {
            for (int[] c : cells) {
                double x0 = grid.x0(c[0]);
                double x1 = grid.x1(c[1]);
                double v = w.activations(tanh, x0, x1)[1][j];
                // tanh's -1 to 1 on the orange-white-blue scale.
                Color expected = Palette.forValue((v + 1) / 2);
                assertThat(Snapshots.distance(maps.colorAt(j, x0, x1), expected)).isLessThan(0.01);
                if (Math.abs(v) > 0.2) {
                    Rectangle2D tile = tiles.get(j);
                    double px = tile.getMinX() + (x0 + 0.5) / 2 * tile.getWidth();
                    double py = tile.getMinY() + (1.5 - x1) / 2 * tile.getHeight();
                    assertThat(Snapshots.distance(Snapshots.pixel(image, px, py), expected))
                            .as("unit %d at (%.2f, %.2f)", j, x0, x1).isLessThan(0.08);
                }
            }
        }
        // A grid of one layer shows that layer, titled as the notebook titles it.
        robot.interact(() -> maps.show(DecisionGrid.sample(Weights.initial(2, 42))));
        robot.interact(() -> { });
        assertThat(maps.layer()).isEqualTo(1);
        assertThat(maps.tileTitles()).containsExactly("h1", "h2");
        assertThatThrownBy(() -> maps.showLayer(7)).hasMessage("hidden layer must be from 1 to 6 (got 7)");
    }

    @Test
    void tilesFlowIntoRowsWithoutOverlapping(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(210);
            maps.show(DecisionGrid.sample(Weights.initial(8, 42)));
        });
        robot.interact(() -> { });
        Snapshots.take(maps, "hidden-h8-wide");
        assertNoOverlapInside(maps.tileBounds(), 8);
        assertThat(maps.tileBounds().stream().mapToDouble(Rectangle2D::getMinY).distinct().count())
                .as("a wide, low strip holds one row").isEqualTo(1);

        robot.interact(() -> {
            stage.setWidth(420);
            stage.setHeight(460);
        });
        robot.interact(() -> { });
        Snapshots.take(maps, "hidden-h8-square");
        assertNoOverlapInside(maps.tileBounds(), 8);
        assertThat(maps.tileBounds().stream().mapToDouble(Rectangle2D::getMinY).distinct().count())
                .as("a square area wraps the tiles").isGreaterThan(1);
    }

    private void assertNoOverlapInside(List<Rectangle2D> tiles, int count) {
        assertThat(tiles).hasSize(count);
        for (int a = 0; a < tiles.size(); a++) {
            Rectangle2D t = tiles.get(a);
            assertThat(t.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(t.getMaxX()).isLessThanOrEqualTo(maps.getWidth());
            assertThat(t.getMinY()).isGreaterThanOrEqualTo(20);
            assertThat(t.getMaxY()).isLessThanOrEqualTo(maps.getHeight());
            assertThat(t.getWidth()).isGreaterThan(40);
            for (int b = a + 1; b < tiles.size(); b++) {
                assertThat(t.intersects(tiles.get(b))).isFalse();
            }
        }
    }

    @Test
    void aMissingGridIsRefused() {
        assertThatThrownBy(() -> maps.show(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid");
    }
}
