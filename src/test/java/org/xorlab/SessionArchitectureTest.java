package org.xorlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Session and settings files know nothing of the window, so they can be tested and fuzzed on their own. */
class SessionArchitectureTest {
    @Test
    void theSessionPackageDependsOnNoJavaFxAppOrCliClass() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xorlab");
        assertThat(production.contain("org.xorlab.session.SessionFile")).isTrue();
        noClasses().that().resideInAPackage("org.xorlab.session..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.xorlab.app..", "org.xorlab.cli..")
                .check(production);
    }
}
