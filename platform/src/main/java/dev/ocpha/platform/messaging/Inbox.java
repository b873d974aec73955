package dev.ocpha.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ids of the events a consumer has processed, written in the same transaction as the effect of the event. */
@ApplicationScoped
public class Inbox {

    private final DataSource dataSource;

    public Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event as processed by the consumer; false when it was already processed (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope envelope) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO inbox (consumer, event_id, event_type) VALUES (?, ?, ?)
                     ON CONFLICT (consumer, event_id) DO NOTHING""")) {
            insert.setString(1, consumer);
            insert.setString(2, envelope.id());
            insert.setString(3, envelope.type().ceType());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + envelope.id() + " in the inbox", e);
        }
    }
}
