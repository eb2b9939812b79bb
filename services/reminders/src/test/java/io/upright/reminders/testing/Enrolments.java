package io.upright.reminders.testing;

import io.upright.contracts.programs.EmployeeEnrolled;
import io.upright.localinfra.CloudEventRecords;
import io.upright.testsupport.kafka.TopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Puts EmployeeEnrolled records on upright.programs the way the programs service's relay does. */
public final class Enrolments {

    private Enrolments() {
    }

    /**
     * An IANA zone whose local time is around noon right now, so a 00:00-23:59 working day covers the next
     * minutes whenever the test runs (Etc/GMT-N is N hours ahead of UTC, POSIX style).
     */
    public static String zoneAroundNoon() {
        int offset = 12 - Instant.now().atOffset(ZoneOffset.UTC).getHour();
        if (offset == 0) {
            return "Etc/UTC";
        }
        return offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset);
    }

    public static ProducerRecord<String, byte[]> employeeEnrolled(String eventId, String tenant, String employeeId, String zone) {
        EmployeeEnrolled enrolled = new EmployeeEnrolled(UUID.fromString(employeeId), UUID.randomUUID(), zone,
                "00:00", "23:59", false, Instant.now());
        return CloudEventRecords.record(tenant, eventId, enrolled);
    }

    public static void send(String kafka, ProducerRecord<String, byte[]> record) {
        TopicReader.send(kafka, record);
    }
}
