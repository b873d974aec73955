package dev.ocpha.executor.persistence;

import dev.ocpha.executor.config.ExecutorConfig;
import dev.ocpha.ssh.HostKeyPins;
import dev.ocpha.ssh.PinnedHostKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Host keys pinned at first contact, in the executor's schema, so that every executor of the group expects the key
 * whichever of them met the host first. Called during SSH handshakes, outside any transaction: plain autocommit.
 */
@ApplicationScoped
public class JdbcHostKeyPins implements HostKeyPins {

    private final DataSource dataSource;
    private final String executorId;

    public JdbcHostKeyPins(DataSource dataSource, ExecutorConfig config) {
        this.dataSource = dataSource;
        this.executorId = config.id();
    }

    @Override
    public Optional<PinnedHostKey> find(String host) {
        List<PinnedHostKey> found = select("WHERE host = ?", host);
        return found.stream().findFirst();
    }

    public List<PinnedHostKey> all() {
        return select("ORDER BY host", null);
    }

    /** Forgets a pin (the host was reinstalled on purpose): its next key is pinned at the next contact. */
    public boolean remove(String host) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM host_key_pin WHERE host = ?")) {
            delete.setString(1, host);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the host key pin of " + host, e);
        }
    }

    @Override
    public PinnedHostKey pinIfAbsent(PinnedHostKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO host_key_pin (host, key_type, public_key, fingerprint, pinned_at, pinned_by)
                     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (host) DO NOTHING""")) {
            insert.setString(1, key.host());
            insert.setString(2, key.keyType());
            insert.setString(3, key.publicKey());
            insert.setString(4, key.fingerprint());
            insert.setTimestamp(5, Timestamp.from(key.pinnedAt()));
            insert.setString(6, executorId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot pin the host key of " + key.host(), e);
        }
        return find(key.host()).orElseThrow();
    }

    private List<PinnedHostKey> select(String where, String host) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT host, key_type, public_key, fingerprint, pinned_at FROM host_key_pin " + where)) {
            if (host != null) {
                select.setString(1, host);
            }
            List<PinnedHostKey> pins = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pins.add(new PinnedHostKey(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getTimestamp(5).toInstant()));
                }
            }
            return pins;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read host key pins", e);
        }
    }
}
