package io.upright.local.bench;

import io.upright.local.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * {@code UPRIGHT_BENCH_JFR=<service> ./upright bench <name>}: records a JDK Flight Recorder profile of one packaged
 * service while a benchmark runs, and writes a summary of the measured window's hottest frames beside it under
 * {@code deploy/local/target/}. Off unless asked for: a recording costs a few per cent, which a figure to quote must
 * not carry.
 */
public final class Profiling {

    static final String VARIABLE = "UPRIGHT_BENCH_JFR";

    private final Path recording;
    private final String service;

    private Profiling(String service, Path recording) {
        this.service = service;
        this.recording = recording;
    }

    /**
     * Before the stack starts: the service named in {@code UPRIGHT_BENCH_JFR}, when it is one of {@code services}, will
     * record from its start.
     */
    public static Optional<Profiling> of(BenchRun run, String benchmark, LocalStack stack, Collection<String> services)
            throws IOException {
        String service = System.getenv(VARIABLE);
        if (service == null || service.isBlank() || run.tiny() || !services.contains(service)) {
            return Optional.empty();
        }
        Path recording = run.root().resolve("deploy/local/target/bench-" + benchmark + "-" + service + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".jfr");
        Files.createDirectories(recording.getParent());
        // the java launcher reads JDK_JAVA_OPTIONS, so the service's command line stays the stack's own; the recording
        // is written when the service stops
        stack.withEnvironment(service, Map.of("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=settings=profile,"
                + "maxsize=1g,dumponexit=true,filename=" + recording));
        run.progress("recording a profile of " + service + " to " + recording);
        return Optional.of(new Profiling(service, recording));
    }

    /**
     * After the stack stopped: the window's hottest frames, and where the request workers ({@code executor-thread})
     * spent their time running or waiting, written beside the recording; the summary's path.
     */
    public Path summarise(Instant from, Instant to) throws IOException {
        Path summary = Path.of(recording.toString().replaceFirst("\\.jfr$", "-summary.txt"));
        Files.writeString(summary, JfrSummary.summarise(recording, from, to, "executor-thread", 25));
        return summary;
    }

    public String service() {
        return service;
    }
}
