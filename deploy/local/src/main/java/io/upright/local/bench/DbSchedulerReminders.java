package io.upright.local.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.standardwebhooks.Webhook;
import io.upright.local.Api;
import io.upright.localinfra.EmbeddedPostgresServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The baseline of {@code ./upright bench reminders}: what a team would write instead of the reminder engine, with
 * {@code db-scheduler} (a persistent task scheduler on the same PostgreSQL). One task instance per employee, due at the
 * employee's slot; its execution POSTs a signed JSON body shaped like the engine's webhook to the same sink, and then
 * reschedules itself one cadence later (db-scheduler's own completion: the row is updated, i.e. marked done and
 * queued again, as the engine marks a reminder sent and queues the next slot). It runs in the benchmark's JVM with one
 * JDBC connection per thread (a pool that never waits), which if anything favours it.
 */
final class DbSchedulerReminders implements AutoCloseable {

    static final String TASK = "break-reminder";
    /** Executions run on this many threads: each blocks on its POST and then on its completion's UPDATE. */
    static final int THREADS = 40;
    /** lock-and-fetch: a fetch claims (UPDATE … FOR UPDATE SKIP LOCKED … RETURNING) between these shares of the threads. */
    static final double LOWER_LIMIT = 0.5;
    static final double UPPER_LIMIT = 3.0;
    /** As the engine's poll interval when nothing is due. */
    static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);
    static final String VERSION = "16.7.1";

    /** db-scheduler's PostgreSQL table, as its documentation gives it. */
    private static final String DDL = "create table if not exists scheduled_tasks (task_name text not null, task_instance text not null, "
            + "task_data bytea, execution_time timestamp with time zone, picked boolean not null, picked_by text, "
            + "last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures int, "
            + "last_heartbeat timestamp with time zone, version bigint not null, priority smallint, state text, "
            + "primary key (task_name, task_instance)); "
            + "create index if not exists execution_time_idx on scheduled_tasks (execution_time); "
            + "create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat); "
            + "create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)";
    /** A break prompt of the same length as the engine's, so both bodies weigh the same. */
    private static final String PROMPT = "You've been sitting a while. Time to stand up and move for a few minutes. "
            + "Your suggestion for this break is waiting for you in Upright.";

    private final String jdbcUrl;
    private final ThreadConnections connections;
    private final HttpClient http;
    private final URI hook;
    private final Webhook signer;
    private final CustomTask<Void> task;
    private Scheduler scheduler;

    /** @param jdbcUrl a database of its own on the stack's PostgreSQL (its table is created here) */
    DbSchedulerReminders(String jdbcUrl, String hook, Duration cadence) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USERNAME, "");
             Statement s = c.createStatement()) {
            s.execute(DDL);
        }
        this.connections = new ThreadConnections(jdbcUrl, EmbeddedPostgresServer.USERNAME);
        // as the engine's DeliveryHttpClient: HTTP/1.1, a 5 s timeout, no redirects
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.hook = URI.create(hook);
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        this.signer = new Webhook("whsec_" + Base64.getEncoder().encodeToString(key));
        this.task = Tasks.custom(TASK, Void.class).execute((instance, context) -> {
            Instant slot = context.getExecution().executionTime;
            try {
                post(instance.getId(), slot);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot deliver " + instance.getId(), e); // db-scheduler retries it later
            }
            Instant next = slot.plus(cadence);
            return (complete, operations) -> operations.reschedule(complete, next);
        });
    }

    static String settings() {
        return String.format(Locale.ROOT, "db-scheduler %s: %d threads, `pollUsingLockAndFetch(%.1f, %.1f)` (one statement "
                        + "claims up to %d due executions with `FOR UPDATE SKIP LOCKED`, the next fetch starts once fewer than "
                        + "%d are left), polling every %d s when nothing is due, `PostgreSqlJdbcCustomization`, one connection "
                        + "per thread", VERSION, THREADS, LOWER_LIMIT, UPPER_LIMIT, (int) (THREADS * UPPER_LIMIT),
                (int) (THREADS * LOWER_LIMIT), POLLING_INTERVAL.toSeconds());
    }

    /** Schedules one execution per employee ({@code at(i)} for the i-th), in batches, on a scheduler not yet started. */
    void schedule(int employees, IntFunction<Instant> at) {
        if (scheduler == null) {
            scheduler = build();
        }
        List<SchedulableInstance<?>> batch = new ArrayList<>();
        for (int i = 0; i < employees; i++) {
            batch.add(task.instanceBuilder(UUID.randomUUID().toString()).scheduledTo(at.apply(i)));
            if (batch.size() == 1000 || i == employees - 1) {
                scheduler.scheduleBatch(batch);
                batch = new ArrayList<>();
            }
        }
    }

    /** Every scheduled execution due at this instant instead. */
    void retime(Instant at) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USERNAME, "");
             PreparedStatement ps = c.prepareStatement("update scheduled_tasks set execution_time = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    void start() {
        if (scheduler == null) {
            scheduler = build();
        }
        scheduler.start();
    }

    /** Stops the scheduler (waiting for running executions) and deletes every execution, for the next phase. */
    void stopAndClear() throws SQLException {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USERNAME, "");
             Statement s = c.createStatement()) {
            s.execute("delete from scheduled_tasks");
        }
    }

    private Scheduler build() {
        return new SchedulerBuilder(connections, List.<Task<?>>of(task))
                .threads(THREADS)
                .pollUsingLockAndFetch(LOWER_LIMIT, UPPER_LIMIT)
                .pollingInterval(POLLING_INTERVAL)
                .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** The engine's webhook, as near as it goes: the same fields, Standard Webhooks headers, the same signature. */
    private void post(String employeeId, Instant slot) throws Exception {
        UUID reminderId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "break.reminder");
        body.put("reminderId", reminderId.toString());
        body.put("employeeId", employeeId);
        body.put("slot", slot.toString());
        body.put("message", PROMPT);
        body.put("answerUrl", "/api/me/reminders/" + reminderId + "/answer");
        body.put("suggestionUrl", "/api/me/reminders/" + reminderId);
        body.put("kind", "break");
        String json = Api.JSON.writeValueAsString(body);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(5))
                .header("content-type", "application/json")
                .header("user-agent", "db-scheduler-baseline/1")
                .header("webhook-id", reminderId.toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signer.sign(reminderId.toString(), timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("The sink answered " + status); // db-scheduler retries it later
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        connections.close();
    }
}
