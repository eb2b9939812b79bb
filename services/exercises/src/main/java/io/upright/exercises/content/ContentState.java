package io.upright.exercises.content;

import java.util.List;
import java.util.Optional;

/** An exercise's or routine's versions, oldest first, folded from its events. */
public record ContentState<T>(String id, List<ContentVersion<T>> versions, boolean retired, int lastSeedVersion) {

    static <T> ContentState<T> empty() {
        return new ContentState<>(null, List.of(), false, 0);
    }

    public boolean exists() {
        return !versions.isEmpty();
    }

    public Optional<ContentVersion<T>> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version readers get; empty before the first publication and after retirement. */
    public Optional<ContentVersion<T>> published() {
        return versions.stream().filter(v -> v.status() == ContentStatus.PUBLISHED).findFirst();
    }

    /** The draft or in-review version, if an editor is working on one. */
    public Optional<ContentVersion<T>> working() {
        return latest().filter(v -> v.status().working());
    }

    /** The item's overall state as editors see it: retired, else that of its newest version. */
    public ContentStatus status() {
        return retired ? ContentStatus.RETIRED : latest().map(ContentVersion::status).orElse(ContentStatus.DRAFT);
    }
}
