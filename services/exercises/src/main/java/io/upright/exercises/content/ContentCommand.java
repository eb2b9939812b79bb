package io.upright.exercises.content;

import io.upright.exercises.catalogue.Catalogue;

import java.time.Instant;

/**
 * What an editor (or the seeder) asks of one exercise or routine. Publishing and retiring carry the library's
 * currently published content, so the pure deciders can check what other items depend on.
 */
public sealed interface ContentCommand<T> {

    String by();

    Instant at();

    /** A new item: its first draft. */
    record Create<T>(T content, String by, Instant at) implements ContentCommand<T> {
    }

    /** Change the draft; on a published item this starts the next version as a draft. */
    record Edit<T>(T content, String by, Instant at) implements ContentCommand<T> {
    }

    record SubmitForReview<T>(String by, Instant at) implements ContentCommand<T> {
    }

    /** The reviewer sends the version back to draft, saying why. */
    record RejectReview<T>(String reason, String by, Instant at) implements ContentCommand<T> {
    }

    record Publish<T>(Catalogue published, String by, Instant at) implements ContentCommand<T> {
    }

    record Retire<T>(Catalogue published, String by, Instant at) implements ContentCommand<T> {
    }

    /**
     * Load shipped content: drafted and published in one go by the seeder. Does nothing when this or a newer
     * file version was loaded before, the content is already what is published, the item was retired, or an
     * editor has a version in progress (their work is not overwritten).
     */
    record Seed<T>(T content, int seedVersion, String by, Instant at) implements ContentCommand<T> {
    }
}
