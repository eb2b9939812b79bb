package io.upright.web.admin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeSecretsTest {

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-06T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final OneTimeSecrets secrets = new OneTimeSecrets(clock);

    @Test
    void a_secret_is_shown_to_its_owner_once() {
        String key = secrets.keep("ada", "https://hooks.example.com/a", "whsec_abc");
        assertThat(secrets.take("ada", key)).contains(new OneTimeSecrets.Shown("https://hooks.example.com/a", "whsec_abc", null));
        assertThat(secrets.take("ada", key)).isEmpty();
    }

    @Test
    void a_rotated_secret_is_shown_once_with_the_time_until_which_the_old_one_still_signs() {
        Instant until = clock.now.plus(Duration.ofHours(24));
        String key = secrets.keep("ada", "https://hooks.example.com/a", "whsec_new", until);
        assertThat(secrets.take("ada", key)).contains(new OneTimeSecrets.Shown("https://hooks.example.com/a", "whsec_new", until));
        assertThat(secrets.take("ada", key)).isEmpty();
    }

    @Test
    void another_person_with_the_key_sees_nothing_and_does_not_use_it_up() {
        String key = secrets.keep("ada", "https://hooks.example.com/a", "whsec_abc");
        assertThat(secrets.take("mallory", key)).isEmpty();
        assertThat(secrets.take("ada", key)).isPresent();
    }

    @Test
    void a_secret_not_fetched_in_time_is_gone() {
        String key = secrets.keep("ada", "https://hooks.example.com/a", "whsec_abc");
        clock.now = clock.now.plus(OneTimeSecrets.KEPT_FOR).plus(Duration.ofSeconds(1));
        assertThat(secrets.take("ada", key)).isEmpty();
    }

    @Test
    void keys_are_unguessable_and_distinct_and_no_key_finds_nothing() {
        String first = secrets.keep("ada", "u", "whsec_first-secret");
        String second = secrets.keep("ada", "u", "whsec_second-secret");
        // a secret long enough that a random key cannot contain it by chance (two characters would, one time in a hundred)
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(32).doesNotContain("whsec_first-secret");
        assertThat(secrets.take("ada", null)).isEmpty();
        assertThat(secrets.take("ada", "nope")).isEmpty();
    }
}
