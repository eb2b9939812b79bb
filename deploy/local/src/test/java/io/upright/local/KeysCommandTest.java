package io.upright.local;

import io.upright.localinfra.DevTokens;
import io.upright.localinfra.TokenKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTest {

    private static final Instant SWITCHED = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int keys(Instant at, String... words) {
        String[] args = new String[words.length + 3];
        args[0] = "keys";
        args[1] = "--root";
        args[2] = "/repo";
        System.arraycopy(words, 0, args, 3, words.length);
        printed.reset();
        return KeysCommand.run(home, args, new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.fixed(at, ZoneOffset.UTC));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_three_steps_publish_switch_and_retire_with_the_launchers_options_skipped() {
        String first = DevTokens.inDirectory(home.resolve("keys")).keyId();

        assertThat(keys(SWITCHED, "next")).isZero();
        assertThat(output()).contains("Restart every service");
        String second = TokenKeys.in(home.resolve("keys")).publishNext();
        assertThat(DevTokens.inDirectory(home.resolve("keys")).keyId()).isEqualTo(first);

        assertThat(keys(SWITCHED, "switch")).isZero();
        assertThat(output()).contains(SWITCHED.plus(TokenKeys.PREVIOUS_KEY_KEPT).toString());
        assertThat(DevTokens.inDirectory(home.resolve("keys")).keyId()).isEqualTo(second);

        assertThat(keys(SWITCHED, "list")).isZero();
        assertThat(output()).contains(first + "  previous", second + "  signing");

        assertThat(keys(SWITCHED.plusSeconds(60), "retire")).isEqualTo(1);
        assertThat(output()).contains("--now");
        assertThat(keys(SWITCHED.plus(TokenKeys.PREVIOUS_KEY_KEPT), "retire")).isZero();
        assertThat(output()).contains(first).contains("Restart every service");
        assertThat(TokenKeys.in(home.resolve("keys")).list()).extracting(TokenKeys.Listed::keyId).containsExactly(second);
    }

    @Test
    void switching_before_publishing_fails_and_says_what_to_run() {
        assertThat(keys(SWITCHED, "switch")).isEqualTo(1);
        assertThat(output()).contains("./upright keys next");
    }

    @Test
    void retire_now_drops_the_previous_key_at_once_after_a_leak() {
        keys(SWITCHED, "next");
        keys(SWITCHED, "switch");

        assertThat(keys(SWITCHED.plusSeconds(1), "retire", "--now")).isZero();
        assertThat(TokenKeys.in(home.resolve("keys")).list()).hasSize(1);
    }

    @Test
    void an_unknown_step_prints_the_usage() {
        assertThat(keys(SWITCHED, "rotate")).isEqualTo(2);
        assertThat(output()).contains("./upright keys next", "./upright keys switch", "./upright keys retire");
    }
}
