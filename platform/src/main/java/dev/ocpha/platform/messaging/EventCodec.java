package dev.ocpha.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.contracts.Event;
import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Turns event records into JSON and Kafka records back into {@link EventEnvelope}s. */
@ApplicationScoped
public class EventCodec {

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_RECORD = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordType, Function.identity()));

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static EventType typeOf(Event event) {
        EventType type = BY_RECORD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a registered event type");
        }
        return type;
    }

    public String toJson(Event event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public EventEnvelope decode(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String ceType = header(headers, EventHeaders.TYPE);
        EventType type = ceType == null ? null : BY_CE_TYPE.get(ceType);
        if (type == null) {
            throw new PoisonMessageException("unknown event type '" + ceType + "' at " + position(record), null);
        }
        int version = parseVersion(header(headers, EventHeaders.SCHEMA_VERSION), record);
        if (version > type.schemaVersion()) {
            throw new PoisonMessageException(type.ceType() + " schema version " + version + " is newer than the "
                    + type.schemaVersion() + " this service reads, at " + position(record), null);
        }
        String id = header(headers, EventHeaders.ID);
        if (id == null || record.value() == null) {
            throw new PoisonMessageException("event without id or body at " + position(record), null);
        }
        Event payload;
        try {
            payload = mapper.readValue(record.value(), type.recordType());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("malformed " + type.ceType() + " at " + position(record)
                    + ": " + e.getOriginalMessage(), e);
        }
        String time = header(headers, EventHeaders.TIME);
        return new EventEnvelope(id, type, version, header(headers, EventHeaders.SUBJECT),
                header(headers, EventHeaders.CAUSATION_ID), header(headers, EventHeaders.CORRELATION_ID),
                header(headers, EventHeaders.SOURCE), time == null ? null : OffsetDateTime.parse(time), payload);
    }

    private static int parseVersion(String value, ConsumerRecord<?, ?> record) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PoisonMessageException("bad schema version '" + value + "' at " + position(record), e);
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
