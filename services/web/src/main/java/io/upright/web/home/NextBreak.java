package io.upright.web.home;

import io.quarkus.qute.TemplateData;
import io.upright.web.settings.LocalWhen;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the start page says about the next break: paused until a time, planned at a time, or nothing planned. Pure.
 * Only reminders that ask the person to move count (a nudge to take the desk check or a sitting check-in is no break).
 */
@TemplateData
public record NextBreak(boolean paused, LocalWhen when) {

    private static final Set<String> BREAKS = Set.of("break", "routine", "sit-stand", "team-break");

    public static Optional<NextBreak> of(List<MyReminders.Reminder> newestFirst, Instant pausedUntil, ZoneId zone, Instant now) {
        if (pausedUntil != null && pausedUntil.isAfter(now)) {
            return Optional.of(new NextBreak(true, LocalWhen.of(pausedUntil, zone, now)));
        }
        return newestFirst.stream()
                .filter(r -> "pending".equals(r.status()) && r.kind() != null && BREAKS.contains(r.kind()) && r.slot() != null)
                .map(NextBreak::due)
                .min(Comparator.naturalOrder())
                // one already due is on its way: it is "now", not a time in the past
                .map(at -> new NextBreak(false, LocalWhen.of(at.isBefore(now) ? now : at, zone, now)));
    }

    /** A snoozed reminder comes back at its snooze time, not its slot. */
    private static Instant due(MyReminders.Reminder r) {
        return r.snoozedUntil() != null && r.snoozedUntil().isAfter(r.slot()) ? r.snoozedUntil() : r.slot();
    }
}
