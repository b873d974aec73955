package dev.ocpha.platform.api;

import dev.ocpha.platform.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether PostgreSQL is reachable, as the requests and the connection pool see it. A failure to reach it is an outage:
 * the API answers 503 with Retry-After, and the outage is logged once (WARN) when it begins and once (INFO) when the
 * pool makes a connection again, not once per request.
 */
@ApplicationScoped
public class DatabaseOutage implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    /** Agroal's message when no connection could be had in time ("Sorry, acquisition timeout!"). */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong outages = new AtomicLong();
    private final long retryAfterSeconds;
    private final Instance<AgroalDataSource> dataSource;

    public DatabaseOutage(PlatformConfig config, Instance<AgroalDataSource> dataSource) {
        this.retryAfterSeconds = Math.max(1, config.outage().retryAfter().toSeconds());
        // Looked up when needed: the pool asks for its interceptors while it is being made.
        this.dataSource = dataSource;
    }

    /**
     * True when {@code failure} or one of its causes says the database could not be reached: a connection refused,
     * lost or timed out (SQLState class 08, PostgreSQL shutting down or starting, 57P01–57P03), or no pooled
     * connection within the acquisition timeout. Hibernate's {@code JDBCConnectionException} and a transaction that
     * failed for one of these carry the SQLException as cause.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.matches("57P0[123]"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains(ACQUISITION_TIMEOUT)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Notes a connection failure: the first one of an outage is logged, and the pool's idle connections go. */
    public void failed(Throwable failure) {
        if (down.compareAndSet(false, true)) {
            outages.incrementAndGet();
            LOG.warnf("PostgreSQL is unreachable; requests get 503 until it is back (%s)", rootMessage(failure));
        }
        // Idle connections died with the server: dropped now, the pool makes new ones once it is back.
        if (dataSource.isResolvable()) {
            dataSource.get().flush(AgroalDataSource.FlushMode.IDLE);
        }
    }

    /** 503 problem+json with Retry-After, for a request that failed because the database is unreachable. */
    public Response unavailable(Throwable failure) {
        failed(failure);
        return Response.fromResponse(ProblemResponses.of(Response.Status.SERVICE_UNAVAILABLE,
                        "The database is unreachable; try again in " + retryAfterSeconds + " s."))
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean isDown() {
        return down.get();
    }

    /** Outages begun (and logged) since the start. */
    public long outages() {
        return outages.get();
    }

    /** A new physical connection: the database answers again. */
    @Override
    public void onConnectionCreate(Connection connection) {
        if (down.compareAndSet(true, false)) {
            LOG.info("PostgreSQL is reachable again");
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
