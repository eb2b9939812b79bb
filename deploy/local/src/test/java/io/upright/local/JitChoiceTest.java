package io.upright.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JitChoiceTest {

    @Test
    void each_service_runs_its_measured_choice_and_others_run_c1() {
        assertThat(JitChoice.of("reminders", Map.of())).isEqualTo(JitChoice.C1);
        assertThat(JitChoice.of("insights", Map.of())).isEqualTo(JitChoice.TIERED);
        assertThat(JitChoice.of("programs", Map.of())).isEqualTo(JitChoice.C1);
    }

    @Test
    void the_override_applies_to_every_service_in_either_case() {
        assertThat(JitChoice.of("insights", Map.of("UPRIGHT_JIT", "c1"))).isEqualTo(JitChoice.C1);
        assertThat(JitChoice.of("programs", Map.of("UPRIGHT_JIT", " Tiered "))).isEqualTo(JitChoice.TIERED);
        assertThat(JitChoice.of("programs", Map.of("UPRIGHT_JIT", " "))).isEqualTo(JitChoice.C1);
    }

    @Test
    void a_service_runs_a_small_serial_heap_with_its_jit() {
        assertThat(JitChoice.jvmOptions("programs", Map.of()))
                .containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(JitChoice.jvmOptions("insights", Map.of())).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
    }
}
