package io.upright.exercises.content;

import io.upright.exercises.ContentConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.Routine;
import io.upright.exercises.catalogue.RoutineDefinition;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Application service of the content library: runs editor commands and the seeder through the exercise and
 * routine deciders, and keeps the version read model and the revision counter in step, in one transaction.
 * Everything is stored under the library tenant, whoever's token asked.
 */
@ApplicationScoped
public class ContentLibrary {

    public static final String EXERCISE = "exercise";
    public static final String ROUTINE = "routine";
    public static final String SEED_ACTOR = "seed";

    private static final Logger LOG = Logger.getLogger(ContentLibrary.class);

    /**
     * Describes one kind of content: its aggregate (stream type, events, rules), the same rules as a content
     * decider (the seeder asks them what blocks publishing) and its title.
     */
    public record Kind<T, E>(Aggregate<ContentCommand<T>, ContentState<T>, E> aggregate, ContentDecider<T, E> decider,
                             Function<T, String> title) {

        static <T, E> Kind<T, E> of(String streamType, Class<E> events, ContentDecider<T, E> decider,
                                    Function<T, String> title) {
            return new Kind<>(Aggregate.of(streamType, events, decider), decider, title);
        }

        public String streamType() {
            return aggregate.streamType();
        }
    }

    public static final Kind<Exercise, ExerciseEvent> EXERCISES =
            Kind.of(EXERCISE, ExerciseEvent.class, new ExerciseDecider(), Exercise::title);
    public static final Kind<RoutineDefinition, RoutineEvent> ROUTINES =
            Kind.of(ROUTINE, RoutineEvent.class, new RoutineDecider(), RoutineDefinition::title);

    /** An item's state and its stream version (its ETag for editors). */
    public record Item<T>(ContentState<T> state, long version) {
    }

    @Inject
    AggregateStore aggregates;

    @Inject
    PublishedContent published;

    @Inject
    ObjectMapper json;

    @Inject
    ContentConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Stable stream id of an item: the same slug always names the same stream. */
    public static UUID streamId(String kind, String id) {
        return UUID.nameUUIDFromBytes((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs one command. {@code command} receives the library as published right now (publishing and retiring
     * check what other items depend on).
     */
    @Transactional
    public <T, E> Item<T> handle(Kind<T, E> kind, String id, Function<Catalogue, ContentCommand<T>> command,
                                 OptionalLong ifMatch) {
        Decision<ContentState<T>, E> decision;
        try {
            decision = aggregates.handle(config.libraryTenant(), kind.aggregate(), streamId(kind.streamType(), id),
                    command.apply(published.fresh()), ifMatch);
        } catch (Rejection e) {
            // the decider cannot know the id of a stream that does not exist; say which item was meant
            throw e.reason() == Rejection.Reason.NOT_FOUND ? Rejection.notFound(noun(kind) + " " + id) : e;
        }
        if (!decision.newEvents().isEmpty()) {
            project(kind, decision.state());
        }
        return new Item<>(decision.state(), decision.version());
    }

    /**
     * The library as published now, for routine lengths in editor views. Uncached: it may run inside a
     * transaction that changed content, whose revision must never key the shared cache.
     */
    public Catalogue published() {
        return published.fresh();
    }

    public <T, E> Item<T> read(Kind<T, E> kind, String id) {
        Decision<ContentState<T>, E> read = aggregates.read(config.libraryTenant(), kind.aggregate(),
                streamId(kind.streamType(), id));
        if (!read.state().exists()) {
            throw Rejection.notFound(noun(kind) + " " + id);
        }
        return new Item<>(read.state(), read.version());
    }

    private static String noun(Kind<?, ?> kind) {
        return EXERCISE.equals(kind.streamType()) ? "Exercise" : "Routine";
    }

    /** Every version of every item of one kind, for the editors' overview (ordered by id, then version). */
    public List<ContentVersionRecord> versions(String kind) {
        return ContentVersionRecord.list("tenantId = ?1 and kind = ?2 order by contentId, version",
                config.libraryTenant(), kind);
    }

    /**
     * Loads a shipped catalogue into the library: new items are drafted and published by {@value #SEED_ACTOR};
     * an item whose file content changed in a newer {@code seedVersion} gets a new published version. Running
     * it again appends nothing. Concurrent starts queue on an advisory lock, so only one of them loads.
     *
     * @return how many events were appended
     */
    @Transactional
    public int seed(Catalogue catalogue, int seedVersion) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(7714201)) as l").getResultList();
        Instant now = Instant.now(clock);
        int appended = 0;
        Set<String> shippedRoutines = new HashSet<>();
        catalogue.routines().forEach(r -> shippedRoutines.add(r.id()));
        for (Exercise exercise : catalogue.exercises()) {
            appended += seedOne(EXERCISES, exercise.id(), new ContentCommand.Seed<>(exercise, seedVersion, SEED_ACTOR, now),
                    shippedRoutines);
        }
        List<RoutineDefinition> pending = new ArrayList<>();
        for (Routine r : catalogue.routines()) {
            pending.add(new RoutineDefinition(r.id(), r.title(), r.purpose(), r.level(), r.next(), r.exerciseIds()));
        }
        // a routine's next must be published before it, so load in passes until nothing more can be loaded
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (RoutineDefinition routine : List.copyOf(pending)) {
                int added = seedOne(ROUTINES, routine.id(), new ContentCommand.Seed<>(routine, seedVersion, SEED_ACTOR, now),
                        Set.of());
                if (added >= 0) {
                    appended += added;
                    pending.remove(routine);
                    progress = true;
                }
            }
        }
        pending.forEach(r -> LOG.warnf("Seed: routine %s was not loaded; what it depends on is not published", r.id()));
        return appended;
    }

    /** @return events appended, or -1 when the seed would change the item but what it needs is not published */
    /**
     * @param replacedRoutines routines the same file also ships: they are re-seeded next, so their published
     *                         versions do not block an exercise's new version
     */
    private <T, E> int seedOne(Kind<T, E> kind, String id, ContentCommand.Seed<T> seed, Set<String> replacedRoutines) {
        String tenant = config.libraryTenant();
        UUID streamId = streamId(kind.streamType(), id);
        Decision<ContentState<T>, E> current = aggregates.read(tenant, kind.aggregate(), streamId);
        if (kind.decider().decide(seed, current.state()).isEmpty()) {
            return 0;
        }
        List<String> blockers = kind.decider().publishBlockers(seed.content(),
                published.fresh().withoutRoutines(replacedRoutines));
        if (!blockers.isEmpty()) {
            if (ROUTINE.equals(kind.streamType())) {
                return -1;
            }
            LOG.warnf("Seed: exercise %s was not loaded: %s", id, String.join("; ", blockers));
            return 0;
        }
        Decision<ContentState<T>, E> decision = aggregates.handle(tenant, kind.aggregate(), streamId, seed,
                OptionalLong.of(current.version()));
        project(kind, decision.state());
        return decision.newEvents().size();
    }

    private <T, E> void project(Kind<T, E> kind, ContentState<T> state) {
        String tenant = config.libraryTenant();
        for (ContentVersion<T> v : state.versions()) {
            UUID rowId = ContentVersionRecord.idOf(kind.streamType(), state.id(), v.version());
            ContentVersionRecord row = ContentVersionRecord.findById(new ContentVersionRecord.Key(tenant, rowId));
            boolean fresh = row == null;
            if (fresh) {
                row = new ContentVersionRecord();
                row.tenantId = tenant;
                row.id = rowId;
                row.kind = kind.streamType();
                row.contentId = state.id();
                row.version = v.version();
            }
            row.status = v.status().label();
            row.title = kind.title().apply(v.content());
            try {
                row.content = json.writeValueAsString(v.content());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot store content of " + state.id(), e);
            }
            row.changedBy = v.changedBy();
            row.changedAt = v.changedAt();
            row.note = v.note();
            if (fresh) {
                row.persist();
            }
        }
        em.flush();
        em.createNativeQuery("insert into content_revision (tenant_id, revision) values (?1, 1) "
                        + "on conflict (tenant_id) do update set revision = content_revision.revision + 1")
                .setParameter(1, tenant).executeUpdate();
    }
}
