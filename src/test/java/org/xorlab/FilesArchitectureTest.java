package org.xorlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules for writing files live in one plain-Java package that the app's sessions and the command line share;
 * the engine writes no files at all.
 */
class FilesArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xorlab");
    }

    @Test
    void theFilesPackageDependsOnNothingElseOfXorLabAndNoJavaFx() {
        assertThat(production.contain("org.xorlab.files.PendingFile")).isTrue();
        noClasses().that().resideInAPackage("org.xorlab.files..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.xorlab.app..", "org.xorlab.cli..", "org.xorlab.session..",
                        "org.xorlab.engine..")
                .check(production);
    }

    @Test
    void theEngineDoesNotDependOnTheFilesPackage() {
        noClasses().that().resideInAPackage("org.xorlab.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.xorlab.files..")
                .check(production);
    }

    @Test
    void theSessionsAndTheCommandLineWriteThroughIt() {
        assertThat(production.get("org.xorlab.session.AtomicFile").getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getName().equals("org.xorlab.files.PendingFile"));
        assertThat(production.get("org.xorlab.cli.OutputFiles").getDirectDependenciesFromSelf())
                .anyMatch(d -> d.getTargetClass().getName().equals("org.xorlab.files.PendingFile"));
    }
}
