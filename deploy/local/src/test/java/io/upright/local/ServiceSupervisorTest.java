package io.upright.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supervisor over real, short-lived operating-system processes standing in for the services. */
class ServiceSupervisorTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> gaveUp = new CopyOnWriteArrayList<>();
    private final List<FakeService> started = new CopyOnWriteArrayList<>();
    private ServiceSupervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(FakeService::stop);
    }

    @Test
    void serviceKilledWithSigkillIsReportedAndRestartedAsANewProcess() {
        FakeService service = new FakeService("programs", "sleep", "60");
        service.start();
        long firstPid = service.pid();
        supervisor = supervise(service, 5);

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // SIGKILL, as kill -9

        await().atMost(Duration.ofSeconds(10)).until(() -> service.starts.get() == 2 && service.process.isAlive());
        assertThat(service.pid()).isNotEqualTo(firstPid);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("healthy again")));
        assertThat(String.join("\n", lines))
                .contains("programs (pid " + firstPid + ") exited after signal 9 (SIGKILL")
                .contains("restarting programs in 0.0 s (crash 1 of 5")
                .contains("restarted programs (pid " + service.pid() + ")");
        assertThat(gaveUp).isEmpty();
    }

    @Test
    void serviceThatKeepsCrashingIsGivenUpOnceAfterTheAllowedCrashes() {
        FakeService service = new FakeService("insights", "sh", "-c", "exit 3");
        service.start();
        supervisor = supervise(service, 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> gaveUp.size() == 1);
        sleep(300); // nothing more may happen after giving up

        assertThat(service.starts.get()).isEqualTo(3); // the first start and two restarts
        assertThat(gaveUp.get(0)).contains("insights crashed 3 times within 60 s");
        assertThat(lines).anyMatch(l -> l.startsWith("!! Giving up: insights"));
        assertThat(lines).filteredOn(l -> l.contains("exited with code 3")).hasSize(3);
    }

    @Test
    void processesStoppedAfterTheSupervisorClosedStayDown() {
        FakeService service = new FakeService("reminders", "sleep", "60");
        service.start();
        supervisor = supervise(service, 5);

        supervisor.close(); // what LocalStack.close() does before stopping the services
        service.stop();
        sleep(500);

        assertThat(service.starts.get()).isEqualTo(1);
        assertThat(lines).isEmpty();
    }

    @Test
    void exitCodesAfterASignalNameTheSignal() {
        assertThat(ServiceSupervisor.describe(137)).startsWith("after signal 9 (SIGKILL");
        assertThat(ServiceSupervisor.describe(143)).startsWith("after signal 15 (SIGTERM)");
        assertThat(ServiceSupervisor.describe(1)).isEqualTo("with code 1");
    }

    private ServiceSupervisor supervise(FakeService service, int maxCrashes) {
        started.add(service);
        // milliseconds instead of seconds: the policy's arithmetic is RestartPolicyTest's business
        return new ServiceSupervisor(List.of(service),
                () -> new RestartPolicy(Duration.ofMillis(10), Duration.ofMillis(40), maxCrashes, Duration.ofMinutes(1)),
                Clock.systemUTC(), lines::add, gaveUp::add).watch();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A stand-in service: any command; healthy while its process runs. */
    private static final class FakeService implements ServiceSupervisor.Supervised {
        private final String name;
        private final String[] command;
        private final AtomicInteger starts = new AtomicInteger();
        private volatile Process process;

        FakeService(String name, String... command) {
            this.name = name;
            this.command = command;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            try {
                process = new ProcessBuilder(command).start();
                starts.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return process.onExit().thenApply(Process::exitValue);
        }

        @Override
        public boolean healthy() {
            return process.isAlive();
        }

        @Override
        public Path log() {
            return null;
        }

        void stop() {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
                p.onExit().join();
            }
        }
    }
}
