package org.xorlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
 * ({@code text}), sessions and files: only {@code app} uses JavaFX.
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
                "org.xorlab.session.Session", "org.xorlab.files.PendingFile", "org.xorlab.engine.Lockstep")) {
            assertThat(production.contain(c)).as(c).isTrue();
        }
        noClasses().that().resideInAnyPackage("org.xorlab.engine..", "org.xorlab.run..", "org.xorlab.text..",
                        "org.xorlab.session..", "org.xorlab.files..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(production);
    }

    @Test
    void theRunControllerDependsOnNoAppOrCliClass() {
        // The app wraps TrainingLoop in a JavaFX Task (app.TrainingTask); the loop itself can be driven from a test.
        noClasses().that().resideInAPackage("org.xorlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xorlab.app..", "org.xorlab.cli..")
                .check(production);
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
}
