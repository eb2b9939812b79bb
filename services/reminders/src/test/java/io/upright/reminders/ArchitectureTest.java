package io.upright.reminders;

import io.upright.testsupport.architecture.DomainPurity;
import org.junit.jupiter.api.Test;

class DomainPurityTest {

    @Test
    void domain_classes_do_not_depend_on_quarkus_jaxrs_jpa_or_cdi() {
        DomainPurity.check("io.upright.reminders");
    }
}
