package io.upright.insights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Insights' own settings; each key reaches it from the environment as {@code UPRIGHT_INSIGHTS_<KEY>}. */
@ConfigMapping(prefix = "upright.insights")
public interface InsightsConfig {

    /**
     * The smallest team whose figures HR may see (env {@code UPRIGHT_INSIGHTS_ANONYMITY_THRESHOLD}). Values
     * below 5 are raised to 5: the threshold can be made stricter, never looser.
     */
    @WithDefault("5")
    int anonymityThreshold();

    /**
     * How long each of the two transactions of {@code POST /api/operator/insights/replay} may take (env
     * {@code UPRIGHT_INSIGHTS_REPLAY_TIMEOUT}): the build reads every topic from the beginning into shadow tables; the
     * swap applies what arrived since and replaces the live rows.
     */
    @WithDefault("10M")
    java.time.Duration replayTimeout();

    /**
     * How long after a week's end (Sunday 24:00 UTC) its figures are published (env
     * {@code UPRIGHT_INSIGHTS_SNAPSHOT_GRACE}): events of the week's last hours, and of time zones ahead of UTC
     * (up to +14 h), still on their way through the topics, make it into the week. Six hours cover the usual lag of
     * the topics; a week is not shown at all before then, and never changes after.
     */
    @WithDefault("PT6H")
    java.time.Duration snapshotGrace();

    /**
     * How often the publication job looks for closed weeks and due risk snapshots (env
     * {@code UPRIGHT_INSIGHTS_SNAPSHOT_EVERY}; {@code off} disables it). Every read publishes what is due first
     * anyway, so this only keeps publication close to the week's end.
     */
    @WithDefault("15m")
    String snapshotEvery();

    /**
     * How long each sitting check-in stays open for answers before its round's figures are published (env
     * {@code UPRIGHT_INSIGHTS_SITTING_ROUND_WINDOW}): four weeks, so a check-in is published as the next one opens.
     * Answers after that still count for the person's own view, never in a published round.
     */
    @WithDefault("P28D")
    java.time.Duration sittingRoundWindow();

    /**
     * How long a computed program view may be served while this instance saw no change of its tenant (env
     * {@code UPRIGHT_INSIGHTS_PROGRAM_VIEW_MAX_AGE}; 0 computes every read). Changes this instance consumes clear the
     * tenant's views at once; this bounds how long one consumed by another instance goes unseen. The figures are
     * published snapshots, so a view a few seconds old shows nothing HR could not see a few seconds ago.
     */
    @WithDefault("PT5S")
    java.time.Duration programViewMaxAge();
}
