package io.upright.platform;

import io.upright.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void the_platforms_packages_have_no_cycles() {
        PackageCycles.check("io.upright.platform");
    }
}
