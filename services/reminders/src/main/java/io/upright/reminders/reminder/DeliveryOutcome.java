package io.upright.reminders.reminder;

/**
 * Where one call of a delivery channel ended: accepted (2xx), gone for good (410), rejected (another 4xx except 408
 * and 429: the receiver will not take it, retrying is pointless), failed (5xx, timeout, network: worth a retry),
 * refused by the SSRF guard, or throttled (the receiver asked, with 429 or 503 and {@code Retry-After}, not to be
 * called before some instant; see {@link DeliveryChannel#pausedUntil}), or postponed (the person is busy, in Do Not
 * Disturb or a huddle: delivered once that ends, within the time to live, else the reminder expires).
 */
public enum DeliveryOutcome {
    DELIVERED, GONE, REJECTED, FAILED, BLOCKED, THROTTLED, POSTPONED,
    /**
     * The channel found, once it looked, that it does not serve this person (no Slack user for them): as if it had
     * made no call, so the tenant's other channels decide.
     */
    NOT_SERVED;

    /** Whether calling again, later, could change the answer. */
    public boolean retryable() {
        return this == FAILED || this == THROTTLED || this == POSTPONED;
    }

    /** The outcome of an HTTP status that is neither 2xx nor a Retry-After throttle. */
    public static DeliveryOutcome ofFailedStatus(int status) {
        if (status == 410) {
            return GONE;
        }
        return status >= 400 && status < 500 && status != 408 && status != 429 ? REJECTED : FAILED;
    }
}
