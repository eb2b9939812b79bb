package io.upright.local.bench;

import io.upright.contracts.programs.TeamCreated;
import io.upright.localinfra.Durability;
import io.upright.localinfra.EmbeddedPostgresServer;
import io.upright.platform.eventstore.Aggregate;
import io.upright.platform.eventstore.Decider;
import io.upright.platform.eventstore.EventName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./upright bench append}: a command as every service runs it, through the platform's own
 * {@link io.upright.platform.eventstore.AggregateStore} (load the stream, decide, append its event to the event store)
 * and {@link io.upright.platform.outbox.Outbox} (its integration event in the same transaction), against the raw JDBC
 * a developer would write instead: an insert of a row with the same payload, and a commit. One writer on one
 * connection; PostgreSQL embedded with the durable settings of {@code ./upright up} ({@code synchronous_commit=on},
 * {@code fsync=on}), on the disk {@code ./upright up} uses.
 */
public final class AppendBenchmark implements Benchmark {

    static final String TENANT = "bench";
    /** About a small domain event of ours: an id and a sentence. */
    private static final String TEXT = "Stand up, walk to the window and back, then roll the shoulders five times. ".repeat(2).trim();

    /** The benchmark's own aggregate: one command, one event, like any service's create command. */
    sealed interface NoteEvent {
        @EventName("NoteWritten")
        record NoteWritten(UUID noteId, String text) implements NoteEvent {
        }
    }

    record WriteNote(UUID noteId, String text) {
    }

    private static final class Notes implements Decider<WriteNote, Boolean, NoteEvent> {
        @Override
        public Boolean initialState() {
            return false;
        }

        @Override
        public List<NoteEvent> decide(WriteNote command, Boolean exists) {
            if (exists) {
                throw new IllegalStateException("note " + command.noteId() + " exists");
            }
            return List.of(new NoteEvent.NoteWritten(command.noteId(), command.text()));
        }

        @Override
        public Boolean evolve(Boolean exists, NoteEvent event) {
            return true;
        }
    }

    static final Aggregate<WriteNote, Boolean, NoteEvent> NOTE = Aggregate.of("bench-note", NoteEvent.class, new Notes());

    @Override
    public String name() {
        return "append";
    }

    @Override
    public String title() {
        return "event store append with its outbox row, against a raw JDBC insert + commit";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int warmUp = run.size(500, 20);
        int singles = run.size(3000, 100);
        int batchSize = run.size(100, 20);
        int batches = run.size(40, 3);
        int rounds = run.size(2, 1);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(run.work().resolve("postgres"), 0, Durability.DURABLE)) {
            postgres.createDatabaseIfMissing("append");
            // the relay is never started here: committed rows stay in the outbox, as they would with the broker away
            try (PlatformHarness platform = new PlatformHarness(postgres.jdbcUrl("append"), EmbeddedPostgresServer.USERNAME, "127.0.0.1:9")) {
                Connection c = platform.connections.physical();
                PlatformHarness.migrate(c);
                try (Statement s = c.createStatement()) {
                    // the row a developer would insert instead: the same payload, an id, the tenant and a stream
                    s.execute("create table raw_row (id bigserial primary key, tenant_id text not null, stream_id uuid not null, payload jsonb not null)");
                }
                String eventJson = PlatformHarness.JSON.writeValueAsString(new NoteEvent.NoteWritten(UUID.randomUUID(), TEXT));
                String outboxJson = PlatformHarness.JSON.writeValueAsString(new TeamCreated(UUID.randomUUID(), TEXT, Instant.now()));

                Timed.Series platformSingle = Timed.Series.empty();
                Timed.Series rawSingle = Timed.Series.empty();
                Timed.Series rawStatements = Timed.Series.empty();
                Timed.Series platformBatch = Timed.Series.empty();
                Timed.Series rawBatch = Timed.Series.empty();
                for (int round = 1; round <= rounds; round++) {
                    boolean platformFirst = round % 2 == 1; // neither always runs on the warmer machine
                    for (int turn = 0; turn < 2; turn++) {
                        if ((turn == 0) == platformFirst) {
                            platformSingle = platformSingle.plus(Timed.repeat(warmUp, singles, 1, () -> command(platform)));
                            platformBatch = platformBatch.plus(Timed.repeat(2, batches, batchSize,
                                    () -> platform.inTransaction(() -> batchBody(platform, batchSize))));
                        } else {
                            rawSingle = rawSingle.plus(rawInserts(c, warmUp, singles, 1));
                            rawBatch = rawBatch.plus(rawInserts(c, 2, batches, batchSize));
                            rawStatements = rawStatements.plus(platformStatements(c, warmUp, singles));
                        }
                    }
                    run.progress(String.format(Locale.ROOT, "round %d: platform %.0f commands/s, raw JDBC %.0f inserts/s",
                            round, platformSingle.perSecond(), rawSingle.perSecond()));
                }
                return new Report(String.format("One writer on one connection; each round runs Upright and the baselines "
                        + "one after the other (alternating which goes first), %d round(s) of %d single transactions (after %d "
                        + "unmeasured) and %d transactions of %d commands each. Upright: the platform's `AggregateStore.handle` "
                        + "(load the new stream, decide, `EventStore.append` one %d-byte event) and `Outbox.enqueue` (one "
                        + "%d-byte `TeamCreated`) in one transaction, the platform's own classes from its jar, wired as CDI "
                        + "wires them; only Narayana and Agroal around them are replaced by a plain connection and commit "
                        + "(their own cost is not in these figures; the `rest` section measures the whole service). "
                        + "PostgreSQL 17 embedded with `synchronous_commit=on` and `fsync=on` (`./upright up`'s settings), "
                        + "data on the disk `./upright up` uses.",
                        rounds, singles, warmUp, batches, batchSize, eventJson.length(), outboxJson.length()))
                        .row(new Comparison("single-command transactions (one event + its outbox row, commit)",
                                platformSingle.measure("commands/s"), "raw JDBC insert of a row with the same payload + commit",
                                rawSingle.measure("inserts/s"), 0.7))
                        .row(new Comparison("the same, as raw JDBC: the platform's three statements (read the stream, insert the "
                                + "event, insert the outbox row) + commit", rawStatements.measure("commands/s"),
                                "raw JDBC insert + commit", rawSingle.measure("inserts/s"), null))
                        .row(new Comparison(batchSize + " commands per transaction (`AggregateStore.handleAll`: the streams read in "
                                + "one query, the events appended in one batch; `Outbox.enqueueAll`)", platformBatch.measure("commands/s"),
                                "raw JDBC batch of " + batchSize + " inserts + commit", rawBatch.measure("inserts/s"), 0.7))
                        .note("Latencies are per transaction (a batched one holds " + batchSize + " commands).");
            }
        }
    }

    private static void command(PlatformHarness platform) throws Exception {
        platform.inTransaction(() -> commandBody(platform));
    }

    /** What a service's create command does inside its transaction. */
    private static void commandBody(PlatformHarness platform) {
        UUID id = UUID.randomUUID();
        platform.aggregates.handle(TENANT, NOTE, id, new WriteNote(id, TEXT));
        platform.outbox.enqueue(TENANT, new TeamCreated(id, TEXT, Instant.now()));
    }

    /**
     * What a worker applying many commands in one transaction does (a batch of consumed records, a round of
     * reminders): every stream read in one query, every event appended in one batch, every outbox row in one batch.
     */
    private static void batchBody(PlatformHarness platform, int commands) {
        Map<UUID, WriteNote> notes = new LinkedHashMap<>();
        List<TeamCreated> announcements = new ArrayList<>(commands);
        for (int i = 0; i < commands; i++) {
            UUID id = UUID.randomUUID();
            notes.put(id, new WriteNote(id, TEXT));
            announcements.add(new TeamCreated(id, TEXT, Instant.now()));
        }
        platform.aggregates.handleAll(TENANT, NOTE, notes);
        platform.outbox.enqueueAll(TENANT, announcements);
    }

    /** {@code perTransaction} inserts of a row with the event's payload, as one JDBC batch, and a commit. */
    private static Timed.Series rawInserts(Connection c, int warmUp, int transactions, int perTransaction) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("insert into raw_row (tenant_id, stream_id, payload) values (?, ?, cast(? as jsonb))")) {
            return Timed.repeat(warmUp, transactions, perTransaction, () -> {
                for (int i = 0; i < perTransaction; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setString(1, TENANT);
                    insert.setObject(2, id);
                    insert.setString(3, PlatformHarness.JSON.writeValueAsString(new NoteEvent.NoteWritten(id, TEXT)));
                    if (perTransaction == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (perTransaction > 1) {
                    insert.executeBatch();
                }
                c.commit();
            });
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * The statements the platform sends for one command, written by hand: how much of the gap to one insert is the
     * design (a read for optimistic concurrency, the outbox row) and how much is the code around it.
     */
    private static Timed.Series platformStatements(Connection c, int warmUp, int transactions) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement load = c.prepareStatement("select version, event_type, event_version, payload from event_store "
                + "where tenant_id = ? and stream_id = ? order by version");
             PreparedStatement event = c.prepareStatement("insert into event_store (tenant_id, stream_type, stream_id, version, "
                     + "event_id, event_type, event_version, payload) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))");
             PreparedStatement outbox = c.prepareStatement("insert into outbox (tenant_id, topic, record_key, event_id, event_type, "
                     + "source, subject, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")) {
            return Timed.repeat(warmUp, transactions, 1, () -> {
                UUID id = UUID.randomUUID();
                load.setString(1, TENANT);
                load.setObject(2, id);
                try (ResultSet rs = load.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("a new stream has no events");
                    }
                }
                event.setString(1, TENANT);
                event.setString(2, "bench-raw");
                event.setObject(3, id);
                event.setLong(4, 1);
                event.setObject(5, UUID.randomUUID());
                event.setString(6, "NoteWritten");
                event.setInt(7, 1);
                event.setString(8, PlatformHarness.JSON.writeValueAsString(new NoteEvent.NoteWritten(id, TEXT)));
                event.executeUpdate();
                outbox.setString(1, TENANT);
                outbox.setString(2, "upright.programs");
                outbox.setString(3, id.toString());
                outbox.setObject(4, UUID.randomUUID());
                outbox.setString(5, "upright.programs.team-created.v1");
                outbox.setString(6, "urn:upright:programs");
                outbox.setString(7, id.toString());
                outbox.setTimestamp(8, Timestamp.from(Instant.now()));
                outbox.setString(9, PlatformHarness.JSON.writeValueAsString(new TeamCreated(id, TEXT, Instant.now())));
                outbox.executeUpdate();
                c.commit();
            });
        } finally {
            c.setAutoCommit(true);
        }
    }
}
