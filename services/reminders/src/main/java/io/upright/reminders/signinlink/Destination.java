package io.upright.reminders.signinlink;

import java.util.Arrays;
import java.util.Optional;

/** The employee pages a sign-in link may open: a fixed list, so a link can never send anyone elsewhere. */
public enum Destination {
    HOME("home", "/"),
    DESK_CHECK("desk-check", "/desk-check"),
    ROUTINE("routine", "/routine"),
    SITTING("sitting", "/sitting"),
    SETTINGS("settings", "/settings");

    private final String code;
    private final String path;

    Destination(String code, String path) {
        this.code = code;
        this.path = path;
    }

    public String code() {
        return code;
    }

    /** The web front end's path of the page. */
    public String path() {
        return path;
    }

    public static Optional<Destination> ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
