package org.xorlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The XOR Lab window. */
public final class XorLabApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("XOR Lab");
        stage.setScene(new Scene(new Label("XOR Lab"), 800, 600));
        stage.show();
    }
}
