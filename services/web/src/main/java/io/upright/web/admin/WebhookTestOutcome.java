package io.upright.web.admin;

import java.util.UUID;

/**
 * What a test-send of a webhook endpoint found, in the page's words: reminders' status code or error name
 * ({@link RemindersAdminApi.TestDelivery}) made a sentence the admin can act on.
 *
 * @param url null for an endpoint no longer listed (deleted meanwhile)
 */
public record WebhookTestOutcome(UUID endpointId, String url, boolean delivered, String heading, String text) {

    static WebhookTestOutcome of(RemindersAdminApi.TestDelivery tested, String url, AdminMessages texts) {
        String text;
        if (tested.statusCode() != null) {
            text = tested.delivered() ? texts.testDelivered(tested.statusCode(), tested.durationMillis())
                    : texts.testAnsweredNot2xx(tested.statusCode(), tested.durationMillis());
        } else {
            String error = tested.error() == null ? "" : tested.error();
            switch (error) {
                case "connection-refused":
                    text = texts.testConnectionRefused();
                    break;
                case "timed-out":
                    text = texts.testTimedOut(tested.durationMillis());
                    break;
                case "tls-failed":
                    text = texts.testTlsFailed();
                    break;
                case "host-unresolvable":
                    text = texts.testHostUnresolvable();
                    break;
                case "connection-failed":
                    text = texts.testConnectionFailed();
                    break;
                case "address-refused":
                    text = texts.testAddressRefused();
                    break;
                case "secret-unreadable":
                    text = texts.testSecretUnreadable();
                    break;
                case "paused":
                    text = tested.pausedUntil() == null ? texts.testFailedOther(error) : texts.testPaused(tested.pausedUntil());
                    break;
                default:
                    // a reason reminders added later: its own word is still better than nothing
                    text = texts.testFailedOther(error);
            }
        }
        return new WebhookTestOutcome(tested.endpointId(), url, tested.delivered(),
                texts.testOutcomeHeading(url == null ? String.valueOf(tested.endpointId()) : url), text);
    }
}
