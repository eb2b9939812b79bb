package io.upright.reminders.teams;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerLinksTest {

    private final AnswerLinks links = new AnswerLinks("a-test-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private final UUID reminder = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Instant expires = now.plusSeconds(3600);

    @Test
    void a_link_verifies_and_says_what_it_answers() {
        // Done says nothing about what it records (that is kept on the reminder): the same link for every employee
        String done = links.token(reminder, "done", expires);
        assertThat(done).isEqualTo(reminder + ".done." + expires.getEpochSecond() + done.substring(done.lastIndexOf('.')));
        assertThat(links.verify(done, now)).get().isEqualTo(new AnswerLinks.Answer(reminder, "done", null, null, expires));
        assertThat(links.verify(links.token(reminder, "snooze", expires), now)).get()
                .extracting(AnswerLinks.Answer::action).isEqualTo("snooze");
        assertThat(links.verify(links.token(reminder, "skip", expires), now)).get()
                .extracting(AnswerLinks.Answer::action).isEqualTo("skip");
    }

    @Test
    void a_tampered_link_is_refused() {
        String token = links.token(reminder, "skip", expires);
        // another answer, another reminder, a later expiry, a changed signature: none verifies
        assertThat(links.verify(token.replace(".skip.", ".snooze."), now)).isEmpty();
        assertThat(links.verify(token.replace(reminder.toString(), UUID.randomUUID().toString()), now)).isEmpty();
        assertThat(links.verify(token.replace("." + expires.getEpochSecond() + ".", "." + (expires.getEpochSecond() + 86400) + "."), now)).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(links.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), now)).isEmpty();
        assertThat(links.verify("garbage", now)).isEmpty();
        assertThat(links.verify(null, now)).isEmpty();
        assertThat(new AnswerLinks("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8)).verify(token, now)).isEmpty();
    }

    @Test
    void an_expired_link_is_refused_but_known_to_be_authentic() {
        String token = links.token(reminder, "skip", expires);
        assertThat(links.verify(token, expires)).isEmpty();
        assertThat(links.authentic(token)).isTrue();
        assertThat(links.authentic(token.replace(".skip.", ".snooze."))).isFalse();
    }

    @Test
    void an_older_done_link_that_said_what_it_records_still_verifies_as_written() throws Exception {
        String payload = reminder + ".done-routine-8." + expires.getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("a-test-key-of-enough-length".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String older = payload + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        assertThat(links.verify(older, now)).get().isEqualTo(new AnswerLinks.Answer(reminder, "done", "routine", 8, expires));
    }

    @Test
    void only_done_snooze_and_skip_are_signed() {
        assertThatThrownBy(() -> links.token(reminder, "done-nap-3", expires)).isInstanceOf(IllegalArgumentException.class);
        // links are no longer issued saying what Done records
        assertThatThrownBy(() -> links.token(reminder, "done-routine-8", expires)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerLinks(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
