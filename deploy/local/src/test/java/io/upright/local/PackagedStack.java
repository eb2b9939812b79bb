package io.upright.local;

import io.upright.localinfra.Directories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The five packaged services on their own Kafka, PostgreSQL and webhook inbox, on free ports, in a temporary
 * directory: what each end-to-end test class starts once and stops after its last test.
 */
final class PackagedStack implements AutoCloseable {

    final Path root;
    final LocalStack stack;
    final WebhookInbox inbox;
    private final Path home;

    private PackagedStack(Path root, Path home, LocalStack stack, WebhookInbox inbox) {
        this.root = root;
        this.home = home;
        this.stack = stack;
        this.inbox = inbox;
    }

    /** @param label prefixes the progress lines and names the temporary directory */
    static PackagedStack start(String label, Duration reminderCadence) throws IOException {
        return start(label, reminderCadence, java.util.Map.of());
    }

    /** @param environment more environment variables per service, as {@code ./upright up} sets for the demo */
    static PackagedStack start(String label, Duration reminderCadence, java.util.Map<String, java.util.Map<String, String>> environment)
            throws IOException {
        Path root = Path.of(System.getProperty("upright.root", "../..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("upright-" + label);
        WebhookInbox inbox = WebhookInbox.start(0, null);
        try {
            LocalStack stack = new LocalStack(LocalStack.Options.isolated(root, home, reminderCadence));
            environment.forEach(stack::withEnvironment);
            stack.start(message -> System.out.println("[" + label + "] " + message));
            return new PackagedStack(root, home, stack, inbox);
        } catch (RuntimeException e) {
            inbox.close();
            Directories.deleteQuietly(home);
            throw e;
        }
    }

    Path home() {
        return home;
    }

    @Override
    public void close() {
        stack.close();
        inbox.close();
        Directories.deleteQuietly(home);
    }
}
