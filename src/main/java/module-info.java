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
    requires org.apache.pdfbox;
    // PDFBox's own jars are automatic modules on the build's and the tests' module path, and an automatic module
    // brings no explicit module it needs into the graph: commons-logging has to be named here. (In the runtime
    // image, moditect's descriptor for PDFBox requires it as well.)
    requires org.apache.commons.logging;

    exports org.xorlab.engine;
    exports org.xorlab.app to javafx.graphics;
    opens org.xorlab.cli to info.picocli;
}
