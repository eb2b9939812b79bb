package io.upright.web.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * One webhook endpoint in the channels page's list.
 *
 * @param oldSecretSigns while a rotation's overlap lasts, the sentence saying until when the old secret still signs;
 *                       null otherwise (also once that time has passed, should reminders still list it)
 * @param rotateAction where the endpoint's "Rotate secret" form posts ({@link ChannelPages#rotateSecret})
 */
public record WebhookEndpointRow(UUID id, String url, String status, Instant createdAt, String oldSecretSigns,
                                 String rotateAction) {

    static WebhookEndpointRow of(RemindersAdminApi.Endpoint endpoint, Instant now, AdminMessages texts) {
        Instant until = endpoint.previousSecretValidUntil();
        String overlap = until != null && until.isAfter(now) ? texts.oldSecretAlsoSigns(until) : null;
        return new WebhookEndpointRow(endpoint.id(), endpoint.url(), endpoint.status(), endpoint.createdAt(), overlap,
                ChannelPages.PATH + ChannelPages.ROTATE.replace("{id}", endpoint.id().toString()));
    }
}
