package io.upright.localinfra;

import java.util.Map;

/**
 * How many partitions each Upright topic gets where the local tools create it ({@code ./upright up}, the end-to-end
 * tests, the benchmarks). A consumer group spreads a topic's partitions over its instances, so the count caps how
 * many instances of a consuming service share that topic's work, and only a multiple of the instance count splits it
 * evenly. docs/architecture.md (Topics and partitions) has the table and the reasons.
 */
public final class TopicPartitions {

    /**
     * The topics with a record per employee every few minutes, or per employee of a roster import or a campaign:
     * six, so that one, two, three or six instances of each consuming service get equal shares.
     */
    public static final int BUSY = 6;
    /** Low-volume topics (weekly snapshots) and the dead-letter topics, which no consumer group reads. */
    public static final int QUIET = 3;

    private static final Map<String, Integer> COUNTS = Map.of(
            "upright.programs", BUSY,
            "upright.assessments", BUSY,
            "upright.exercises", BUSY,
            "upright.reminders", BUSY,
            "upright.insights", QUIET);

    private TopicPartitions() {
    }

    /** The partition count of a topic: its own from the table, {@link #QUIET} for any other (dead-letter topics). */
    public static int of(String topic) {
        return COUNTS.getOrDefault(topic, QUIET);
    }
}
