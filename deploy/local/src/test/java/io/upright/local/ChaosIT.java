package io.upright.local;

import io.upright.localinfra.Directories;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run of the end-to-end tests (issue 13): one round of every fault against the packaged stack with
 * durable settings, while the workload runs. {@code ./upright chaos} runs the same harness and writes
 * docs/reliability.md; this keeps its promise on every change.
 */
class ChaosIT {

    @Test
    void one_round_of_every_fault_loses_and_duplicates_no_acknowledged_command_and_every_invariant_holds() throws Exception {
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("upright-chaos");
        boolean passed = false;
        try {
            ChaosRun.Result result = new ChaosRun(new ChaosRun.Options(root, home, 1, Duration.ofSeconds(30),
                    Path.of("target/reliability.md")), System.out).run();

            assertThat(result.commands().acknowledged().values().stream().mapToInt(Integer::intValue).sum())
                    .as("the workload got through").isGreaterThan(50);
            assertThat(result.commands().problems()).as("lost or duplicated acknowledged commands").isEmpty();
            result.invariants().forEach((invariant, problems) -> assertThat(problems).as(invariant).isEmpty());
            assertThat(result.gaveUp()).as("commands given up").isZero();
            assertThat(result.faults()).hasSize(9);
            passed = true;
        } finally {
            if (passed) {
                Directories.deleteQuietly(home);
            } else {
                // the services' logs and the data of a failed run are what tells why
                System.out.println("Chaos run failed; its logs and data are kept in " + home);
            }
        }
    }
}
