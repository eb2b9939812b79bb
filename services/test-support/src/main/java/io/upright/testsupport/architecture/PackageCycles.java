package io.upright.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps a service's packages in layers that can be read one at a time: no package (feature, {@code messaging},
 * {@code personaldata}) may depend on another that depends back on it, directly or round a longer loop.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails with the cycles found between the first-level packages under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        slices().matching(basePackage + ".(*)..")
                .should().beFreeOfCycles()
                .because("a service's packages form layers without cycles (docs/conventions.md)")
                .check(classes);
    }
}
