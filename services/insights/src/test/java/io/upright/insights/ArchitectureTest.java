package io.upright.insights;

import io.upright.testsupport.architecture.DomainPurity;
import io.upright.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The parts of docs/conventions.md that can be checked: a plain domain and packages without cycles. */
class ArchitectureTest {

    @Test
    void domain_classes_do_not_depend_on_quarkus_jaxrs_jpa_or_cdi() {
        DomainPurity.check("io.upright.insights");
    }

    @Test
    void packages_are_free_of_cycles() {
        PackageCycles.check("io.upright.insights");
    }
}
