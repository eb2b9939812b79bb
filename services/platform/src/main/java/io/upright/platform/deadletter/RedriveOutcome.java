package io.upright.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What one redrive did with one dead letter. */
@Schema(name = "RedriveOutcome", description = "What one redrive did with one dead letter")
public record RedriveOutcome(
        @Schema(description = "Partition of the dead-letter topic", example = "0") int partition,
        @Schema(description = "Offset in that partition", example = "12") long offset,
        @Schema(description = "The topic the record was consumed from", example = "upright.programs") String originalTopic,
        @Schema(description = "The event's ce_id", example = "3f2b9c1e-7a4d-4e8b-9c0d-1e2f3a4b5c6d") String eventId,
        @Schema(description = "applied: the consumer applied it now; already-applied: it had been applied before (by an "
                + "earlier redrive or a later delivery), nothing happened; failed-again: it still fails, see reason",
                enumeration = {"applied", "already-applied", "failed-again"}, example = "applied") Kind outcome,
        @Schema(description = "Why it failed again; absent otherwise", example = "record at upright.programs/0@7 has no ce_type header") String reason,
        @Schema(description = "When this redrive ran", example = "2026-12-05T20:15:00Z") Instant redrivenAt,
        @Schema(description = "How many times this record was redriven so far", example = "1") int redrives) {

    public enum Kind {
        APPLIED("applied"), ALREADY_APPLIED("already-applied"), FAILED_AGAIN("failed-again");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        static Kind of(String value) {
            for (Kind kind : values()) {
                if (kind.value.equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown redrive outcome " + value);
        }
    }
}
