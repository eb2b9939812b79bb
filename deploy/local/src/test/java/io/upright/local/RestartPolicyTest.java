package io.upright.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void delayDoublesWithEveryCrashInsideTheWindowUpToTheCap() {
        RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 10, Duration.ofMinutes(2));

        assertThat(policy.crashed(T0).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.crashed(T0.plusSeconds(5)).delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.crashed(T0.plusSeconds(10)).delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.crashed(T0.plusSeconds(20)).delay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.crashed(T0.plusSeconds(30)).delay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void standardPolicyGivesUpAtTheFifthCrashWithinTwoMinutes() {
        RestartPolicy policy = RestartPolicy.standard();

        for (int crash = 1; crash <= 4; crash++) {
            RestartPolicy.Decision decision = policy.crashed(T0.plusSeconds(10L * crash));
            assertThat(decision.giveUp()).as("crash %d", crash).isFalse();
            assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(1L << (crash - 1)));
        }
        RestartPolicy.Decision fifth = policy.crashed(T0.plusSeconds(50));

        assertThat(fifth.giveUp()).isTrue();
        assertThat(fifth.crashesInWindow()).isEqualTo(5);
    }

    @Test
    void crashesOlderThanTheWindowNeitherCountTowardsGivingUpNorLengthenTheDelay() {
        RestartPolicy policy = RestartPolicy.standard();

        // one crash every 40 s never has five inside two minutes
        for (int crash = 0; crash < 20; crash++) {
            RestartPolicy.Decision decision = policy.crashed(T0.plusSeconds(40L * crash));
            assertThat(decision.giveUp()).as("crash %d", crash).isFalse();
            assertThat(decision.crashesInWindow()).isLessThanOrEqualTo(3);
        }
        // and after a quiet spell longer than the window the next crash starts from the short delay again
        assertThat(policy.crashed(T0.plus(Duration.ofHours(1))).delay()).isEqualTo(Duration.ofSeconds(1));
    }
}
