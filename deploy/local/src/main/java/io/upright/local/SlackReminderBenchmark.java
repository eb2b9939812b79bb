package io.upright.local;

import io.upright.contracts.programs.EmployeeContactShared;
import io.upright.localinfra.Directories;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./upright bench-reminders --channel slack}: the same engine benchmark with the Slack app's direct messages as
 * the only channel (no webhook endpoint). The reminders service talks, through Slack's SDK, to a
 * {@link SlackLoadWorkspace} that knows every employee and enforces Slack's rate-limit tiers; the app is installed for
 * the tenant through "Add to Slack" (OAuth). Each employee's {@code EmployeeContactShared} (their email) is published
 * just before their {@code EmployeeEnrolled}. A delivery is a {@code chat.postMessage} the workspace receives; its
 * lateness is measured against the slot of the reminder its buttons name, as the webhook sink does.
 *
 * <p>{@code --prewarm lookups}: before the first slot, the bench writes each employee's Slack user into the service's
 * {@code slack_member} table, as {@code users.lookupByEmail} would have on an earlier delivery: the steady state of a
 * workspace whose people were all found already. Without it (the default) every first delivery needs a lookup, and the
 * app paces those at Slack's Tier 3 (one per 1.2 s per workspace): the run shows what that costs a burst.
 */
final class SlackReminderBenchmark {

    static final String BEGIN = "<!-- reminder-engine-slack-benchmark:begin -->";
    static final String END = "<!-- reminder-engine-slack-benchmark:end -->";
    private static final String TENANT = ReminderEngineBenchmark.TENANT;

    /** How the employees' Slack users are known before the first slot. */
    enum Prewarm {
        /** Not at all: each first delivery looks its person up. */
        NONE,
        /** Written into slack_member by the bench, as earlier lookups would have left them. */
        LOOKUPS;

        static Prewarm parse(String value) {
            if (value == null || value.equals("none")) {
                return NONE;
            }
            if (value.equals("lookups")) {
                return LOOKUPS;
            }
            throw new IllegalArgumentException("--prewarm is none or lookups, not " + value);
        }
    }

    private SlackReminderBenchmark() {
    }

    static void run(Path root, ReminderEngineBenchmark.Settings settings, Prewarm prewarm) throws Exception {
        Path home = Files.createTempDirectory("upright-bench-reminders-slack");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("reminders", LocalStack.freePort());
        String remindersUrl = "http://127.0.0.1:" + ports.get("reminders");
        DemoSlackApp.Credentials app = DemoSlackApp.loadOrCreate(home.resolve("keys"));
        LocalStack.Options options = new LocalStack.Options(root, home, 0, 0, ports, settings.cadence());
        String[] users = new String[settings.employees()];
        try (SlackLoadWorkspace slack = SlackLoadWorkspace.start(0, DemoSlackApp.registration(app, remindersUrl));
             LocalStack stack = new LocalStack(options).withEnvironment("reminders",
                     DemoSlackApp.remindersEnvironment(app, slack.apiUrl(), slack.authorizeUrl(), remindersUrl))
                     .withEnvironment("reminders", ReminderEngineBenchmark.BREAK_REMINDERS_ONLY)) {
            for (int i = 0; i < users.length; i++) {
                users[i] = slack.addMember(email(i));
            }
            stack.start(message -> System.out.println("  " + message));
            System.out.println("  " + DemoSlackApp.installThroughOAuth(stack.baseUrl("reminders"), stack.tokens(), TENANT));

            Instant enrolStart = Instant.now();
            Map<UUID, Integer> employees = new HashMap<>();
            ReminderEngineBenchmark.publishEnrolments(stack.kafkaBootstrapServers(), settings.employees(), (i, employee) -> {
                employees.put(employee, i);
                return new EmployeeContactShared(employee, email(i), null, Instant.now());
            });
            String jdbc = stack.jdbcUrl("reminders");
            ReminderEngineBenchmark.awaitSchedules(jdbc, settings.employees());
            Duration enrolTook = Duration.between(enrolStart, Instant.now());
            System.out.printf("%d employees (contact shared, enrolled) scheduled in %.1f s%n", settings.employees(), enrolTook.toMillis() / 1000.0);
            if (prewarm == Prewarm.LOOKUPS) {
                int written = prewarmLookups(jdbc, employees, users);
                System.out.printf("  pre-warmed: %d Slack users written into slack_member%n", written);
            }

            slack.clearPosts();
            Map<String, Long> callsBefore = slack.calls();
            Instant windowStart = Instant.now();
            Instant windowEnd = windowStart.plus(settings.window());
            // progress once a minute: a long Slack run otherwise says nothing for its whole window
            while (Instant.now().isBefore(windowEnd)) {
                ReminderEngineBenchmark.sleep(Duration.ofMillis(Math.min(60_000, Math.max(0, Duration.between(Instant.now(), windowEnd).toMillis()))));
                System.out.printf("  %s: %d DMs, calls %s, 429s %s%n", Duration.between(windowStart, Instant.now()).withNanos(0),
                        slack.posts().size(), slack.calls(), slack.refused());
            }
            windowEnd = Instant.now();
            List<SlackLoadWorkspace.Post> posts = slack.posts();
            Map<UUID, String> status = new HashMap<>();
            Result result = new Result(settings, prewarm, enrolTook, posts, slots(jdbc, status), status, abandoned(home), windowStart, windowEnd,
                    ReminderEngineBenchmark.count(jdbc, "select count(*) from event_store where event_type like '%Expired'"),
                    statuses(jdbc), minus(slack.calls(), callsBefore), slack.refused(),
                    ReminderEngineBenchmark.count(jdbc, "select count(*) from slack_member where slack_user_id is not null"));
            String table = result.table();
            System.out.println(table);
            ReminderEngineBenchmark.write(root.resolve("docs/benchmarks.md"), table, BEGIN, END);
        } finally {
            Directories.deleteQuietly(home);
        }
    }

    static String email(int i) {
        return "employee" + i + "@bench.upright.example";
    }

    /** What {@code users.lookupByEmail} would have left: each employee's member id, looked up now. */
    private static int prewarmLookups(String jdbc, Map<UUID, Integer> employees, String[] users) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            UUID installation;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from slack_app_installation where tenant_id = '" + TENANT + "' and status = 'active'")) {
                if (!rs.next()) {
                    throw new IllegalStateException("The Slack app is not installed for " + TENANT);
                }
                installation = rs.getObject(1, UUID.class);
            }
            c.setAutoCommit(false);
            int written = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into slack_member (tenant_id, employee_id, installation_id, "
                    + "slack_user_id, looked_up_at) values (?, ?, ?, ?, ?) on conflict (tenant_id, employee_id, installation_id) "
                    + "do update set slack_user_id = excluded.slack_user_id, looked_up_at = excluded.looked_up_at")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (Map.Entry<UUID, Integer> employee : employees.entrySet()) {
                    ps.setString(1, TENANT);
                    ps.setObject(2, employee.getKey());
                    ps.setObject(3, installation);
                    ps.setString(4, users[employee.getValue()]);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                    if (++written % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return written;
        }
    }

    /** Every reminder's slot, by id: what a DM's reminder id is measured against. */
    private static Map<UUID, Instant> slots(String jdbc, Map<UUID, String> status) throws SQLException {
        Map<UUID, Instant> slots = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             PreparedStatement ps = c.prepareStatement("select id, slot, status from due_reminder where tenant_id = ?")) {
            ps.setString(1, TENANT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    slots.put(id, rs.getTimestamp(2).toInstant());
                    status.put(id, rs.getString(3));
                }
            }
        }
        return slots;
    }

    /** How many claims the service's sweep settled as abandoned (its warning says so), from its log. */
    private static long abandoned(Path home) {
        Pattern line = Pattern.compile("Recorded (\\d+) reminders abandoned mid-delivery");
        try (java.util.stream.Stream<String> lines = Files.lines(home.resolve("logs/reminders.log"))) {
            return lines.map(line::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static Map<String, Long> statuses(String jdbc) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, count(*) from due_reminder where tenant_id = '" + TENANT + "' group by status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> diff = new TreeMap<>();
        after.forEach((method, n) -> diff.put(method, n - before.getOrDefault(method, 0L)));
        return diff;
    }

    /** What one run measured, and its table. */
    record Result(ReminderEngineBenchmark.Settings settings, Prewarm prewarm, Duration enrolTook, List<SlackLoadWorkspace.Post> posts,
                  Map<UUID, Instant> slots, Map<UUID, String> status, long abandoned, Instant windowStart, Instant windowEnd, long expired, Map<String, Long> statuses,
                  Map<String, Long> calls, Map<String, Long> refused, long membersKnown) {

        String table() {
            double seconds = Duration.between(windowStart, windowEnd).toMillis() / 1000.0;
            long[] lateness = posts.stream().filter(p -> slots.containsKey(p.reminderId()))
                    .mapToLong(p -> Math.max(0, Duration.between(slots.get(p.reminderId()), p.receivedAt()).toMillis()))
                    .sorted().toArray();
            Set<UUID> distinct = new HashSet<>();
            posts.forEach(p -> distinct.add(p.reminderId()));
            double demand = settings.employees() / (double) settings.cadence().toSeconds();
            StringBuilder out = new StringBuilder();
            out.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores: ").append(settings.employees()).append(" employees, each an `EmployeeContactShared` (email) then an ")
                    .append("`EmployeeEnrolled` published within seconds, so every first slot (enrolment + ")
                    .append(settings.cadence().toMinutes()).append(" min) falls in the same few seconds: a burst, ")
                    .append(String.format("%.1f", demand)).append(" reminders/s on average over a cadence. One reminders instance, ")
                    .append("the Slack app installed by OAuth as the only channel (no webhook), a simulated workspace answering at once ")
                    .append("and enforcing Slack's tiers (Tier 3 50/min, Tier 4 100/min). ")
                    .append(prewarm == Prewarm.LOOKUPS
                            ? "Lookups pre-warmed: every employee's Slack user written into `slack_member` before the first slot (steady state). "
                            : "No pre-warming: every first delivery needs `users.lookupByEmail`. ")
                    .append("A ").append(Math.round(seconds)).append(" s measuring window.\n\n");
            out.append("| what | value |\n|---|---|\n");
            out.append(String.format("| enrolments consumed and scheduled | %d in %.1f s (%.0f/s) |%n", settings.employees(),
                    enrolTook.toMillis() / 1000.0, settings.employees() / Math.max(0.001, enrolTook.toMillis() / 1000.0)));
            out.append(String.format("| reminder DMs (`chat.postMessage`) in the window | %d, %d distinct reminders (%.2f/s averaged over the window) |%n",
                    posts.size(), distinct.size(), posts.size() / seconds));
            if (posts.size() > 1) {
                Instant first = posts.stream().map(SlackLoadWorkspace.Post::receivedAt).min(Instant::compareTo).orElseThrow();
                Instant last = posts.stream().map(SlackLoadWorkspace.Post::receivedAt).max(Instant::compareTo).orElseThrow();
                double span = Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
                out.append(String.format("| delivery rate while reminders were due (first to last DM, %.0f s) | %.2f/s |%n",
                        span, posts.size() / span));
            }
            out.append(String.format("| lateness against the slot, p50 / p99 / max | %s / %s / %s |%n",
                    ReminderEngineBenchmark.millis(ReminderEngineBenchmark.percentile(lateness, 50)),
                    ReminderEngineBenchmark.millis(ReminderEngineBenchmark.percentile(lateness, 99)),
                    ReminderEngineBenchmark.millis(lateness.length == 0 ? -1 : lateness[lateness.length - 1])));
            out.append(String.format("| reminders expired unsent (TTL: half the cadence) | %d |%n", expired));
            out.append("| reminders by status at the end | ").append(statuses).append(" |\n");
            long dmButFailed = distinct.stream().filter(id -> "failed".equals(status.get(id))).count();
            out.append(String.format("| claims settled as abandoned (engine round longer than the claim lease) / of them DMed all the same | %s / %d |%n",
                    abandoned < 0 ? "n/a" : String.valueOf(abandoned), dmButFailed));
            out.append(String.format("| `users.lookupByEmail` / `dnd.info` / `users.profile.get` calls in the window | %d / %d / %d |%n",
                    calls.getOrDefault("users.lookupByEmail", 0L), calls.getOrDefault("dnd.info", 0L),
                    calls.getOrDefault("users.profile.get", 0L)));
            out.append(String.format("| employees whose Slack user the service knew at the end | %d of %d |%n", membersKnown, settings.employees()));
            out.append("| calls Slack refused with 429 | ").append(refused.isEmpty() ? "none" : refused.toString()).append(" |\n");
            out.append("\nReproduce: `./upright bench-reminders --channel slack --employees ").append(settings.employees())
                    .append(" --cadence ").append(settings.cadence()).append(" --window ").append(settings.window())
                    .append(prewarm == Prewarm.LOOKUPS ? " --prewarm lookups" : "").append("`\n");
            return out.toString();
        }
    }
}
