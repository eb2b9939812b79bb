package io.upright.local.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a benchmark runs with.
 *
 * @param root    the repository (the packaged services are under {@code services/<name>/target})
 * @param work    a directory of its own for PostgreSQL and Kafka data, on the disk {@code ./upright up} keeps its state
 *                on (a temporary directory may be in memory, where a durable commit costs nothing); deleted afterwards
 * @param tiny    seconds instead of minutes, one round: proves the harness works, measures nothing worth writing down
 * @param out     progress lines
 */
public record BenchRun(Path root, Path work, boolean tiny, PrintStream out) {

    /** The normal figure, or the tiny one. */
    public int size(int normal, int tiny) {
        return this.tiny ? tiny : normal;
    }

    public void progress(String message) {
        out.println("  " + message);
    }
}
