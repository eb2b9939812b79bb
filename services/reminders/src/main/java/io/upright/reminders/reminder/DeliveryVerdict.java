package io.upright.reminders.reminder;


import java.util.List;

/**
 * What one engine round's calls for a reminder add up to (pure). Delivered when any channel took it; otherwise a
 * retry while some call could still succeed later (5xx, timeout, Retry-After); otherwise a final failure whose
 * contract reason names the most telling cause: a receiver gone (410) before one that rejected the message (other
 * 4xx) before an address the SSRF guard refused; no channel at all is {@code no-channel}.
 *
 * @param delivered the channel the integration event names when delivered
 * @param reason    the {@code ReminderDeliveryFailed} reason when not delivered ({@code retries-exhausted} applies
 *                  once a retryable failure can no longer be retried within the time to live)
 * @param channel   the channel kind that caused the failure (webhook, slack, teams)
 * @param postponed nothing failed: the only channel left to try holds the reminder until the person is free
 */
public record DeliveryVerdict(String delivered, boolean retryable, String reason, String channel, boolean postponed) {

    public DeliveryVerdict(String delivered, boolean retryable, String reason, String channel) {
        this(delivered, retryable, reason, channel, false);
    }

    public static final String ENDPOINT_GONE = "endpoint-gone";
    public static final String REJECTED = "rejected";
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    public static final String ADDRESS_REFUSED = "address-refused";
    public static final String NO_CHANNEL = "no-channel";

    /** One call's channel kind and how it ended. */
    public record Result(String channel, DeliveryOutcome outcome) {
    }

    public boolean isDelivered() {
        return delivered != null;
    }

    /**
     * @param preference channel kinds in the order the event prefers them when several took the reminder (the one
     *                   where the employee can answer wins)
     */
    public static DeliveryVerdict of(List<Result> all, List<String> preference) {
        // a channel that turned out not to serve the person counts as no call
        List<Result> results = all.stream().filter(r -> r.outcome() != DeliveryOutcome.NOT_SERVED).toList();
        if (results.isEmpty()) {
            return new DeliveryVerdict(null, false, NO_CHANNEL, null); // no channel to name
        }
        String best = null;
        for (Result r : results) {
            if (r.outcome() == DeliveryOutcome.DELIVERED && (best == null || rank(r.channel(), preference) < rank(best, preference))) {
                best = r.channel();
            }
        }
        if (best != null) {
            return new DeliveryVerdict(best, false, null, null);
        }
        Result retryable = null;
        boolean onlyPostponed = true;
        for (Result r : results) {
            if (r.outcome().retryable()) {
                retryable = retryable == null ? r : retryable;
                onlyPostponed &= r.outcome() == DeliveryOutcome.POSTPONED;
            }
        }
        if (retryable != null) {
            // postponed alone: the person is busy, nothing failed; past its time to live the reminder expires
            return new DeliveryVerdict(null, true, RETRIES_EXHAUSTED, retryable.channel(), onlyPostponed);
        }
        for (DeliveryOutcome cause : new DeliveryOutcome[]{DeliveryOutcome.GONE, DeliveryOutcome.REJECTED, DeliveryOutcome.BLOCKED}) {
            for (Result r : results) {
                if (r.outcome() == cause) {
                    return new DeliveryVerdict(null, false, reasonOf(cause), r.channel());
                }
            }
        }
        return new DeliveryVerdict(null, true, RETRIES_EXHAUSTED, results.get(0).channel());
    }

    private static String reasonOf(DeliveryOutcome outcome) {
        if (outcome == DeliveryOutcome.GONE) {
            return ENDPOINT_GONE;
        }
        return outcome == DeliveryOutcome.REJECTED ? REJECTED : ADDRESS_REFUSED;
    }

    private static int rank(String channel, List<String> preference) {
        int i = preference.indexOf(channel);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
