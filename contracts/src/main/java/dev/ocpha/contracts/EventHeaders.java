package dev.ocpha.contracts;

/**
 * Kafka record headers carried by every event: CloudEvents binary mode ({@code ce_*}) with three
 * extensions of ours. The record value is the JSON of the event record.
 */
public final class EventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    /** The producing service, e.g. {@code /ocpha/planner-service}. */
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    /** The deployment id. */
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    /** The id of the event (or HTTP request) that caused this one. */
    public static final String CAUSATION_ID = "ce_causationid";
    /** The id that follows one user request through every service and log line. */
    public static final String CORRELATION_ID = "ce_correlationid";

    public static final String CLOUD_EVENTS_SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    private EventHeaders() {
    }
}
