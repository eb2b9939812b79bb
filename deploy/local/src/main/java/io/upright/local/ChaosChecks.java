package io.upright.local;

import io.upright.localinfra.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The chaos harness's invariants, checked once the faults are over and everything has drained. Each check returns
 * what it found wrong (empty: it holds), so the report can show every broken promise at once.
 */
final class ChaosChecks {

    /** Which topics each consuming service reads (its application.properties). */
    static final Map<String, List<String>> CONSUMED = consumed();

    /** The read models a replay rebuilds; the published weeks and settings are not replayed. */
    static final List<String> INSIGHTS_READ_MODELS = List.of("insights_team", "insights_member", "insights_employee_activity",
            "insights_latest_assessment", "insights_program", "insights_program_phase", "insights_program_team", "insights_fact",
            "insights_erased_employee", "insights_sitting_report");

    /**
     * Where an erased person's rows live on under a random id that a replay draws afresh (membership, latest
     * assessment): there the rows are compared with every id masked.
     */
    static final Set<String> RANDOM_IDS_AFTER_ERASURE = Set.of("insights_member", "insights_latest_assessment",
            "insights_employee_activity");

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Lost and duplicated acknowledged commands, by the fault they were first sent under. */
    record CommandOutcomes(Map<String, Integer> acknowledged, Map<String, Integer> lost, Map<String, Integer> duplicated,
                           List<String> problems) {
    }

    private final LocalStack stack;

    ChaosChecks(LocalStack stack) {
        this.stack = stack;
    }

    /** Every acknowledged command produced exactly one event in its service's store. */
    CommandOutcomes commandsHaveOneEventEach(List<ChaosWorkload.Acknowledged> commands, Set<String> erased) throws SQLException {
        Map<String, Integer> acknowledged = new LinkedHashMap<>();
        Map<String, Integer> lost = new LinkedHashMap<>();
        Map<String, Integer> duplicated = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Connection> connections = new HashMap<>();
        try {
            for (ChaosWorkload.Acknowledged command : commands) {
                acknowledged.merge(command.fault(), 1, Integer::sum);
                boolean erasedPerson = command.employee() != null && erased.contains(command.employee());
                if (erasedPerson && !command.kind().equals("erasure")) {
                    continue; // the person's events were erased with them: nothing left to count
                }
                Connection c = connections.computeIfAbsent(command.service(), this::connect);
                int events;
                try (PreparedStatement ps = c.prepareStatement("select count(*) from event_store where stream_id = ? and event_type = ?")) {
                    ps.setObject(1, command.streamId());
                    ps.setString(2, command.eventType());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        events = rs.getInt(1);
                    }
                }
                if (events == 0) {
                    lost.merge(command.fault(), 1, Integer::sum);
                    problems.add("lost: " + command);
                } else if (events > 1) {
                    duplicated.merge(command.fault(), 1, Integer::sum);
                    problems.add("duplicated (" + events + "): " + command);
                }
            }
        } finally {
            for (Connection c : connections.values()) {
                c.close();
            }
        }
        return new CommandOutcomes(acknowledged, lost, duplicated, problems);
    }

    /**
     * Every event in an outbox was published, and reached its topic exactly once (by event id).
     *
     * @param dumped when the topics were read: rows published later are not in the dump and are left out
     */
    List<String> everyStoredEventIsOnItsTopicOnce(Map<String, List<TopicDump.Entry>> topics, java.time.Instant dumped) throws SQLException {
        Map<String, Integer> onTopics = new HashMap<>();
        topics.forEach((topic, entries) -> entries.forEach(e -> {
            if (e.ceId() != null) {
                onTopics.merge(topic + "/" + e.ceId(), 1, Integer::sum);
            }
        }));
        List<String> problems = new ArrayList<>();
        for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
            try (Connection c = connect(service);
                 PreparedStatement ps = c.prepareStatement("select event_id::text, topic, published_at is not null from outbox "
                         + "where published_at is null or published_at < ?")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(dumped));
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    String id = rs.getString(1);
                    String topic = rs.getString(2);
                    int copies = onTopics.getOrDefault(topic + "/" + id, 0);
                    if (!rs.getBoolean(3)) {
                        problems.add(service + ": outbox row " + id + " never published");
                    } else if (copies != 1) {
                        problems.add(service + ": event " + id + " is on " + topic + " " + copies + " times");
                    }
                }
            }
        }
        return problems;
    }

    /** Each consuming service's inbox holds every readable record of every topic it reads (so it applied each once). */
    List<String> everyConsumerAppliedEveryRecord(Map<String, List<TopicDump.Entry>> topics, Predicate<TopicDump.Entry> poison)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> consumer : CONSUMED.entrySet()) {
            Set<String> inbox = new HashSet<>();
            try (Connection c = connect(consumer.getKey());
                 PreparedStatement ps = c.prepareStatement("select event_id from inbox where consumer = ?")) {
                ps.setString(1, consumer.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inbox.add(rs.getString(1));
                    }
                }
            }
            int missing = 0;
            for (String topic : consumer.getValue()) {
                for (TopicDump.Entry e : topics.getOrDefault(topic, List.of())) {
                    if (e.ceId() != null && !poison.test(e) && !inbox.contains(e.ceId())) {
                        missing++;
                        if (missing <= 5) {
                            problems.add(consumer.getKey() + " never applied " + e);
                        }
                    }
                }
            }
            if (missing > 5) {
                problems.add(consumer.getKey() + ": " + (missing - 5) + " more records never applied");
            }
        }
        return problems;
    }

    /** The dead-letter topics hold only the poison the harness injected. */
    List<String> deadLettersAreOnlyTheInjectedPoison(Map<String, List<TopicDump.Entry>> deadLetters, Predicate<TopicDump.Entry> poison) {
        List<String> problems = new ArrayList<>();
        deadLetters.forEach((topic, entries) -> entries.stream().filter(poison.negate())
                .forEach(e -> problems.add(topic + " holds " + e + ", which was not injected")));
        return problems;
    }

    /** Every row of each insights read model, as text, sorted. */
    Map<String, List<String>> insightsReadModels() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = connect("insights")) {
            for (String table : INSIGHTS_READ_MODELS) {
                List<String> rows = new ArrayList<>();
                // table names come from the fixed list above
                try (PreparedStatement ps = c.prepareStatement("select t::text from " + table + " t order by 1");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** How a read model differs after a replay; empty when it is the same (up to erased people's random ids). */
    static List<String> differences(Map<String, List<String>> live, Map<String, List<String>> replayed) {
        List<String> problems = new ArrayList<>();
        live.forEach((table, rows) -> {
            List<String> again = replayed.getOrDefault(table, List.of());
            if (rows.equals(again)) {
                return;
            }
            if (RANDOM_IDS_AFTER_ERASURE.contains(table) && masked(rows).equals(masked(again))) {
                return;
            }
            List<String> onlyLive = new ArrayList<>(rows);
            onlyLive.removeAll(again);
            List<String> onlyReplayed = new ArrayList<>(again);
            onlyReplayed.removeAll(rows);
            problems.add(table + ": " + rows.size() + " rows live, " + again.size() + " after a replay; only live: "
                    + onlyLive.stream().limit(2).toList() + ", only after the replay: " + onlyReplayed.stream().limit(2).toList());
        });
        return problems;
    }

    private static List<String> masked(List<String> rows) {
        return rows.stream().map(r -> UUID_TEXT.matcher(r).replaceAll("<id>")).sorted().toList();
    }

    Connection connect(String service) {
        try {
            return DriverManager.getConnection(stack.jdbcUrl(service), EmbeddedPostgresServer.USERNAME, "");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the " + service + " database", e);
        }
    }

    private static Map<String, List<String>> consumed() {
        Map<String, List<String>> consumed = new LinkedHashMap<>();
        consumed.put("assessments", List.of("upright.programs", "upright.insights"));
        consumed.put("exercises", List.of("upright.programs", "upright.assessments", "upright.reminders"));
        consumed.put("reminders", List.of("upright.programs", "upright.exercises", "upright.assessments"));
        consumed.put("insights", List.of("upright.programs", "upright.assessments", "upright.exercises", "upright.reminders"));
        return consumed;
    }
}
