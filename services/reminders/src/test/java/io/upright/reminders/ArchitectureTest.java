package io.upright.reminders;

import io.upright.testsupport.architecture.DomainPurity;
import io.upright.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

/** The map of docs/conventions.md, as far as it can be checked. */
class ArchitectureTest {

    @Test
    void domain_classes_do_not_depend_on_quarkus_jaxrs_jpa_or_cdi() {
        DomainPurity.check("io.upright.reminders");
    }

    @Test
    void packages_are_free_of_cycles() {
        PackageCycles.check("io.upright.reminders");
    }
}
