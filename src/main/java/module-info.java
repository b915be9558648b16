/** XOR Lab: a 2-H-1 sigmoid network learning XOR, made visible. */
module org.xorlab {
    requires commons.math3;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires javafx.controls;
    requires javafx.swing;
    requires atlantafx.base;
    requires java.desktop;
    requires org.jfree.jfreechart;
    requires org.jfree.chart.fx;

    exports org.xorlab.engine;
    exports org.xorlab.app to javafx.graphics;
    opens org.xorlab.cli to info.picocli;
}
