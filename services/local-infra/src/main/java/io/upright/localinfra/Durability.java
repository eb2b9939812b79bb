package io.upright.localinfra;

/**
 * How hard the embedded PostgreSQL and Kafka work to keep what they acknowledged when the machine loses power
 * or the process is killed.
 */
public enum Durability {

    /**
     * What {@code ./upright up} runs: a commit or an acknowledged record is on disk before the client hears
     * about it. PostgreSQL runs with {@code synchronous_commit=on} and {@code fsync=on}; Kafka flushes its log on
     * every append, because with a single replica nothing else holds a copy.
     */
    DURABLE,

    /**
     * For tests, which throw the data away anyway: PostgreSQL with {@code synchronous_commit=off} (a crash may
     * lose the last few hundred milliseconds of commits, never corrupt the cluster, since {@code fsync} stays on)
     * and Kafka leaving flushes to the operating system's page cache, its default.
     */
    FAST
}
