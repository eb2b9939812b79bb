package io.upright.local;

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
            case "measure" -> StartupBenchmark.run(root, Integer.parseInt(options.getOrDefault("rounds", "3")));
            case "bench-reminders" -> ReminderEngineBenchmark.run(root, new ReminderEngineBenchmark.Settings(
                    Integer.parseInt(options.getOrDefault("employees", "100000")),
                    java.time.Duration.parse(options.getOrDefault("cadence", "PT10M")),
                    java.time.Duration.parse(options.getOrDefault("window", "PT12M"))));
            default -> usage();
        }
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
        for (int port : new int[]{kafkaPort, postgresPort, inboxPort}) {
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
        LocalStack stack = new LocalStack(new LocalStack.Options(root, home, kafkaPort, postgresPort,
                LocalStack.DEFAULT_PORTS, cadence));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping Upright...");
            stack.close();
            inbox.close();
            try {
                Files.deleteIfExists(home.resolve("launcher.pid"));
            } catch (IOException ignored) {
                // nothing to clean up then
            }
            OUT.println("Stopped. Data kept in " + home);
            stopped.countDown();
        }, "upright-stop"));

        LocalStack.Progress progress = message -> OUT.println("  - " + message);
        stack.start(progress);
        OUT.printf("All five services healthy after %d s%n", Duration.between(started, Instant.now()).toSeconds());
        DemoTenant.Demo demo = DemoTenant.loadOrCreate(stack, inbox, home.resolve("demo.json"), progress);
        DemoTenant.answerLikeEmployees(stack, demo, inbox);
        printWelcome(stack, demo, inbox, cadence);
        stopped.await();
    }

    private static void printWelcome(LocalStack stack, DemoTenant.Demo demo, WebhookInbox inbox, Duration cadence) {
        DevTokens tokens = stack.tokens();
        String hr = tokens.issue(demo.tenant(), "demo-hr", "hr");
        String admin = tokens.issue(demo.tenant(), "demo-admin", "admin");
        String employeeId = demo.employees().get(0).id();
        String employee = tokens.issue(demo.tenant(), employeeId, "employee");
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
        OUT.println("Break reminders arrive every " + cadence.toMinutes() + " min per employee (a demo pace; the program's"
                + " phase asks for 45) at the local webhook inbox "
                + inbox.url() + " and are printed below; the simulated demo employees answer Done to two"
                + " of three a few seconds later. Ctrl-C (or ./upright down) stops everything.");
        OUT.println();
    }

    private static void token(Path home, Map<String, String> options) {
        String tenant = options.get("tenant");
        String role = options.get("role");
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
                  ./upright up [--cadence PT2M]                 run everything (Kafka, PostgreSQL, five services, demo tenant)
                  ./upright down                                stop a running ./upright up
                  ./upright token --tenant T --role R [--sub ID] print a signed dev token (roles: employee, hr, admin, content-editor)
                  ./upright test                                run the whole test suite
                  ./upright measure [--rounds 3]                measure start-up time and memory into docs/benchmarks.md
                  ./upright bench-reminders [--employees 100000] [--cadence PT10M] [--window PT12M]
                                                                the due-reminder engine at scale, into docs/benchmarks.md""");
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
