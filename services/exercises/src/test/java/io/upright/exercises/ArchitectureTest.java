package io.upright.exercises;

import io.upright.testsupport.architecture.DomainPurity;
import io.upright.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The parts of docs/conventions.md that a test can keep: a plain domain and packages without cycles. */
class ArchitectureTest {

    @Test
    void domain_classes_do_not_depend_on_quarkus_jaxrs_jpa_or_cdi() {
        DomainPurity.check("io.upright.exercises");
    }

    @Test
    void packages_have_no_cycles() {
        PackageCycles.check("io.upright.exercises");
    }
}
