package io.upright.local.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a JDK Flight Recorder recording says a service's time went, between two instants (a benchmark's busy
 * phase, so that start-up and idle waiting do not dilute it). Two views:
 * <ul>
 *   <li>CPU: {@code jdk.ExecutionSample} (threads running Java code), by the sampled top frame (self time) and by the
 *       nearest frame of our own code ({@code io.upright});</li>
 *   <li>one thread's wall time: its {@code jdk.ExecutionSample} and {@code jdk.NativeMethodSample} together (the
 *       latter catches it blocked in a socket read, i.e. waiting for the database), by the nearest frame of our own
 *       code: for a single worker thread such as the reminder engine, what its rounds wait on.</li>
 * </ul>
 * {@code jfr print --events jdk.ExecutionSample} shows the raw samples; this only counts them.
 */
public final class JfrSummary {

    private static final String OURS = "io.upright.";

    private JfrSummary() {
    }

    /**
     * @param thread the thread whose wall time is summarised (its name, or a pool's: {@code executor-thread}), null for none
     * @param top    how many frames each list shows
     */
    public static String summarise(Path recording, Instant from, Instant to, String thread, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ownCode = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> threadWall = new HashMap<>();
        int cpuSamples = 0;
        int threadSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            boolean cpu = type.equals("jdk.ExecutionSample");
            if (!cpu && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            Instant at = event.getStartTime();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            RecordedThread sampled = event.getThread("sampledThread");
            String threadName = sampled == null ? "?" : String.valueOf(sampled.getJavaName());
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            String ours = ownFrame(frames);
            if (cpu) {
                cpuSamples++;
                self.merge(name(frames.get(0)), 1, Integer::sum);
                ownCode.merge(ours, 1, Integer::sum);
                // thread pools number their threads: count the pool, not each member
                threads.merge(threadName.replaceAll("[-#]?\\d+$", ""), 1, Integer::sum);
            }
            if (thread != null && (thread.equals(threadName) || threadName.startsWith(thread + "-"))) { // one thread, or a pool
                threadSamples++;
                threadWall.merge((cpu ? "[cpu] " : "[waiting] ") + ours, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("CPU samples (jdk.ExecutionSample) from %s to %s: %d%n", from, to, cpuSamples));
        out.append("Hottest frames by self time:\n");
        list(out, self, cpuSamples, top);
        out.append("By nearest frame of our own code (io.upright), or the top frame without one:\n");
        list(out, ownCode, cpuSamples, top);
        out.append("By thread (pools together):\n");
        list(out, threads, cpuSamples, top);
        if (thread != null) {
            out.append(String.format("Thread '%s', running and waiting in native code (jdk.ExecutionSample + jdk.NativeMethodSample): %d%n",
                    thread, threadSamples));
            list(out, threadWall, threadSamples, top);
        }
        return out.toString();
    }

    private static String ownFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.isJavaFrame() && frame.getMethod().getType().getName().startsWith(OURS)) {
                return name(frame);
            }
        }
        return name(frames.get(0));
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
    }

    private static void list(StringBuilder out, Map<String, Integer> counts, int total, int top) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.append(String.format("  %5.1f %%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getValue(), e.getKey())));
    }

    /** {@code java -cp upright-local.jar io.upright.local.bench.JfrSummary FILE FROM TO [THREAD]}: the same, by hand. */
    public static void main(String[] args) throws IOException {
        System.out.print(summarise(Path.of(args[0]), Instant.parse(args[1]), Instant.parse(args[2]),
                args.length > 3 ? args[3] : null, 12));
    }
}
