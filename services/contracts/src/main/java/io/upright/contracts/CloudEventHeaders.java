package io.upright.contracts;

/**
 * Kafka header names of CloudEvents 1.0 binary mode, the wire contract every service and tool reads and writes, plus Upright's tenant extension and the distributed-tracing
 * extension's {@code traceparent} (W3C trace context of the span that wrote the event).
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String TENANT = "ce_tenant";
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
