package io.upright.exercises.content;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.content.ContentViews.Summary;
import io.upright.platform.api.ETags;
import io.upright.platform.api.IdempotentRequests;
import io.upright.platform.api.Page;
import io.upright.platform.identity.CurrentUser;
import io.upright.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps the exercise and routine authoring resources share: the library-team check, the commands built for
 * the caller at the current time, the ETag and the answer's shape. Each resource keeps its own paths, OpenAPI
 * text and body type, and delegates to this in one line per operation.
 */
@ApplicationScoped
public class ContentAuthoring {

    static final List<String> STATUSES = List.of("draft", "in-review", "published", "retired");

    /**
     * One kind as the authoring API shows it: where its items live, how an edit without an id takes the one in
     * the path, and its item view (given the library as published now, read only when the view needs it).
     */
    public record Authored<T>(ContentLibrary.Kind<T, ?> kind, String path, BiFunction<T, String, T> withId,
                              BiFunction<ContentState<T>, Supplier<Catalogue>, Object> view) {
    }

    @Inject
    ContentLibrary library;

    @Inject
    CurrentUser user;

    @Inject
    LibraryEditors editors;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Clock clock;

    public Page<Summary> list(Authored<?> authored, String status, int page, int size) {
        editors.requireLibraryTeam();
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be one of draft, in-review, published, retired");
        }
        return ContentViews.summaries(library.versions(authored.kind().streamType()), status, page, size);
    }

    /** Drafts version 1; the operation name for {@code Idempotency-Key} is {@code create-<kind>}. */
    public <T> Response create(Authored<T> authored, String idempotencyKey, T content, String contentId) {
        editors.requireLibraryTeam();
        String id = contentId == null ? "" : contentId;
        String operation = "create-" + authored.kind().streamType();
        return idempotency.run(user.tenant(), user.subject(), operation, idempotencyKey, content, () -> {
            ContentLibrary.Item<T> item = library.handle(authored.kind(), id,
                    published -> new ContentCommand.Create<>(content, user.subject(), currentTime()),
                    ETags.ifMatch(null));
            return IdempotentRequests.Outcome.created(URI.create(authored.path() + "/" + id), view(authored, item))
                    .withVersion(item.version());
        });
    }

    public <T> Response get(Authored<T> authored, String id) {
        editors.requireLibraryTeam();
        return answer(authored, library.read(authored.kind(), id));
    }

    /** {@code contentId} null: the body leaves the id out and means the one in the path. */
    public <T> Response edit(Authored<T> authored, String id, String ifMatch, T content, String contentId) {
        T edited = contentId == null ? authored.withId().apply(content, id) : content;
        return change(authored, id, ifMatch,
                published -> new ContentCommand.Edit<>(edited, user.subject(), currentTime()));
    }

    public <T> Response submit(Authored<T> authored, String id, String ifMatch) {
        return change(authored, id, ifMatch,
                published -> new ContentCommand.SubmitForReview<>(user.subject(), currentTime()));
    }

    public <T> Response reject(Authored<T> authored, String id, String ifMatch, String reason) {
        return change(authored, id, ifMatch,
                published -> new ContentCommand.RejectReview<>(reason, user.subject(), currentTime()));
    }

    public <T> Response publish(Authored<T> authored, String id, String ifMatch) {
        return change(authored, id, ifMatch,
                published -> new ContentCommand.Publish<>(published, user.subject(), currentTime()));
    }

    public <T> Response retire(Authored<T> authored, String id, String ifMatch) {
        return change(authored, id, ifMatch,
                published -> new ContentCommand.Retire<>(published, user.subject(), currentTime()));
    }

    private <T> Response change(Authored<T> authored, String id, String ifMatch,
                                Function<Catalogue, ContentCommand<T>> command) {
        editors.requireLibraryTeam();
        return answer(authored, library.handle(authored.kind(), id, command, ETags.ifMatch(ifMatch)));
    }

    private <T> Response answer(Authored<T> authored, ContentLibrary.Item<T> item) {
        return Response.ok(view(authored, item)).tag(ETags.of(item.version())).build();
    }

    private <T> Object view(Authored<T> authored, ContentLibrary.Item<T> item) {
        return authored.view().apply(item.state(), library::published);
    }

    private Instant currentTime() {
        return Instant.now(clock);
    }
}
