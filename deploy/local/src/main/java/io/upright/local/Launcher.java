package io.upright.local;

import io.upright.local.bench.BenchmarkSuite;
import io.upright.localinfra.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./upright up}: the whole system on this machine. {@code ./upright token}: a signed dev token.
 * State lives under {@code .upright/} (or {@code UPRIGHT_HOME}) and survives restarts.
 */
public final class Launcher {

    private static final PrintStream OUT = System.out;

    /** {@code ./upright up} ends with this status when a service crashed too often to restart it again. */
    static final int EXIT_SERVICE_GAVE_UP = 3;
    /** Where people sign in: the web front end, and Keycloak behind it (its health on the management port). */
    static final int WEB_PORT = 8080;
    static final int KEYCLOAK_PORT = 8180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 8190;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getenv().getOrDefault("UPRIGHT_HOME", root.resolve(".upright").toString()));
        switch (command) {
            case "up" -> up(root, home, options);
            case "token" -> token(home, options);
            case "keys" -> System.exit(KeysCommand.run(home, args, OUT, java.time.Clock.systemUTC()));
            case "dlq" -> System.exit(DeadLetterCommand.run(home, args, OUT));
            case "slack" -> System.exit(SlackCommand.run(home, args, OUT));
            case "asyncapi" -> System.exit(AsyncApiCommand.run(root, OUT));
            case "chaos" -> System.exit(chaos(root, home, options));
            case "bench" -> System.exit(bench(root, home, args));
            case "measure" -> StartupBenchmark.run(root, Integer.parseInt(options.getOrDefault("rounds", "3")));
            case "bench-durability" -> DurabilityBenchmark.run(root, home, new DurabilityBenchmark.Settings(
                    Integer.parseInt(options.getOrDefault("commits", "2000")),
                    Integer.parseInt(options.getOrDefault("records", "2000")),
                    Integer.parseInt(options.getOrDefault("rounds", "2"))));
            case "bench-reminders" -> benchReminders(root, options);
            case "bench-roster" -> RosterImportBenchmark.run(root, new RosterImportBenchmark.Settings(
                    Integer.parseInt(options.getOrDefault("rows", "10000")),
                    Integer.parseInt(options.getOrDefault("teams", "50"))));
            default -> usage();
        }
    }

    /** {@code ./upright bench [--tiny] [name…]}: the benchmark suite; non-zero when a benchmark could not measure. */
    private static int bench(Path root, Path home, String[] args) throws IOException {
        BenchmarkSuite.Request request = BenchmarkSuite.parse(List.of(args).subList(1, args.length));
        BenchmarkSuite.Outcome outcome = new BenchmarkSuite(root, home, OUT).run(request);
        if (!outcome.succeeded()) {
            OUT.println("Could not measure: " + String.join(", ", outcome.failures().keySet()));
            return 1;
        }
        return 0;
    }

    /** {@code ./upright bench-reminders}: by webhook (the default) or, with {@code --channel slack}, by Slack DMs. */
    private static void benchReminders(Path root, Map<String, String> options) throws Exception {
        ReminderEngineBenchmark.Settings settings = new ReminderEngineBenchmark.Settings(
                Integer.parseInt(options.getOrDefault("employees", "100000")),
                Duration.parse(options.getOrDefault("cadence", "PT10M")),
                Duration.parse(options.getOrDefault("window", "PT12M")));
        String channel = options.getOrDefault("channel", "webhook");
        if (channel.equals("webhook")) {
            ReminderEngineBenchmark.run(root, settings, options.containsKey("jfr"));
        } else if (channel.equals("slack")) {
            SlackReminderBenchmark.run(root, settings, SlackReminderBenchmark.Prewarm.parse(options.get("prewarm")));
        } else {
            throw new IllegalArgumentException("--channel is webhook or slack, not " + channel);
        }
    }

    /** {@code ./upright chaos}: the fault harness on its own stack and ports; writes docs/reliability.md. */
    private static int chaos(Path root, Path home, Map<String, String> options) throws Exception {
        // the harness kills PostgreSQL on purpose; the embedded library's "could not stop" error is expected then
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "off");
        ChaosRun.Options chaos = new ChaosRun.Options(root, home.resolve("chaos"),
                Integer.parseInt(options.getOrDefault("rounds", "1")),
                java.time.Duration.ofSeconds(Long.parseLong(options.getOrDefault("outage-seconds", "30"))),
                root.resolve(options.getOrDefault("report", "docs/reliability.md")));
        OUT.println("Chaos run: " + chaos.rounds() + " round(s) of every fault against the packaged stack (durable settings)");
        ChaosRun.Result result = new ChaosRun(chaos, OUT).run();
        OUT.println(result.holds() ? "Every invariant held: nothing acknowledged was lost or duplicated."
                : "BROKEN PROMISES: see " + chaos.report());
        result.commands().problems().stream().limit(20).forEach(p -> OUT.println("  " + p));
        result.invariants().forEach((name, problems) -> problems.stream().limit(5).forEach(p -> OUT.println("  " + name + ": " + p)));
        return result.holds() ? 0 : 1;
    }

    private static void up(Path root, Path home, Map<String, String> options) throws Exception {
        Instant started = Instant.now();
        Files.createDirectories(home);
        int inboxPort = Integer.parseInt(options.getOrDefault("inbox-port", "8089"));
        List<String> busy = new ArrayList<>();
        LocalStack.DEFAULT_PORTS.forEach((service, port) -> {
            if (!free(port)) {
                busy.add(service + " (" + port + ")");
            }
        });
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "9092"));
        int postgresPort = Integer.parseInt(options.getOrDefault("postgres-port", "54329"));
        int slackPort = Integer.parseInt(options.getOrDefault("slack-port", String.valueOf(SlackCommand.DEFAULT_PORT)));
        for (int port : new int[]{kafkaPort, postgresPort, inboxPort, slackPort}) {
            if (!free(port)) {
                busy.add("port " + port);
            }
        }
        if (!busy.isEmpty()) {
            OUT.println("Cannot start: already in use: " + String.join(", ", busy) + ". Is Upright already running? (./upright down)");
            System.exit(1);
        }
        Duration cadence = Duration.parse(options.getOrDefault("cadence", "PT2M"));
        Files.writeString(home.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));

        OUT.println("Starting Upright (state in " + home + ", logs in " + home.resolve("logs") + ")");
        WebhookInbox inbox = WebhookInbox.start(inboxPort, OUT);
        // the reminders app's Slack workspace: simulated here, its app's credentials made once and kept with the keys
        String remindersUrl = "http://127.0.0.1:" + LocalStack.DEFAULT_PORTS.get("reminders");
        DemoSlackApp.Credentials slackApp = DemoSlackApp.loadOrCreate(home.resolve("keys"));
        SlackWorkspace slack = SlackWorkspace.start(slackPort, DemoSlackApp.registration(slackApp, remindersUrl),
                home.resolve("slack"), OUT, home.resolve("logs/slack.log"));
        Files.createDirectories(home.resolve(SlackCommand.URL_FILE).getParent());
        Files.writeString(home.resolve(SlackCommand.URL_FILE), slack.url());
        LocalStack stack = new LocalStack(new LocalStack.Options(root, home, kafkaPort, postgresPort,
                LocalStack.DEFAULT_PORTS, cadence))
                .withEnvironment("reminders", DemoSlackApp.remindersEnvironment(slackApp, slack, remindersUrl))
                .withIdentityProvider(new LocalStack.IdentityProviderPorts(KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT))
                .withWeb(WEB_PORT);
        if (!Files.exists(home.resolve("demo.json"))) {
            // a demo loaded now publishes check-in 1's sitting round in minutes (see DemoTenant.insightsEnvironment)
            stack.withEnvironment("insights", DemoTenant.insightsEnvironment(java.time.Instant.now()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping Upright...");
            stack.close();
            inbox.close();
            slack.close();
            try {
                Files.deleteIfExists(home.resolve(SlackCommand.URL_FILE));
                Files.deleteIfExists(home.resolve("launcher.pid"));
            } catch (IOException ignored) {
                // nothing to clean up then
            }
            OUT.println("Stopped. Data kept in " + home);
            stopped.countDown();
        }, "upright-stop"));

        LocalStack.Progress progress = message -> OUT.println("  - " + message);
        try {
            stack.start(progress);
        } catch (RuntimeException e) {
            // exit, so the shutdown hook stops what did start; the inbox's threads would otherwise keep the JVM up
            OUT.println("Cannot start Upright: " + e.getMessage());
            System.exit(1);
        }
        OUT.printf("All services healthy after %d s%n", Duration.between(started, Instant.now()).toSeconds());
        // from here a service that dies is restarted; one that keeps dying stops the whole launcher, non-zero,
        // rather than leave a half-working system that looks as if it were running
        stack.supervise(OUT::println, reason -> {
            OUT.println("Upright stops: " + reason);
            Thread exit = new Thread(() -> System.exit(EXIT_SERVICE_GAVE_UP), "upright-give-up");
            exit.start(); // not on the supervisor's thread: the shutdown hook closes the supervisor
        });
        boolean slackInstalled = installSlackApp(stack, slack, home, inbox, progress);
        DemoTenant.Demo demo = DemoTenant.loadOrCreate(stack, inbox, home.resolve("demo.json"), progress);
        DemoTenant.answerLikeEmployees(stack, demo, inbox, slackInstalled ? slack : null);
        stack.identityProvider().ifPresent(realm -> realm.addPeople(DemoTenant.people(demo)));
        printWelcome(stack, demo, inbox, cadence, slackInstalled ? slack : null);
        stopped.await();
    }

    /**
     * "Add to Slack" for the demo tenant, as its admin would do it, so reminders become direct messages in the simulated
     * workspace. From then on the terminal shows the Slack conversation and the webhook inbox's lines go to its log:
     * the same reminders, printed once. A reminders service without the Slack app only loses the Slack part of the demo.
     */
    private static boolean installSlackApp(LocalStack stack, SlackWorkspace slack, Path home, WebhookInbox inbox,
                                           LocalStack.Progress progress) {
        try {
            progress.step(DemoSlackApp.install(stack.baseUrl("reminders"), stack.tokens(), DemoTenant.TENANT, slack));
        } catch (RuntimeException e) {
            progress.step("Slack app not installed (" + e.getMessage() + "); reminders reach the webhook inbox only");
            return false;
        }
        try {
            Path inboxLog = home.resolve("logs/webhook-inbox.log");
            inbox.printTo(new PrintStream(Files.newOutputStream(inboxLog, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND), true, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the inbox keeps printing in the terminal then
        }
        return true;
    }

    private static void printWelcome(LocalStack stack, DemoTenant.Demo demo, WebhookInbox inbox, Duration cadence,
                                     SlackWorkspace slack) {
        DevTokens tokens = stack.tokens();
        String hr = tokens.issue(demo.tenant(), "demo-hr", "hr");
        String admin = tokens.issue(demo.tenant(), "demo-admin", "admin");
        String employeeId = demo.employees().get(0).id();
        String employee = tokens.issue(demo.tenant(), employeeId, "employee");
        OUT.println();
        if (stack.identityProvider().isPresent()) {
            OUT.println("Sign in at " + stack.webUrl() + "  (Keycloak " + stack.identityProvider().get().baseUrl()
                    + ", realm " + UprightRealm.NAME + "). Demo people, user name / password:");
            for (UprightRealm.Person person : DemoTenant.people(demo)) {
                OUT.printf("  %-10s / %-18s %s%n", person.username(), person.password(), String.join(", ", person.roles()));
            }
        } else {
            OUT.println("Sign-in is not available (see above); the services take the dev tokens below.");
        }
        OUT.println();
        OUT.println("Upright is running. Swagger UIs:");
        for (String service : stack.serviceNames()) {
            OUT.printf("  %-12s %s/q/swagger-ui%n", service, stack.baseUrl(service));
        }
        OUT.println();
        OUT.println("Tokens for tenant '" + demo.tenant() + "' (valid 12 h; more with ./upright token --tenant demo --role hr):");
        OUT.println("  HR:       " + hr);
        OUT.println("  admin:    " + admin);
        OUT.println("  employee: " + employee + "  (employee " + employeeId + ")");
        OUT.println();
        OUT.println("HR dashboard: " + stack.baseUrl("insights") + "/dashboard  (sign in with the HR token above)");
        OUT.println("HR's per-team summary (teams under 5 people are suppressed):");
        OUT.println("  curl -s -H 'Authorization: Bearer " + hr + "' " + stack.baseUrl("insights") + "/api/insights/teams");
        OUT.println("An employee's recommended routine:");
        OUT.println("  curl -s -H 'Authorization: Bearer " + employee + "' " + stack.baseUrl("exercises") + "/api/me/recommendation");
        String rosa = tokens.issue(demo.tenant(), demo.employees().get(DemoTenant.ROSA_PERSON).id(), "employee");
        OUT.println("Someone whose ROSA check (act now) chose their routine and workstation actions:");
        OUT.println("  curl -s -H 'Authorization: Bearer " + rosa + "' " + stack.baseUrl("exercises") + "/api/me/recommendation");
        String flagged = tokens.issue(demo.tenant(), demo.employees().get(DemoTenant.RED_FLAG_PERSON).id(), "employee");
        OUT.println("Someone whose warning sign withholds exercises until a clinician clears them:");
        OUT.println("  curl -s -H 'Authorization: Bearer " + flagged + "' " + stack.baseUrl("assessments") + "/api/me/clinical-status");
        OUT.println("  curl -s -H 'Authorization: Bearer " + flagged + "' " + stack.baseUrl("exercises") + "/api/me/recommendation");
        OUT.println();
        if (slack == null) {
            OUT.println("Break reminders arrive every " + cadence.toMinutes() + " min per employee (a demo pace; the program's"
                    + " phase asks for 45) at the local webhook inbox "
                    + inbox.url() + " and are printed below; the simulated demo employees answer Done to two"
                    + " of three a few seconds later. Ctrl-C (or ./upright down) stops everything.");
        } else {
            OUT.println("Break reminders arrive every " + cadence.toMinutes() + " min per employee (a demo pace; the program's"
                    + " phase asks for 45) as Slack direct messages in the simulated workspace '" + SlackWorkspace.TEAM_NAME
                    + "' (" + slack.url() + "), printed below as [slack] lines; the demo's people press Done on two of three"
                    + " a few seconds later, except " + DemoTenant.LEFT_FOR_YOU + ", whose reminders wait for you:");
            OUT.println("  ./upright slack messages");
            OUT.println("  ./upright slack press <reminder> done|snooze|skip [--as <Slack member id>]");
            OUT.println("  curl -s -X POST '" + slack.url() + "/demo/press?reminder=<reminder>&answer=done'");
            OUT.println("The same reminders also reach the webhook inbox " + inbox.url() + ", which checks their signatures;"
                    + " its lines go to " + stack.home().resolve("logs/webhook-inbox.log") + ", every Slack call to "
                    + stack.home().resolve("logs/slack.log") + ". Ctrl-C (or ./upright down) stops everything.");
        }
        OUT.println("A service that exits is restarted after 1 s, 2 s, 4 s ... (at most 30 s); the fifth crash of one"
                + " service within 2 min stops Upright with exit status " + EXIT_SERVICE_GAVE_UP + ".");
        OUT.println();
    }

    private static void token(Path home, Map<String, String> options) {
        String role = options.get("role");
        // an operator belongs to no tenant; the claim only has to be there, so ./upright token --role operator works
        String tenant = options.getOrDefault("tenant", "operator".equals(role) ? "platform" : null);
        if (tenant == null || role == null) {
            usage();
            System.exit(2);
        }
        String subject = options.getOrDefault("sub", role.equals("employee") ? java.util.UUID.randomUUID().toString() : role + "-1");
        OUT.println(DevTokens.inDirectory(home.resolve("keys")).issue(tenant, subject, role.split(",")));
    }

    private static void usage() {
        OUT.println("""
                Usage:
                  ./upright up [--cadence PT2M]                 run everything (Kafka, PostgreSQL, five services, demo tenant,
                                                                a simulated Slack workspace on --slack-port 8087)
                  ./upright down                                stop a running ./upright up
                  ./upright token --tenant T --role R [--sub ID] print a signed dev token (roles: employee, hr, admin, content-editor, operator)
                  ./upright keys [list] | next | switch | retire [--now]
                                                                roll the token signing key without an outage: publish the
                                                                next key, sign with it, retire the previous one
                  ./upright slack messages                      the direct messages in the simulated Slack workspace of ./upright up
                  ./upright slack press <reminder> done|snooze|skip [--as U…]
                                                                press a button of a reminder's direct message, signed as Slack would
                  ./upright dlq list [service]                  every running service's dead letters, without bodies
                  ./upright dlq redrive <service> <partition>/<offset> | [service] --all
                                                                redrive dead letters through the inbox (docs/architecture.md)
                  ./upright asyncapi                            write docs/asyncapi.yaml, the AsyncAPI document of every topic
                  ./upright test                                run the whole test suite
                  ./upright bench [--tiny] [append|relay|rest …] the benchmark suite, each figure beside its baseline from the
                                                                same run, into docs/benchmarks.md (all when none is named;
                                                                --tiny: seconds each, into deploy/local/target/bench-tiny.md)
                  ./upright measure [--rounds 3]                measure start-up time and memory into docs/benchmarks.md
                  ./upright bench-reminders [--employees 100000] [--cadence PT10M] [--window PT12M]
                                            [--channel webhook|slack] [--prewarm none|lookups] [--jfr]
                                                                the due-reminder engine at scale, into docs/benchmarks.md
                                                                (slack: DMs through a simulated workspace; lookups: Slack
                                                                users known before the first slot; jfr: a Flight Recorder
                                                                profile of the service, summarised for the drain)
                  ./upright bench-durability [--commits 2000] [--records 2000] [--rounds 2]
                                                                PostgreSQL commits and Kafka acks, durable vs fast settings, into docs/benchmarks.md
                  ./upright bench-roster [--rows 10000] [--teams 50]
                                                                a roster CSV imported through programs' API, into docs/benchmarks.md""");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                options.put(key, value);
            }
        }
        return options;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
