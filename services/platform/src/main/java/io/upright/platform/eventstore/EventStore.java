package io.upright.platform.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Append-only store of domain events, one stream per aggregate, every row tagged with its tenant. Events
 * are records behind a sealed interface, each stored under its {@link EventName} and schema version; rows of an
 * older version are read through the {@link EventUpcaster}s registered for it.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Map<Class<?>, EventNames> eventNames = new ConcurrentHashMap<>();
    /** Per event record: finding its sealed interface ({@code Class.isSealed}) reflects anew each time, so once is kept. */
    private final Map<Class<?>, EventName> namesByRecord = new ConcurrentHashMap<>();
    private volatile Map<String, EventUpcaster> upcasterIndex;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<EventUpcaster> upcasters;

    /** Loads a tenant's stream; another tenant's stream with the same id reads as empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E> EventStream<E> load(String tenant, UUID streamId, Class<E> eventType) {
        EventNames names = namesOf(eventType);
        List<E> events = new ArrayList<>();
        long version = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select version, event_type, event_version, payload from event_store "
                             + "where tenant_id = ? and stream_id = ? order by version")) {
            ps.setString(1, tenant);
            ps.setObject(2, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    version = rs.getLong(1);
                    events.add(decode(names, eventType, streamId, rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot load stream " + streamId, e);
        }
        return new EventStream<>(List.copyOf(events), version);
    }

    /**
     * Loads many streams of one tenant in one query (a worker handling a batch), each as {@link #load} would: a
     * stream without events (or another tenant's) reads as empty at version 0.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E> Map<UUID, EventStream<E>> loadAll(String tenant, Collection<UUID> streamIds, Class<E> eventType) {
        EventNames names = namesOf(eventType);
        Map<UUID, List<E>> events = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        if (!streamIds.isEmpty()) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "select stream_id, version, event_type, event_version, payload from event_store "
                                 + "where tenant_id = ? and stream_id = any (?) order by stream_id, version")) {
                ps.setString(1, tenant);
                ps.setArray(2, c.createArrayOf("uuid", streamIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID streamId = rs.getObject(1, UUID.class);
                        versions.put(streamId, rs.getLong(2));
                        events.computeIfAbsent(streamId, id -> new ArrayList<>())
                                .add(decode(names, eventType, streamId, rs.getString(3), rs.getInt(4), rs.getString(5)));
                    }
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException("Cannot load " + streamIds.size() + " streams", e);
            }
        }
        Map<UUID, EventStream<E>> streams = new HashMap<>();
        for (UUID streamId : streamIds) {
            streams.put(streamId, new EventStream<>(List.copyOf(events.getOrDefault(streamId, List.of())),
                    versions.getOrDefault(streamId, 0L)));
        }
        return streams;
    }

    /** One stored event read as the current version of its record, upcast when it was stored as an older one. */
    private <E> E decode(EventNames names, Class<E> eventType, UUID streamId, String name, int storedVersion, String payload)
            throws JsonProcessingException {
        Class<?> type = names.type(name);
        if (type == null) {
            throw new IllegalStateException("Unknown event type " + name + " in stream " + streamId);
        }
        int currentVersion = names.nameOf(type).version();
        Object event = storedVersion == currentVersion
                ? json.readValue(payload, type)
                : json.treeToValue(upcast(eventType, name, storedVersion, currentVersion, json.readTree(payload)), type);
        return eventType.cast(event);
    }

    /**
     * Appends events after {@code expectedVersion}. If another writer got there first, the unique
     * (tenant, stream, version) constraint fails and this throws {@link ConcurrencyConflict}.
     *
     * @return the stream's version after the append
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String tenant, String streamType, UUID streamId, long expectedVersion, List<?> events) {
        appendAll(tenant, streamType, List.of(new Append(streamId, expectedVersion, events)));
        return expectedVersion + events.size();
    }

    /** New events for one stream, after the version it was read at. */
    public record Append(UUID streamId, long expectedVersion, List<?> events) {
    }

    /**
     * Appends to many streams of one tenant in one JDBC batch (one round trip), each as {@link #append} would; a
     * stream another writer got to first fails the whole batch with {@link ConcurrencyConflict}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String tenant, String streamType, List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        UUID current = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into event_store (tenant_id, stream_type, stream_id, version, event_id, event_type, "
                             + "event_version, payload) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")) {
            for (Append append : appends) {
                current = append.streamId();
                long version = append.expectedVersion();
                for (Object event : append.events()) {
                    EventName name = nameOf(event.getClass());
                    version++;
                    ps.setString(1, tenant);
                    ps.setString(2, streamType);
                    ps.setObject(3, append.streamId());
                    ps.setLong(4, version);
                    ps.setObject(5, UUID.randomUUID());
                    ps.setString(6, name.value());
                    ps.setInt(7, name.version());
                    ps.setString(8, json.writeValueAsString(event));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            boolean one = appends.size() == 1;
            if (isUniqueViolation(e)) {
                throw new ConcurrencyConflict((one ? streamType + " " + appends.get(0).streamId() : "One of " + appends.size()
                        + " " + streamType + " streams") + " was changed by someone else; reload and retry");
            }
            throw new IllegalStateException("Cannot append to " + (one ? "stream " + appends.get(0).streamId()
                    : appends.size() + " streams"), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an event for stream " + current, e);
        }
    }

    /**
     * Deletes whole streams of one tenant. The store is append-only except for erasure (GDPR Art. 17): when a
     * stream is personal through and through (an employee's own assessment answers), forgetting it is the only
     * honest way to erase it.
     *
     * @return how many events were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String tenant, String streamType, Collection<UUID> streamIds) {
        if (streamIds.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "delete from event_store where tenant_id = ? and stream_type = ? and stream_id = any (?)")) {
            ps.setString(1, tenant);
            ps.setString(2, streamType);
            ps.setArray(3, c.createArrayOf("uuid", streamIds.toArray()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase " + streamType + " streams", e);
        }
    }

    /**
     * Deletes the events of one stream that come before {@code version}, keeping that event and any after it, so the
     * stream keeps its version (and its optimistic concurrency) but no longer what led there. For erasure: an
     * employee's stream can keep only the fact of their erasure.
     *
     * @return how many events were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseBefore(String tenant, String streamType, UUID streamId, long version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "delete from event_store where tenant_id = ? and stream_type = ? and stream_id = ? and version < ?")) {
            ps.setString(1, tenant);
            ps.setString(2, streamType);
            ps.setObject(3, streamId);
            ps.setLong(4, version);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot erase the history of " + streamType + " " + streamId, e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && UNIQUE_VIOLATION.equals(sql.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The stored names of one aggregate's events (the sealed interface its records implement). */
    public EventNames namesOf(Class<?> eventType) {
        return eventNames.computeIfAbsent(eventType, EventNames::of);
    }

    private EventName nameOf(Class<?> eventClass) {
        EventName known = namesByRecord.get(eventClass);
        if (known == null) {
            known = findNameOf(eventClass);
            namesByRecord.put(eventClass, known);
        }
        return known;
    }

    private EventName findNameOf(Class<?> eventClass) {
        for (Class<?> sealed : eventClass.getInterfaces()) {
            if (sealed.isSealed()) {
                return namesOf(sealed).nameOf(eventClass);
            }
        }
        throw new IllegalArgumentException(eventClass.getName() + " does not implement a sealed event interface");
    }

    private JsonNode upcast(Class<?> eventType, String name, int storedVersion, int currentVersion, JsonNode payload) {
        if (storedVersion > currentVersion) {
            throw new IllegalStateException(name + " v" + storedVersion + " is newer than this service reads (v" + currentVersion + ")");
        }
        JsonNode upcast = payload;
        for (int v = storedVersion; v < currentVersion; v++) {
            EventUpcaster upcaster = upcasters().get(key(eventType, name, v));
            if (upcaster == null) {
                throw new IllegalStateException("No upcaster reads " + name + " v" + v + " of " + eventType.getSimpleName());
            }
            upcast = upcaster.upcast((ObjectNode) upcast);
        }
        return upcast;
    }

    private Map<String, EventUpcaster> upcasters() {
        Map<String, EventUpcaster> index = upcasterIndex;
        if (index == null) {
            Map<String, EventUpcaster> built = new HashMap<>();
            for (EventUpcaster upcaster : upcasters) {
                EventUpcaster clash = built.put(key(upcaster.events(), upcaster.eventName(), upcaster.fromVersion()), upcaster);
                if (clash != null) {
                    throw new IllegalStateException("Two upcasters read " + upcaster.eventName() + " v" + upcaster.fromVersion());
                }
            }
            index = Map.copyOf(built);
            upcasterIndex = index;
        }
        return index;
    }

    private static String key(Class<?> eventType, String name, int version) {
        return eventType.getName() + "/" + name + "/" + version;
    }
}
