package io.upright.reminders.testing;

import io.upright.testsupport.infra.TopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
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
        String body = "{\"employeeId\":\"" + employeeId + "\",\"teamId\":\"" + UUID.randomUUID() + "\",\"timeZone\":\"" + zone
                + "\",\"workdayStart\":\"00:00\",\"workdayEnd\":\"23:59\",\"standingDesk\":false,\"enrolledAt\":\""
                + Instant.now() + "\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_type", bytes("upright.programs.employee-enrolled.v1"));
        headers.add("ce_source", bytes("urn:upright:programs"));
        headers.add("ce_subject", bytes(employeeId));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("ce_tenant", bytes(tenant));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>("upright.programs", null, employeeId, bytes(body), headers);
    }

    public static void send(String kafka, ProducerRecord<String, byte[]> record) {
        TopicReader.send(kafka, record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
