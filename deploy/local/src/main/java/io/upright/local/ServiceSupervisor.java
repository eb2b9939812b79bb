package io.upright.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches the service processes of {@code ./upright up}: when one exits (it crashed, ran out of memory, or someone
 * ran {@code kill -9}) it says so, restarts it after the {@link RestartPolicy}'s delay and says when it is healthy
 * again. When a service keeps crashing it gives up loudly and hands over to {@code onGiveUp}. Once closed it
 * restarts nothing, so a clean shutdown is never mistaken for a crash.
 */
final class ServiceSupervisor implements AutoCloseable {

    /** A process the supervisor can watch and start again. */
    interface Supervised {
        String name();

        /** Starts a new process; the previous one has exited. */
        void start();

        long pid();

        /** Completes with the exit code of the process running now. */
        CompletableFuture<Integer> onExit();

        boolean healthy();

        /** Where its output goes, or null. */
        Path log();
    }

    private static final Duration HEALTH_POLL = Duration.ofMillis(500);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);

    private final List<? extends Supervised> services;
    private final Map<String, RestartPolicy> policies = new HashMap<>();
    private final Clock clock;
    private final Consumer<String> report;
    private final Consumer<String> onGiveUp;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "upright-supervisor");
        thread.setDaemon(true); // never the reason the launcher cannot exit
        return thread;
    });
    private final Object lock = new Object();
    private boolean closed;

    /**
     * @param report   one line per event (exit, restart, healthy again, giving up)
     * @param onGiveUp called once, with the reason, when a service crashed too often
     */
    ServiceSupervisor(List<? extends Supervised> services, Supplier<RestartPolicy> policy, Clock clock,
                      Consumer<String> report, Consumer<String> onGiveUp) {
        this.services = services;
        services.forEach(service -> policies.put(service.name(), policy.get()));
        this.clock = clock;
        this.report = report;
        this.onGiveUp = onGiveUp;
    }

    /** Starts watching the processes running now. */
    ServiceSupervisor watch() {
        services.forEach(this::watch);
        return this;
    }

    private void watch(Supervised service) {
        long pid = service.pid();
        // every decision on the one supervisor thread, in the order the exits happened
        service.onExit().thenAcceptAsync(code -> exited(service, pid, code), scheduler);
    }

    private void exited(Supervised service, long pid, int code) {
        synchronized (lock) {
            if (closed) {
                return; // stopped on purpose
            }
        }
        RestartPolicy policy = policies.get(service.name());
        RestartPolicy.Decision decision = policy.crashed(clock.instant());
        report.accept("! " + service.name() + (pid >= 0 ? " (pid " + pid + ") exited " + describe(code) : " did not start"));
        if (decision.giveUp()) {
            String reason = service.name() + " crashed " + decision.crashesInWindow() + " times within "
                    + policy.window().toSeconds() + " s; not restarting it again."
                    + (service.log() != null ? " Its log: " + service.log() : "");
            report.accept("!! Giving up: " + reason);
            lastLines(service.log(), 15).forEach(line -> report.accept("   | " + line));
            synchronized (lock) {
                closed = true; // one give-up is enough: what follows is the launcher stopping everything
            }
            onGiveUp.accept(reason);
            return;
        }
        report.accept("  restarting " + service.name() + " in " + seconds(decision.delay()) + " s (crash "
                + decision.crashesInWindow() + " of " + policy.maxCrashes() + " allowed within "
                + policy.window().toSeconds() + " s)");
        scheduler.schedule(() -> restart(service), decision.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(Supervised service) {
        Instant started = clock.instant();
        String failure = null;
        synchronized (lock) {
            // under the lock: close() waits for a restart in progress, so the new process is there to be stopped
            if (closed) {
                return;
            }
            try {
                service.start();
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            report.accept("! " + service.name() + " could not be started: " + failure);
            exited(service, -1, -1); // counts as a crash: a jar that went missing must end in giving up too
            return;
        }
        report.accept("  restarted " + service.name() + " (pid " + service.pid() + ")");
        watch(service);
        long pid = service.pid();
        scheduler.schedule(() -> awaitHealthy(service, pid, started), HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitHealthy(Supervised service, long pid, Instant started) {
        synchronized (lock) {
            if (closed || service.pid() != pid) {
                return; // stopping, or it died again and the next restart reports for itself
            }
        }
        if (service.healthy()) {
            report.accept("  " + service.name() + " healthy again after " + seconds(Duration.between(started, clock.instant())) + " s");
        } else if (Duration.between(started, clock.instant()).compareTo(HEALTH_TIMEOUT) > 0) {
            report.accept("! " + service.name() + " restarted but not healthy after " + HEALTH_TIMEOUT.toSeconds()
                    + " s" + (service.log() != null ? "; see " + service.log() : ""));
        } else {
            scheduler.schedule(() -> awaitHealthy(service, pid, started), HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops supervising: processes that exit from now on stay down. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        // no waiting for the thread: close() may run in a shutdown hook that onGiveUp's System.exit started
        scheduler.shutdownNow();
    }

    static String describe(int code) {
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            return "after signal " + signal + (signal == 9 ? " (SIGKILL: killed, or out of memory)" : signal == 15 ? " (SIGTERM)" : "")
                    + ", exit code " + code;
        }
        return "with code " + code;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** The end of a log that may be large: only its last few kilobytes are read. */
    static List<String> lastLines(Path log, int count) {
        if (log == null || !Files.isRegularFile(log)) {
            return List.of();
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 16 * 1024);
            byte[] tail = new byte[size];
            file.seek(length - size);
            file.readFully(tail);
            List<String> lines = new String(tail, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            if (size < length && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first one is probably cut
            }
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of(); // the path is printed anyway
        }
    }
}
