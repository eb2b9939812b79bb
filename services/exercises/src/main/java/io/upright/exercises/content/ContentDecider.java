package io.upright.exercises.content;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authoring workflow both exercises and routines follow: draft → in review → published → retired.
 * A published version never changes: editing a published item starts version N+1 as a draft while N stays
 * the one readers get. Only a version in review can be published or sent back; only a published item can be
 * retired, and a retired item takes no further edits. Subclasses check their content and what other items
 * depend on, and name their stored events.
 */
public abstract class ContentDecider<T, E> implements Decider<ContentCommand<T>, ContentState<T>, E> {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_REASON = 1000;

    /** "Exercise" or "Routine", for messages. */
    protected abstract String noun();

    protected abstract String idOf(T content);

    /** Field errors in the content itself (missing, blank, outside the vocabulary); empty when fine. */
    protected abstract List<FieldError> check(T content);

    /** Why this content cannot be published given the library as published now; empty when it can. */
    protected abstract List<String> publishBlockers(T content, Catalogue published);

    /** Why the item cannot be retired given the library as published now; empty when it can. */
    protected abstract List<String> retireBlockers(String id, Catalogue published);

    protected abstract E toEvent(String id, ContentChange<T> change);

    protected abstract ContentChange<T> toChange(E event);

    protected abstract String itemIdOf(E event);

    @Override
    public ContentState<T> initialState() {
        return ContentState.empty();
    }

    @Override
    public List<E> decide(ContentCommand<T> command, ContentState<T> state) {
        List<ContentChange<T>> changes = changes(command, state);
        String id = state.exists() ? state.id() : contentId(command);
        return changes.stream().map(c -> toEvent(id, c)).toList();
    }

    private String contentId(ContentCommand<T> command) {
        if (command instanceof ContentCommand.Create<T> create) {
            return idOf(create.content());
        }
        if (command instanceof ContentCommand.Seed<T> seed) {
            return idOf(seed.content());
        }
        return null;
    }

    private List<ContentChange<T>> changes(ContentCommand<T> command, ContentState<T> state) {
        if (command instanceof ContentCommand.Seed<T> seed) {
            return seed(seed, state);
        }
        if (command instanceof ContentCommand.Create<T> create) {
            if (state.exists()) {
                throw Rejection.conflict(noun() + " " + state.id() + " already exists; edit it instead");
            }
            List<FieldError> errors = new ArrayList<>(check(create.content()));
            String id = idOf(create.content());
            if (id == null || id.length() > 80 || !ID.matcher(id).matches()) {
                errors.add(0, new FieldError("id", "must be kebab-case (a-z, 0-9 and single hyphens), at most 80 characters"));
            }
            if (!errors.isEmpty()) {
                throw Rejection.invalid(errors);
            }
            return List.of(new ContentChange.Drafted<>(1, create.content(), null, create.by(), create.at()));
        }
        if (!state.exists()) {
            throw Rejection.notFound(noun());
        }
        if (state.retired()) {
            throw Rejection.conflict(noun() + " " + state.id() + " is retired and can no longer change");
        }
        ContentVersion<T> latest = state.latest().orElseThrow();
        if (command instanceof ContentCommand.Edit<T> edit) {
            List<FieldError> errors = check(edit.content());
            if (!Objects.equals(idOf(edit.content()), state.id())) {
                errors = new ArrayList<>(errors);
                errors.add(0, new FieldError("id", "must stay " + state.id() + "; ids are never renamed"));
            }
            if (!errors.isEmpty()) {
                throw Rejection.invalid(errors);
            }
            if (latest.status() == ContentStatus.DRAFT) {
                return List.of(new ContentChange.Revised<>(latest.version(), edit.content(), edit.by(), edit.at()));
            }
            if (latest.status() == ContentStatus.IN_REVIEW) {
                throw wrongState(state, latest, "edited; send it back to draft first");
            }
            // the published version stays as it is; the edit becomes the next version's draft
            return List.of(new ContentChange.Drafted<>(latest.version() + 1, edit.content(), null, edit.by(), edit.at()));
        }
        if (command instanceof ContentCommand.SubmitForReview<T> submit) {
            if (latest.status() != ContentStatus.DRAFT) {
                throw wrongState(state, latest, "submitted for review; only a draft can be");
            }
            return List.of(new ContentChange.SubmittedForReview<>(latest.version(), submit.by(), submit.at()));
        }
        if (command instanceof ContentCommand.RejectReview<T> reject) {
            if (reject.reason() == null || reject.reason().isBlank() || reject.reason().length() > MAX_REASON) {
                throw Rejection.invalid("reason", "say briefly what to change (1 to " + MAX_REASON + " characters)");
            }
            if (latest.status() != ContentStatus.IN_REVIEW) {
                throw wrongState(state, latest, "sent back to draft; only a version in review can be");
            }
            return List.of(new ContentChange.ReviewRejected<>(latest.version(), reject.reason().strip(), reject.by(), reject.at()));
        }
        if (command instanceof ContentCommand.Publish<T> publish) {
            if (latest.status() != ContentStatus.IN_REVIEW) {
                throw wrongState(state, latest, "published; only a version in review can be");
            }
            List<String> blockers = publishBlockers(latest.content(), publish.published());
            if (!blockers.isEmpty()) {
                throw Rejection.conflict("not-publishable", "Cannot publish",
                        noun() + " " + state.id() + " cannot be published: " + String.join("; ", blockers));
            }
            return List.of(new ContentChange.Published<>(latest.version(), publish.by(), publish.at()));
        }
        if (command instanceof ContentCommand.Retire<T> retire) {
            ContentVersion<T> published = state.published().orElseThrow(() -> Rejection.conflict(
                    noun() + " " + state.id() + " has no published version; only a published " + noun().toLowerCase()
                            + " can be retired"));
            List<String> blockers = retireBlockers(state.id(), retire.published());
            if (!blockers.isEmpty()) {
                throw Rejection.conflict("content-in-use", noun() + " in use",
                        noun() + " " + state.id() + " cannot be retired: " + String.join("; ", blockers));
            }
            return List.of(new ContentChange.Retired<>(published.version(), retire.by(), retire.at()));
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private List<ContentChange<T>> seed(ContentCommand.Seed<T> seed, ContentState<T> state) {
        if (!state.exists()) {
            return List.of(new ContentChange.Drafted<>(1, seed.content(), seed.seedVersion(), seed.by(), seed.at()),
                    new ContentChange.Published<>(1, seed.by(), seed.at()));
        }
        boolean alreadyPublished = state.published().map(v -> v.content().equals(seed.content())).orElse(false);
        if (state.retired() || state.lastSeedVersion() >= seed.seedVersion() || state.working().isPresent()
                || alreadyPublished) {
            return List.of();
        }
        int next = state.latest().orElseThrow().version() + 1;
        return List.of(new ContentChange.Drafted<>(next, seed.content(), seed.seedVersion(), seed.by(), seed.at()),
                new ContentChange.Published<>(next, seed.by(), seed.at()));
    }

    private Rejection wrongState(ContentState<T> state, ContentVersion<T> latest, String what) {
        return Rejection.conflict(noun() + " " + state.id() + " version " + latest.version() + " is "
                + latest.status().label() + " and cannot be " + what);
    }

    @Override
    public ContentState<T> evolve(ContentState<T> state, E event) {
        ContentChange<T> change = toChange(event);
        List<ContentVersion<T>> versions = new ArrayList<>(state.versions());
        boolean retired = state.retired();
        int lastSeed = state.lastSeedVersion();
        if (change instanceof ContentChange.Drafted<T> d) {
            versions.add(new ContentVersion<>(d.version(), d.content(), ContentStatus.DRAFT, d.by(), d.at(), null,
                    d.seedVersion()));
            if (d.seedVersion() != null) {
                lastSeed = Math.max(lastSeed, d.seedVersion());
            }
        } else if (change instanceof ContentChange.Revised<T> r) {
            replace(versions, r.version(), v -> v.withContent(r.content(), r.by(), r.at()));
        } else if (change instanceof ContentChange.SubmittedForReview<T> s) {
            replace(versions, s.version(), v -> v.with(ContentStatus.IN_REVIEW, s.by(), s.at(), null));
        } else if (change instanceof ContentChange.ReviewRejected<T> r) {
            replace(versions, r.version(), v -> v.with(ContentStatus.DRAFT, r.by(), r.at(), r.reason()));
        } else if (change instanceof ContentChange.Published<T> p) {
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).status() == ContentStatus.PUBLISHED) {
                    versions.set(i, versions.get(i).with(ContentStatus.SUPERSEDED, p.by(), p.at(), versions.get(i).note()));
                }
            }
            replace(versions, p.version(), v -> v.with(ContentStatus.PUBLISHED, p.by(), p.at(), v.note()));
        } else if (change instanceof ContentChange.Retired<T> r) {
            replace(versions, r.version(), v -> v.with(ContentStatus.RETIRED, r.by(), r.at(), v.note()));
            retired = true;
        }
        return new ContentState<>(itemIdOf(event), List.copyOf(versions), retired, lastSeed);
    }

    private static <T> void replace(List<ContentVersion<T>> versions, int version,
                                    java.util.function.UnaryOperator<ContentVersion<T>> change) {
        Optional<Integer> index = java.util.stream.IntStream.range(0, versions.size())
                .filter(i -> versions.get(i).version() == version).boxed().findFirst();
        index.ifPresent(i -> versions.set(i, change.apply(versions.get(i))));
    }
}
