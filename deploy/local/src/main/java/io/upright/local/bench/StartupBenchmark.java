package io.upright.local.bench;

import io.upright.local.JitChoice;
import io.upright.local.LocalStack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./upright bench startup}: with PostgreSQL and Kafka up, each packaged service is started alone, one after the
 * other, under each JIT ({@link JitChoice}): the time from spawning its JVM to {@code /q/health/ready} answering 200,
 * its RSS once idle and again after a short authenticated load. The baseline is the JVM alone with the same options,
 * running a main that does nothing: the floor no service can go below. The issue's targets are absolute (ready in
 * under 3 s, under 300 MB), so the rows hold them as ceilings; the ratio says how far above the bare JVM each is.
 */
public final class StartupBenchmark implements Benchmark {

    private static final double READY_CEILING_MS = 3_000;
    private static final double RSS_CEILING_MB = 300;
    private static final String IDENTITY = "/api/me/identity";
    /** Quarkus' own line: {@code ... started in 2.345s. Listening on: ...} */
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9]+(?:\\.[0-9]+)?)s");
    /** The heap and collector every service runs with ({@code ServiceProcess}); the JIT options come on top. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    /** One start of one service: milliseconds to ready, Quarkus' own figure (or null), RSS in MB, the load's rate. */
    private record Start(double readyMs, Double quarkusSeconds, double idleMb, double loadedMb, double loadPerSecond) {
    }

    /** One start of the bare JVM: milliseconds until its main ran, RSS in MB after the same idle time. */
    private record Floor(double readyMs, double idleMb) {
    }

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "each service started alone under C1 and tiered: ready time and RSS, against the bare JVM";
    }

    @Override
    public Report run(BenchRun run) throws Exception {
        int rounds = run.size(3, 1);
        Duration idle = Duration.ofSeconds(run.size(10, 0));
        int users = run.size(4, 2);
        Duration load = Duration.ofSeconds(run.size(5, 1));
        List<String> services = List.copyOf(LocalStack.DEFAULT_PORTS.keySet());
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach(service -> ports.put(service, LocalStack.freePort()));

        Map<String, List<Start>> starts = new LinkedHashMap<>(); // by "<service> <jit>"
        Map<JitChoice, List<Floor>> floors = new LinkedHashMap<>();
        Map<String, Integer> logged = new LinkedHashMap<>(); // starts so far per service: each adds one "started in" line
        try (LocalStack stack = new LocalStack(new LocalStack.Options(run.root(), run.work(), 0, 0, ports, Duration.ofMinutes(60)))
                .withoutServices()) {
            stack.start(run::progress);
            String token = stack.tokens().issue("bench", "bench-startup", "employee");
            for (int round = 0; round < rounds; round++) {
                for (JitChoice jit : order(round)) {
                    Floor floor = floor(jit, idle);
                    floors.computeIfAbsent(jit, j -> new ArrayList<>()).add(floor);
                    run.progress(String.format(Locale.ROOT, "round %d, JVM alone, %s: main ran after %.0f ms, %.0f MB",
                            round + 1, label(jit), floor.readyMs(), floor.idleMb()));
                }
                for (int i = 0; i < services.size(); i++) {
                    String service = services.get(i);
                    // a tiny run starts each service once, the JITs taking turns: every service and both JITs still run
                    List<JitChoice> jits = run.tiny() ? List.of(order(i).get(0)) : order(round + i);
                    for (JitChoice jit : jits) {
                        logged.merge(service, 1, Integer::sum);
                        Start start = start(stack, service, jit, logged.get(service), token, idle, users, load);
                        starts.computeIfAbsent(service + " " + jit, k -> new ArrayList<>()).add(start);
                        run.progress(String.format(Locale.ROOT, "round %d, %s, %s: ready after %.0f ms (Quarkus: %s), "
                                        + "%.0f MB idle, %.0f MB after %.0f req/s", round + 1, service, label(jit), start.readyMs(),
                                start.quarkusSeconds() == null ? "no line" : start.quarkusSeconds() + " s", start.idleMb(),
                                start.loadedMb(), start.loadPerSecond()));
                    }
                }
            }
        }
        return report(services, starts, floors, rounds, idle, users, load);
    }

    /** Which JIT goes first alternates, so neither always starts on a machine the other just warmed (or heated). */
    private static List<JitChoice> order(int turn) {
        return turn % 2 == 0 ? List.of(JitChoice.C1, JitChoice.TIERED) : List.of(JitChoice.TIERED, JitChoice.C1);
    }

    private Start start(LocalStack stack, String service, JitChoice jit, int nthStart, String token, Duration idle, int users,
                        Duration load) throws Exception {
        long spawned = System.nanoTime();
        LocalStack.Alone alone = stack.startAlone(service, jit);
        try {
            double readyMs = (awaitReady(service, alone, Duration.ofSeconds(180)) - spawned) / 1e6;
            Double quarkus = startedIn(alone.log(), nthStart);
            sleep(idle); // start-up garbage settles, as after any start
            double idleMb = rssMb(alone.pid());
            HttpRequest identity = HttpRequest.newBuilder(URI.create(alone.baseUrl() + IDENTITY)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build();
            ClosedLoop.Result loaded = new ClosedLoop(users, Duration.ZERO, load).run(identity);
            return new Start(readyMs, quarkus, idleMb, rssMb(alone.pid()), loaded.perSecond());
        } finally {
            // measured: a graceful stop (consumers leaving their groups) would only cost the run seconds per start
            ProcessHandle.of(alone.pid()).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().join();
            });
            stack.stopAlone(service);
        }
    }

    /** Polls readiness every 20 ms (the stack's own wait polls every 250 ms: too coarse to time); when it answered 200. */
    private long awaitReady(String service, LocalStack.Alone alone, Duration timeout) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(alone.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                .GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (ProcessHandle.of(alone.pid()).map(p -> !p.isAlive()).orElse(true)) {
                throw new IllegalStateException(service + " exited before it was ready; see " + alone.log());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(service + " not ready after " + timeout.toSeconds() + " s; see " + alone.log());
    }

    /** Quarkus' "started in" of the service's {@code nth} start in its (appended) log; null when it never wrote one. */
    private static Double startedIn(Path log, int nth) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // ready may answer before the line is flushed
        while (true) {
            List<Double> seen = new ArrayList<>();
            Matcher matcher = STARTED_IN.matcher(Files.exists(log) ? Files.readString(log) : "");
            while (matcher.find()) {
                seen.add(Double.parseDouble(matcher.group(1)));
            }
            if (seen.size() >= nth) {
                return seen.get(nth - 1);
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(50);
        }
    }

    /** The bare JVM with the services' options: spawned, its main prints a line, and it waits until told to exit. */
    private static Floor floor(JitChoice jit, Duration idle) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(jit.options());
        command.addAll(List.of("-cp", ownClassPath(), JvmFloor.class.getName()));
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            double readyMs = (System.nanoTime() - spawned) / 1e6;
            if (!JvmFloor.READY.equals(line)) {
                throw new IllegalStateException("The bare JVM said " + line + " instead of " + JvmFloor.READY + ": " + command);
            }
            sleep(idle);
            double idleMb = rssMb(process.pid());
            process.getOutputStream().close(); // its main returns
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The bare JVM did not exit: " + command);
            }
            return new Floor(readyMs, idleMb);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The jar (or, in the build, the classes directory) this class came from. */
    private static String ownClassPath() throws URISyntaxException {
        return Path.of(StartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** What the process holds in memory now: VmRSS of /proc/<pid>/status (Linux only, as the services' figures). */
    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/" + pid + "/status");
    }

    private static Report report(List<String> services, Map<String, List<Start>> starts, Map<JitChoice, List<Floor>> floors,
                                 int rounds, Duration idle, int users, Duration load) {
        Report report = new Report(String.format(Locale.ROOT, "Embedded PostgreSQL and Kafka (durable settings) started "
                + "first; then each packaged service alone, one after the other, as `./upright up` runs it (`%s` and the "
                + "JIT's option: C1 is `-XX:TieredStopAtLevel=1`, tiered the JVM's default C1 then C2), under each JIT, "
                + "which going first alternating; %d round(s), medians. Ready: from spawning the JVM to `/q/health/ready` "
                + "answering 200 (polled every 20 ms). RSS: VmRSS %d s after ready, and again after %d s of `GET %s` "
                + "with a dev token from %d closed-loop users. Baseline: the bare JVM with the same options, its main "
                + "printing one line and waiting: spawn to that line, and its RSS after the same %d s.",
                String.join(" ", JVM_OPTIONS), rounds, idle.toSeconds(), load.toSeconds(), IDENTITY, users, idle.toSeconds()));
        List<String> choices = new ArrayList<>();
        for (String service : services) {
            for (JitChoice jit : JitChoice.values()) {
                List<Start> measured = starts.get(service + " " + jit);
                if (measured == null) {
                    continue; // a tiny run starts each service under one JIT
                }
                List<Floor> floor = floors.get(jit);
                String bare = "JVM alone, " + label(jit);
                List<Start> logged = measured.stream().filter(s -> s.quarkusSeconds() != null).toList();
                String quarkusNote = logged.isEmpty() ? "no Quarkus line in the log"
                        : String.format(Locale.ROOT, "Quarkus: started in %.2f s", median(logged, Start::quarkusSeconds));
                report.row(Comparison.under(service + ", " + label(jit) + ": spawn to ready",
                        new Measure(median(measured, Start::readyMs), "ms", spread(measured, Start::readyMs) + quarkusNote),
                        bare + ", spawn to main", Measure.of(median(floor, Floor::readyMs), "ms"), READY_CEILING_MS));
                report.row(Comparison.under(service + ", " + label(jit) + ": RSS idle",
                        new Measure(median(measured, Start::idleMb), "MB", measured.size() < 2 ? null
                                : spread(measured, Start::idleMb).replaceFirst("; $", "")),
                        bare + ", RSS", Measure.of(median(floor, Floor::idleMb), "MB"), RSS_CEILING_MB));
                report.row(Comparison.under(service + ", " + label(jit) + ": RSS after load",
                        new Measure(median(measured, Start::loadedMb), "MB", spread(measured, Start::loadedMb)
                                + String.format(Locale.ROOT, "%.0f req/s", median(measured, Start::loadPerSecond))),
                        bare + ", RSS", Measure.of(median(floor, Floor::idleMb), "MB"), RSS_CEILING_MB));
            }
            List<Start> c1 = starts.get(service + " " + JitChoice.C1);
            List<Start> tiered = starts.get(service + " " + JitChoice.TIERED);
            if (c1 != null && tiered != null) {
                choices.add(String.format(Locale.ROOT, "%s: ready %+.0f ms, RSS after load %+.0f MB, %+.0f req/s", service,
                        median(tiered, Start::readyMs) - median(c1, Start::readyMs),
                        median(tiered, Start::loadedMb) - median(c1, Start::loadedMb),
                        median(tiered, Start::loadPerSecond) - median(c1, Start::loadPerSecond)));
            }
        }
        if (!choices.isEmpty()) {
            report.note("Tiered against C1, medians (what choosing tiered costs or gains right after start): "
                    + String.join("; ", choices) + ".");
        }
        report.note("The load's req/s is of a few seconds right after start, not a throughput figure: `./upright bench rest` "
                + "measures that.");
        return report;
    }

    private static String label(JitChoice jit) {
        return jit == JitChoice.C1 ? "C1" : "tiered";
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** "min–max; " over the rounds, or nothing for one round. */
    private static <T> String spread(List<T> values, ToDoubleFunction<T> figure) {
        if (values.size() < 2) {
            return "";
        }
        double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f–%.0f; ", sorted[0], sorted[sorted.length - 1]);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** The baseline's main: says it runs, then waits for its input to close, so its memory can be read. */
    public static final class JvmFloor {
        static final String READY = "ready";

        private JvmFloor() {
        }

        public static void main(String[] args) throws IOException {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() != -1) {
                // nothing: the benchmark closes our input when it has read our memory
            }
        }
    }
}
