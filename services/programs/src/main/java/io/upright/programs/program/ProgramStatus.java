package io.upright.programs.program;

import java.util.Locale;

/** draft → launched ⇄ paused → ended. Launched and paused programs are "running": they hold their teams. */
public enum ProgramStatus {
    DRAFT, LAUNCHED, PAUSED, ENDED;

    public boolean running() {
        return this == LAUNCHED || this == PAUSED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
