package io.upright.web.admin;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointRowTest {

    private final Instant now = Instant.parse("2026-12-07T09:00:00Z");
    private final UUID id = UUID.randomUUID();

    private RemindersAdminApi.Endpoint endpoint(Instant previousSecretValidUntil) {
        return new RemindersAdminApi.Endpoint(id, "https://hooks.example.com/a", "active", Instant.EPOCH, null,
                previousSecretValidUntil);
    }

    @Test
    void while_the_overlap_lasts_the_row_says_until_when_the_old_secret_also_signs() {
        Instant until = now.plus(Duration.ofHours(23));
        WebhookEndpointRow row = WebhookEndpointRow.of(endpoint(until), now, KeyedAdminMessages.TEXTS);
        assertThat(row.oldSecretSigns()).isEqualTo("oldSecretAlsoSigns(" + until + ")");
        assertThat(row.url()).isEqualTo("https://hooks.example.com/a");
        assertThat(row.status()).isEqualTo("active");
    }

    @Test
    void without_a_rotation_or_once_the_overlap_has_ended_no_old_secret_is_mentioned() {
        assertThat(WebhookEndpointRow.of(endpoint(null), now, KeyedAdminMessages.TEXTS).oldSecretSigns()).isNull();
        assertThat(WebhookEndpointRow.of(endpoint(now), now, KeyedAdminMessages.TEXTS).oldSecretSigns()).isNull();
        assertThat(WebhookEndpointRow.of(endpoint(now.minusSeconds(1)), now, KeyedAdminMessages.TEXTS).oldSecretSigns())
                .isNull();
    }

    @Test
    void the_rotate_form_posts_to_the_page_action_that_rotates_that_endpoints_secret() throws NoSuchMethodException {
        WebhookEndpointRow row = WebhookEndpointRow.of(endpoint(null), now, KeyedAdminMessages.TEXTS);
        assertThat(row.rotateAction()).isEqualTo("/admin/channels/webhooks/" + id + "/rotate-secret");

        // the same path as the resource method that answers it, so the form and the page cannot drift apart
        java.lang.reflect.Method rotate = ChannelPages.class.getMethod("rotateSecret", UUID.class);
        assertThat(rotate.isAnnotationPresent(POST.class)).isTrue();
        String served = ChannelPages.class.getAnnotation(Path.class).value() + rotate.getAnnotation(Path.class).value();
        assertThat(served.replace("{id}", id.toString())).isEqualTo(row.rotateAction());
    }
}
