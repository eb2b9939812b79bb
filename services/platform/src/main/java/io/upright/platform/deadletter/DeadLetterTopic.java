package io.upright.platform.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which topic holds this service's dead letters: the configured one, else the one its incoming channels publish
 * their dead letters to. Pure, so the rule is tested without a running application.
 */
final class DeadLetterTopic {

    private static final Pattern CHANNEL_DLQ = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    private DeadLetterTopic() {
    }

    /**
     * @param configured {@code upright.dead-letters.topic}, if set
     * @param properties every configuration property name with its value (only the channels' DLQ topics matter)
     * @return empty for a service that consumes nothing
     * @throws IllegalStateException when the channels name different topics and none is configured: the list and
     *                               the redrive work on one topic, and guessing would hide the other's records
     */
    static Optional<String> resolve(Optional<String> configured, Map<String, String> properties) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Optional.of(configured.get().strip());
        }
        Set<String> named = new TreeSet<>();
        properties.forEach((name, value) -> {
            Matcher m = CHANNEL_DLQ.matcher(name);
            if (m.matches() && value != null && !value.isBlank()) {
                named.add(value.strip());
            }
        });
        if (named.size() > 1) {
            throw new IllegalStateException("The incoming channels dead-letter to several topics " + named
                    + "; set upright.dead-letters.topic to the one the operator endpoints should read");
        }
        return named.stream().findFirst();
    }
}
