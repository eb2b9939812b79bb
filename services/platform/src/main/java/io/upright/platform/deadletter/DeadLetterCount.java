package io.upright.platform.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many dead letters this service holds, and how many of them still wait for a redrive that works. */
@Schema(name = "DeadLetterCount", description = "This service's dead letters in numbers")
public record DeadLetterCount(
        @Schema(description = "This service's dead-letter topic; null for a service that consumes nothing", example = "upright.reminders.dlq") String topic,
        @Schema(description = "Records on the topic now", example = "3") long total,
        @Schema(description = "Records not yet applied by a redrive (never redriven, or failed again)", example = "2") long pending) {
}
