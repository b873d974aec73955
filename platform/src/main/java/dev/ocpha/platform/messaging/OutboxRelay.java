package dev.ocpha.platform.messaging;

import dev.ocpha.contracts.EventHeaders;
import dev.ocpha.platform.config.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka (acks=all, idempotent producer), in commit order, and marks them
 * published. A transaction-scoped advisory lock keeps several instances of one service from interleaving, so
 * the order of one key is kept. Publishing is at least once: consumers deduplicate with the {@link Inbox}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0c9a_0b0c_5e1aL;

    private final DataSource dataSource;
    private final PlatformConfig config;
    private final String bootstrapServers;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;
    /** A publish failed and none has succeeded since: the outage is logged once, its end once. */
    private boolean failing;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(DataSource dataSource, PlatformConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.service() + "-outbox");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }

    public boolean isRunning() {
        return running;
    }

    void wakeUp() {
        wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                int published = publishBatch();
                if (failing) {
                    failing = false;
                    LOG.info("outbox relay publishes again");
                }
                if (published == 0) {
                    wakeups.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    failing = true;
                    LOG.warnf("outbox relay could not publish (Kafka or PostgreSQL unreachable?), retrying every %s "
                            + "until it can: %s", config.outbox().retryBackoff(), e.getMessage());
                }
                sleep(config.outbox().retryBackoff().toMillis());
            }
        }
    }

    private int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, RELAY_LOCK);
                    lock.execute();
                }
                List<Long> published = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT seq, id, topic, record_key, type, schema_version, subject, causation_id,
                               correlation_id, payload, created_at
                        FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
                    select.setInt(1, config.outbox().batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            published.add(rows.getLong("seq"));
                            sends.add(producer.send(toRecord(rows)));
                        }
                    }
                }
                if (published.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get(30, TimeUnit.SECONDS);
                }
                try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE outbox SET published_at = now() WHERE seq = ANY (?)")) {
                    Array seqs = connection.createArrayOf("bigint", published.toArray());
                    mark.setArray(1, seqs);
                    mark.executeUpdate();
                }
                connection.commit();
                return published.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private ProducerRecord<String, String> toRecord(ResultSet row) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.SPEC_VERSION, EventHeaders.CLOUD_EVENTS_SPEC_VERSION);
        header(headers, EventHeaders.ID, row.getString("id"));
        header(headers, EventHeaders.TYPE, row.getString("type"));
        header(headers, EventHeaders.SOURCE, "/ocpha/" + config.service());
        header(headers, EventHeaders.TIME,
                row.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString());
        header(headers, EventHeaders.SUBJECT, row.getString("subject"));
        header(headers, EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
        header(headers, EventHeaders.SCHEMA_VERSION, Integer.toString(row.getInt("schema_version")));
        header(headers, EventHeaders.CAUSATION_ID, row.getString("causation_id"));
        header(headers, EventHeaders.CORRELATION_ID, row.getString("correlation_id"));
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("record_key"),
                row.getString("payload"), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
