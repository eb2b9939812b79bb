package io.upright.assessments.scoring;

import io.upright.contracts.assessments.FindingCodes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTest {

    @Test
    void every_finding_is_a_published_finding_code_and_every_published_code_is_a_finding() {
        // consumers key on the contract's lists, so a finding added here must be added there too (and vice versa)
        Set<String> workstation = Arrays.stream(Finding.values()).map(Finding::code).collect(Collectors.toSet());
        Set<String> rosa = Arrays.stream(RosaFinding.values()).map(RosaFinding::code).collect(Collectors.toSet());
        assertThat(workstation).isEqualTo(FindingCodes.WORKSTATION_BASICS);
        assertThat(rosa).isEqualTo(FindingCodes.ROSA);
        Set<String> all = new HashSet<>(workstation);
        all.addAll(rosa);
        assertThat(all).isEqualTo(FindingCodes.ALL).hasSize(workstation.size() + rosa.size());
    }
}
