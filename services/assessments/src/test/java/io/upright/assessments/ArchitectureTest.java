package io.upright.assessments;

import io.upright.testsupport.architecture.DomainPurity;
import io.upright.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_classes_do_not_depend_on_quarkus_jaxrs_jpa_or_cdi() {
        DomainPurity.check("io.upright.assessments");
    }

    @Test
    void packages_depend_on_each_other_without_cycles() {
        PackageCycles.check("io.upright.assessments");
    }
}
