package io.upright.programs;

import io.upright.testsupport.architecture.DomainPurity;
import io.upright.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_classes_do_not_depend_on_quarkus_jaxrs_jpa_or_cdi() {
        DomainPurity.check("io.upright.programs");
    }

    @Test
    void packages_do_not_depend_on_each_other_in_cycles() {
        PackageCycles.check("io.upright.programs");
    }
}
