package io.upright.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service run as its own JVM, with its log in a file; the supervisor may start it again. */
final class ServiceProcess implements ServiceSupervisor.Supervised {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    /** The process running now: replaced when the supervisor restarts the service, read from other threads. */
    private volatile Process process;
    /** The JIT for its next start when set, instead of {@link JitChoice#of}: the start-up benchmark measures both. */
    private JitChoice jit;

    ServiceProcess(String name, int port, Path jar, Path log, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.environment = environment;
    }

    @Override
    public void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll((jit != null ? jit : JitChoice.of(name, System.getenv())).options());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits for {@code /q/health/ready} to answer 200. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM lets Quarkus finish in-flight work), then insists. */
    /** Environment variables for the next start (the chaos harness turns the reminder engine off at the end). */
    void override(Map<String, String> variables) {
        environment.putAll(variables);
    }

    void useJit(JitChoice chosen) {
        this.jit = chosen;
    }

    /** {@code kill -9}: the process gets no chance to finish anything (the chaos harness's crash). */
    void kill() {
        Process current = this.process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    void stop() {
        Process process = this.process;
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    @Override
    public String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Path log() {
        return log;
    }

    static String envPrefix(String service) {
        return service.toUpperCase(Locale.ROOT);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
