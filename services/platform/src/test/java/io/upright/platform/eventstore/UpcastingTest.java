package io.upright.platform.eventstore;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upright.platform.notes.NoteEvent;
import io.upright.testsupport.quarkus.UprightTestInfrastructure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = UprightTestInfrastructure.class, initArgs = {
        @ResourceArg(name = "database", value = "platform"),
        @ResourceArg(name = "topics", value = "upright.programs,upright.platform-test,upright.platform-test.dlq")})
class UpcastingTest {

    @Inject
    EventStore eventStore;

    @Inject
    DataSource dataSource;

    @Test
    void a_row_stored_as_an_older_version_is_read_as_the_current_one_and_stays_as_it_was_written() throws Exception {
        UUID note = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> eventStore.append("tenant-a", "note", note, 0,
                List.of(new NoteEvent.NoteWritten(note, "hello"))));
        insertRaw(note, 2, "NoteTagged", 1, "{\"noteId\":\"" + note + "\",\"tag\":\"posture\"}");

        EventStream<NoteEvent> stream = eventStore.load("tenant-a", note, NoteEvent.class);

        assertThat(stream.events()).containsExactly(
                new NoteEvent.NoteWritten(note, "hello"),
                new NoteEvent.NoteTagged(note, List.of("posture")));
        assertThat(storedRow(note, 2)).isEqualTo("NoteTagged v1 posture");
    }

    @Test
    void new_events_are_stored_under_their_name_and_current_version() throws Exception {
        UUID note = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> eventStore.append("tenant-a", "note", note, 0,
                List.of(new NoteEvent.NoteTagged(note, List.of("hips", "walking")))));

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select event_type, event_version from event_store where stream_id = ?")) {
            ps.setObject(1, note);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " v" + rs.getInt(2)).isEqualTo("NoteTagged v2");
            }
        }
        assertThat(eventStore.load("tenant-a", note, NoteEvent.class).events())
                .containsExactly(new NoteEvent.NoteTagged(note, List.of("hips", "walking")));
    }

    private void insertRaw(UUID stream, int version, String name, int eventVersion, String payload) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into event_store (tenant_id, stream_type, stream_id, version, event_id, event_type, event_version, payload) "
                             + "values ('tenant-a', 'note', ?, ?, ?, ?, ?, cast(? as jsonb))")) {
            ps.setObject(1, stream);
            ps.setInt(2, version);
            ps.setObject(3, UUID.randomUUID());
            ps.setString(4, name);
            ps.setInt(5, eventVersion);
            ps.setString(6, payload);
            ps.executeUpdate();
        }
    }

    private String storedRow(UUID stream, int version) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select event_type, event_version, payload ->> 'tag' from event_store where stream_id = ? and version = ?")) {
            ps.setObject(1, stream);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) + " v" + rs.getInt(2) + " " + rs.getString(3);
            }
        }
    }
}
