package io.upright.exercises.content;

import java.time.Instant;

/**
 * One numbered version of an item's content. {@code note} is the reviewer's reason when it was sent back to
 * draft; {@code seedVersion} is the catalogue file version it came from (null when an editor wrote it).
 */
public record ContentVersion<T>(int version, T content, ContentStatus status, String changedBy, Instant changedAt,
                                String note, Integer seedVersion) {

    ContentVersion<T> with(ContentStatus newStatus, String by, Instant at, String newNote) {
        return new ContentVersion<>(version, content, newStatus, by, at, newNote, seedVersion);
    }

    ContentVersion<T> withContent(T newContent, String by, Instant at) {
        return new ContentVersion<>(version, newContent, status, by, at, null, seedVersion);
    }
}
