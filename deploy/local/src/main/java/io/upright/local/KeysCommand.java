package io.upright.local;

import io.upright.localinfra.TokenKeys;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./upright keys list | next | switch | retire [--now]}: rolls the token signing key without an outage
 * ({@link TokenKeys}; docs/operations.md, section 2). The services trust every key in {@code .upright/keys/jwks.json};
 * each step tells the operator what to restart.
 */
final class KeysCommand {

    private static final String RESTART = "Restart every service so it reads the set again: ./upright up (stop it first),"
            + " docker compose restart programs assessments exercises reminders insights, or on Kubernetes put the set into"
            + " the ConfigMap upright-jwt-public-key and roll each Deployment (docs/operations.md, section 2).";

    private KeysCommand() {
    }

    /** @return the process exit status */
    static int run(Path home, String[] args, PrintStream out, Clock clock) {
        List<String> words = new ArrayList<>();
        boolean now = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--now")) {
                now = true;
            } else if (args[i].startsWith("--")) {
                i++; // a launcher option and its value (--root)
            } else {
                words.add(args[i]);
            }
        }
        String action = words.isEmpty() ? "list" : words.get(0);
        TokenKeys keys = TokenKeys.in(home.resolve("keys"));
        try {
            switch (action) {
                case "list" -> list(keys, out);
                case "next" -> {
                    String next = keys.publishNext();
                    out.println("Published the next key " + next + " in " + keys.keySet() + "; tokens are still signed"
                            + " with the current one.");
                    out.println(RESTART);
                    out.println("Once every service runs with the new set: ./upright keys switch");
                }
                case "switch" -> {
                    String signing = keys.switchToNext(clock.instant());
                    Instant retireAt = keys.previousKeysRetireAt().orElseThrow();
                    out.println("Tokens are signed with " + signing + " from now; the previous key stays trusted, so tokens"
                            + " it signed keep working. Hand out new tokens (./upright token ...) to scripts and clients.");
                    out.println("From " + retireAt + ", when every token the previous key signed has expired: ./upright keys"
                            + " retire, then restart every service.");
                }
                case "retire" -> {
                    List<String> retired = keys.retirePrevious(clock.instant(), now);
                    if (retired.isEmpty()) {
                        out.println("No previous key is listed; nothing to retire.");
                    } else {
                        out.println("No longer in " + keys.keySet() + ": " + String.join(", ", retired) + ".");
                        out.println(RESTART);
                    }
                }
                default -> {
                    out.println(usage());
                    return 2;
                }
            }
            return 0;
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    private static void list(TokenKeys keys, PrintStream out) {
        out.println("The services trust " + keys.keySet() + ":");
        for (TokenKeys.Listed listed : keys.list()) {
            out.println("  " + listed.keyId() + "  " + listed.role().name().toLowerCase(Locale.ROOT));
        }
        keys.previousKeysRetireAt().ifPresent(at -> {
            if (keys.list().stream().anyMatch(l -> l.role() == TokenKeys.Role.PREVIOUS)) {
                out.println("Previous keys can be retired from " + at + " (./upright keys retire).");
            }
        });
    }

    static String usage() {
        return """
                Usage:
                  ./upright keys [list]          the keys the services trust: signing, next, previous
                  ./upright keys next            1. make the next key and add it to the trusted set (then restart the services)
                  ./upright keys switch          2. sign tokens with the next key; the previous one stays trusted
                  ./upright keys retire [--now]  3. drop the previous key from the set once its tokens have expired
                                                    (--now: at once, after a leak), then restart the services""";
    }
}
