package dev.ocpha.platform.messaging;

import dev.ocpha.contracts.Event;
import dev.ocpha.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The transactional outbox: an event is written in the same database transaction as the state change that
 * produced it, and {@link OutboxRelay} publishes it after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    private final DataSource dataSource;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final AfterCommit afterCommit;

    public Outbox(DataSource dataSource, EventCodec codec, OutboxRelay relay, AfterCommit afterCommit) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.relay = relay;
        this.afterCommit = afterCommit;
    }

    /** Appends an event keyed by its deployment id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(Event event) {
        return append(event, event.deploymentId());
    }

    /** Appends an event with an explicit record key (e.g. {@code deploymentId/host}). Returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(Event event, String key) {
        EventType type = EventCodec.typeOf(event);
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO outbox (id, topic, record_key, type, schema_version, subject, causation_id,
                                         correlation_id, payload)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.fromString(id));
            insert.setString(2, type.topic());
            insert.setString(3, key);
            insert.setString(4, type.ceType());
            insert.setInt(5, type.schemaVersion());
            insert.setString(6, event.deploymentId());
            insert.setString(7, Correlation.causationId());
            insert.setString(8, Correlation.correlationId());
            insert.setString(9, codec.toJson(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + type.ceType() + " to the outbox", e);
        }
        afterCommit.runOnce(WAKE_REGISTERED, relay::wakeUp);
        return id;
    }
}
