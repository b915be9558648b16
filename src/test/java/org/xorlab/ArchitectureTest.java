package org.xorlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine knows nothing of the screen or the command line: it can be trained from a test, the CLI or the app. The
 * command line knows nothing of the screen either. Nor do the run controller ({@code run}), the number formatter
 * ({@code text}), the chart drawing the window and the command line share ({@code plot}), sessions and files: only
 * {@code app} uses JavaFX. Inside the app, the folder tree is the
 * architecture: the window shell in {@code org.xorlab.app} over the two tabs ({@code train}, {@code compare}), which
 * share {@code controls} (what a tab is, and the controls on it), {@code view} and {@code chart}; the File menu's
 * commands in {@code files}.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xorlab");
    }

    @Test
    void theImportSeesTheEngine() {
        // Guards the rule below against passing vacuously on an empty import.
        assertThat(production.contain("org.xorlab.engine.Trainer")).isTrue();
        assertThat(production.contain("org.xorlab.engine.MatrixReferenceTrainer")).as("test classes excluded").isFalse();
    }

    @Test
    void theEngineDependsOnNoJavaFxAppOrCliClass() {
        noClasses().that().resideInAPackage("org.xorlab.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.xorlab.app..", "org.xorlab.cli..")
                .check(production);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        // Guards the rule against passing vacuously on a package that moved or was renamed.
        for (String c : List.of("org.xorlab.run.TrainingLoop", "org.xorlab.text.NumberText",
                "org.xorlab.session.Session", "org.xorlab.files.PendingFile", "org.xorlab.engine.Lockstep",
                "org.xorlab.plot.LossLogAxis", "org.xorlab.export.NotebookScript", "org.xorlab.export.Worksheet")) {
            assertThat(production.contain(c)).as(c).isTrue();
        }
        noClasses().that().resideInAnyPackage("org.xorlab.engine..", "org.xorlab.run..", "org.xorlab.text..",
                        "org.xorlab.session..", "org.xorlab.files..", "org.xorlab.plot..", "org.xorlab.export..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(production);
    }

    @Test
    void theRunControllerDependsOnNoAppOrCliClass() {
        // The app wraps TrainingLoop in a JavaFX Task (app.controls.TrainingTask); the loop itself can be driven from a test.
        noClasses().that().resideInAPackage("org.xorlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.app..", "org.xorlab.cli..")
                .check(production);
    }

    @Test
    void theChartDrawingDependsOnNoAppOrCliClass() {
        // Both the window's chart (app.chart) and the command line's PNG (cli) build on plot, so it knows neither.
        assertThat(production.contain("org.xorlab.plot.ChartLook")).isTrue();
        noClasses().that().resideInAPackage("org.xorlab.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.app..", "org.xorlab.cli..")
                .check(production);
    }

    @Test
    void theExportsDependOnlyOnTheEngineAndTheNumberFormatter() {
        // The window (the step inspector, File > Export) and the command line (`xorlab script`, `xorlab worksheet`)
        // use the same generators, so they know neither; they write text or to a stream, never a file or a session.
        assertThat(production.contain("org.xorlab.export.StepText")).isTrue();
        assertThat(production.contain("org.xorlab.export.NotebookScript")).isTrue();
        noClasses().that().resideInAPackage("org.xorlab.export..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.app..", "org.xorlab.cli..",
                        "org.xorlab.run..", "org.xorlab.session..", "org.xorlab.files..", "org.xorlab.plot..",
                        "java.nio.file..")
                .check(production);
    }

    @Test
    void xorLabsPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.xorlab.(*)..").namingSlices("$1").should().beFreeOfCycles().check(production);
    }

    @Test
    void theNumberFormatterDependsOnNothingElseOfXorLab() {
        noClasses().that().resideInAPackage("org.xorlab.text..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.engine..", "org.xorlab.run..",
                        "org.xorlab.session..", "org.xorlab.files..", "org.xorlab.app..", "org.xorlab.cli..")
                .check(production);
    }

    @Test
    void theCommandLineDependsOnNoJavaFxOrAppClass() {
        // `xorlab open` opens the window through a WindowOpener that Main passes in, so the command line (and
        // every headless use of it) needs no JavaFX.
        assertThat(production.contain("org.xorlab.cli.OpenCommand")).isTrue();
        noClasses().that().resideInAPackage("org.xorlab.cli..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.xorlab.app..")
                .check(production);
    }

    @Test
    void theImportSeesTheAppsPackages() {
        for (String name : APP_CLASSES) {
            assertThat(production.contain(name)).as(name).isTrue();
        }
    }

    @Test
    void theAppsPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.xorlab.app.(*)..").namingSlices("app.$1").should().beFreeOfCycles().check(production);
    }

    @Test
    void theSharedViewPackagesImportNoTab() {
        // What both tabs share knows neither, so a third tab can use it as it is.
        noClasses().that().resideInAnyPackage("org.xorlab.app.controls..", "org.xorlab.app.view..",
                        "org.xorlab.app.chart..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.app.train..", "org.xorlab.app.compare..",
                        "org.xorlab.app.study..")
                .check(production);
    }

    @Test
    void theStudyTabImportsNeitherOtherTab() {
        // The window wires it to them with callbacks: open a run in Train, a pair in Compare.
        noClasses().that().resideInAPackage("org.xorlab.app.study..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.app.train..", "org.xorlab.app.compare..")
                .check(production);
        noClasses().that().resideInAnyPackage("org.xorlab.app.train..", "org.xorlab.app.compare..")
                .should().dependOnClassesThat().resideInAPackage("org.xorlab.app.study..")
                .check(production);
    }

    @Test
    void neitherTabImportsTheOther() {
        noClasses().that().resideInAPackage("org.xorlab.app.train..")
                .should().dependOnClassesThat().resideInAPackage("org.xorlab.app.compare..")
                .check(production);
        noClasses().that().resideInAPackage("org.xorlab.app.compare..")
                .should().dependOnClassesThat().resideInAPackage("org.xorlab.app.train..")
                .check(production);
    }

    @Test
    void nothingBelowTheShellImportsIt() {
        // The window (AppShell, XorLabApp, menus, shortcuts, presenter mode) is the top; the tabs, controls and file
        // commands below it never reach back up.
        noClasses().that().resideInAPackage("org.xorlab.app.*..")
                .should().dependOnClassesThat().resideInAPackage("org.xorlab.app")
                .check(production);
    }

    /** A class of each of the app's packages, so that the rules above cannot pass on an empty import. */
    private static final List<String> APP_CLASSES = List.of("org.xorlab.app.AppShell", "org.xorlab.app.controls.LabTab",
            "org.xorlab.app.train.TrainTab", "org.xorlab.app.compare.CompareTab", "org.xorlab.app.study.StudyTab",
            "org.xorlab.app.files.Exports",
            "org.xorlab.app.view.NetworkView", "org.xorlab.app.chart.LossChart");

}
