package io.upright.platform.eventstore;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.platform.notes.NoteEvent;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class ConcurrentAppendsTest {

    @Inject
    EventStore eventStore;

    @Test
    void of_two_writers_appending_to_one_stream_at_the_same_version_exactly_one_wins() throws Exception {
        UUID stream = UUID.randomUUID();
        int writers = 4;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "writer " + i;
                outcomes.add(pool.submit(() -> {
                    together.await();
                    try {
                        QuarkusTransaction.requiringNew().run(() -> eventStore.append("tenant-a", "note", stream, 0,
                                List.of(new NoteEvent.NoteWritten(stream, text))));
                        return "won";
                    } catch (ConcurrencyConflict conflict) {
                        return "conflict";
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsOnlyOnce("won");
            assertThat(results).filteredOn("conflict"::equals).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        EventStream<NoteEvent> stored = eventStore.load("tenant-a", stream, NoteEvent.class);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.events()).hasSize(1);
    }

    @Test
    void appends_continue_the_stream_and_load_returns_events_in_order() {
        UUID stream = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> eventStore.append("tenant-a", "note", stream, 0,
                List.of(new NoteEvent.NoteWritten(stream, "first"))));
        QuarkusTransaction.requiringNew().run(() -> eventStore.append("tenant-a", "note", stream, 1,
                List.of(new NoteEvent.NoteEdited(stream, "second"), new NoteEvent.NoteEdited(stream, "third"))));

        EventStream<NoteEvent> stored = eventStore.load("tenant-a", stream, NoteEvent.class);

        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.events()).containsExactly(new NoteEvent.NoteWritten(stream, "first"),
                new NoteEvent.NoteEdited(stream, "second"), new NoteEvent.NoteEdited(stream, "third"));
    }

    @Test
    void another_tenants_stream_reads_as_empty() {
        UUID stream = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> eventStore.append("tenant-a", "note", stream, 0,
                List.of(new NoteEvent.NoteWritten(stream, "private"))));

        assertThat(eventStore.load("tenant-b", stream, NoteEvent.class).isEmpty()).isTrue();
    }
}
