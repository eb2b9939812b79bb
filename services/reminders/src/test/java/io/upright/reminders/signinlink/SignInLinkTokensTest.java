package io.upright.reminders.signinlink;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignInLinkTokensTest {

    private final SignInLinkTokens tokens = new SignInLinkTokens("a key for the tests, thirty-two bytes at least".getBytes(StandardCharsets.UTF_8));
    private final SignInLink link = new SignInLink("acme", UUID.randomUUID(), Destination.DESK_CHECK, UUID.randomUUID(),
            Instant.parse("2026-12-06T10:15:00Z"));

    @Test
    void a_sealed_link_opens_to_the_same_person_page_nonce_and_expiry() {
        assertThat(tokens.open(tokens.seal(link))).contains(link);
    }

    @Test
    void the_token_shows_nothing_of_whose_link_it_is() {
        String token = tokens.seal(link);
        assertThat(token).doesNotContain("acme").doesNotContain(link.employeeId().toString()).doesNotContain("desk");
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void a_changed_truncated_or_foreign_token_does_not_open() {
        String token = tokens.seal(link);
        char last = token.charAt(token.length() - 2);
        String changed = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(tokens.open(changed)).isEmpty();
        assertThat(tokens.open(token.substring(0, token.length() / 2))).isEmpty();
        assertThat(tokens.open("not a token at all!")).isEmpty();
        assertThat(tokens.open("")).isEmpty();
        assertThat(tokens.open(null)).isEmpty();
        SignInLinkTokens other = new SignInLinkTokens("another key entirely, also thirty-two bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(other.open(token)).isEmpty();
    }

    @Test
    void two_links_for_the_same_page_differ() {
        SignInLink again = new SignInLink(link.tenant(), link.employeeId(), link.destination(), UUID.randomUUID(), link.expiresAt());
        assertThat(tokens.seal(again)).isNotEqualTo(tokens.seal(link));
    }

    @Test
    void a_link_expires_at_its_expiry() {
        assertThat(link.expiredAt(link.expiresAt().minusSeconds(1))).isFalse();
        assertThat(link.expiredAt(link.expiresAt())).isTrue();
    }
}
