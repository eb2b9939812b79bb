package io.upright.assessments.scoring;

import io.upright.contracts.assessments.FindingCodes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTest {

    @Test
    void every_finding_is_a_published_finding_code_and_every_published_code_is_a_finding() {
        // consumers key on the contract's list, so a finding added here must be added there too (and vice versa)
        assertThat(Arrays.stream(Finding.values()).map(Finding::code).collect(Collectors.toSet()))
                .isEqualTo(FindingCodes.ALL);
    }
}
