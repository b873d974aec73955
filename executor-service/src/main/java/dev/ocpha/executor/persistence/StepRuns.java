package dev.ocpha.executor.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The step-run table as every executor of the group uses it: accept, claim with row locks, renew leases, and record
 * tries and outcomes fenced by the claim token. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StepRuns {

    private final DataSource dataSource;

    public StepRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A command as received; stored before anything runs. */
    public record NewRun(UUID deploymentId, String stepId, int attempt, String kind, String host, String hostKey,
                         boolean mutating, String commandJson, String acceptedBy, String correlationId,
                         String causationId) {
    }

    /** A run this executor now holds: {@code takeover} when another executor had started it and its lease expired. */
    public record ClaimedRun(long id, String commandJson, UUID claimToken, int tries, int takeovers, boolean takeover,
                             String previousOwner, String correlationId, String causationId, String actionCompletedBy,
                             String actionNote) {

        /** Whether an operator reported this run's action done (then its next try verifies). */
        public boolean actionCompleted() {
            return actionCompletedBy != null;
        }
    }

    /** Inserts the run unless this (deployment, step, attempt) is already known; empty for a duplicate. */
    public Optional<Long> insertIfAbsent(NewRun run) {
        return query("""
                INSERT INTO step_run (deployment_id, step_id, attempt, kind, host, host_key, mutating, command, status,
                                      accepted_by, correlation_id, causation_id, accepted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, now())
                ON CONFLICT (deployment_id, step_id, attempt) DO NOTHING RETURNING id""", statement -> {
            statement.setObject(1, run.deploymentId());
            statement.setString(2, run.stepId());
            statement.setInt(3, run.attempt());
            statement.setString(4, run.kind());
            statement.setString(5, run.host());
            statement.setString(6, run.hostKey());
            statement.setBoolean(7, run.mutating());
            statement.setString(8, run.commandJson());
            statement.setString(9, run.acceptedBy());
            statement.setString(10, run.correlationId());
            statement.setString(11, run.causationId());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /**
     * Claims up to {@code limit} runs nobody holds: accepted ones, and running ones whose lease expired. A mutating
     * run is claimable only when no earlier unfinished mutating run exists on its host, so each host runs one
     * mutating step at a time, in acceptance order, whichever executors are involved. SKIP LOCKED lets executors
     * claim side by side without waiting for each other.
     */
    public List<ClaimedRun> claim(String executorId, int limit, Duration lease) {
        return query("""
                WITH candidates AS (
                    SELECT r.id, r.status AS old_status, r.executor_id AS old_owner FROM step_run r
                    WHERE r.status IN ('ACCEPTED', 'RUNNING')
                      AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
                      AND (NOT r.mutating OR NOT EXISTS (
                          SELECT 1 FROM step_run o
                          WHERE o.host_key = r.host_key AND o.mutating AND o.status IN ('ACCEPTED', 'RUNNING')
                            AND o.id < r.id))
                    ORDER BY r.id LIMIT ? FOR UPDATE OF r SKIP LOCKED)
                UPDATE step_run s SET executor_id = ?, claim_token = gen_random_uuid(),
                       lease_expires_at = now() + make_interval(secs => ?),
                       takeovers = s.takeovers + CASE WHEN c.old_status = 'RUNNING' THEN 1 ELSE 0 END,
                       status = 'RUNNING', started_at = COALESCE(s.started_at, now())
                FROM candidates c WHERE s.id = c.id
                RETURNING s.id, s.command, s.claim_token, s.tries, s.takeovers, c.old_status, c.old_owner,
                          s.correlation_id, s.causation_id, s.action_completed_by, s.action_note""", statement -> {
            statement.setInt(1, limit);
            statement.setString(2, executorId);
            statement.setDouble(3, lease.toMillis() / 1000.0);
            List<ClaimedRun> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedRun(rows.getLong(1), rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getInt(4), rows.getInt(5), "RUNNING".equals(rows.getString(6)), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11)));
                }
            }
            claimed.sort(java.util.Comparator.comparingLong(ClaimedRun::id));
            return claimed;
        });
    }

    /** Extends the leases of the given claims; returns the claims still held (a missing one was taken over). */
    public Set<UUID> renew(String executorId, Collection<UUID> claimTokens, Duration lease) {
        if (claimTokens.isEmpty()) {
            return Set.of();
        }
        return query("""
                UPDATE step_run SET lease_expires_at = now() + make_interval(secs => ?)
                WHERE executor_id = ? AND status = 'RUNNING' AND claim_token = ANY (?) RETURNING claim_token""",
                statement -> {
                    statement.setDouble(1, lease.toMillis() / 1000.0);
                    statement.setString(2, executorId);
                    statement.setArray(3, statement.getConnection().createArrayOf("uuid", claimTokens.toArray()));
                    Set<UUID> held = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            held.add(rows.getObject(1, UUID.class));
                        }
                    }
                    return held;
                });
    }

    /** Lets other executors take this one's runs at once (a restart under the same id, or a clean shutdown). */
    public int releaseAll(String executorId) {
        return query("UPDATE step_run SET lease_expires_at = now() - interval '1 millisecond'"
                + " WHERE executor_id = ? AND status = 'RUNNING'", statement -> {
            statement.setString(1, executorId);
            return statement.executeUpdate();
        });
    }

    /** One finished try; false when the claim is no longer this executor's (nothing is written then). */
    public boolean recordTry(long runId, UUID claimToken, int tryNumber, String executorId, Integer exitStatus,
                             String error, Boolean retryable, Instant startedAt, Duration took) {
        boolean held = query("UPDATE step_run SET tries = ? WHERE id = ? AND claim_token = ? AND status = 'RUNNING'",
                statement -> {
                    statement.setInt(1, tryNumber);
                    statement.setLong(2, runId);
                    statement.setObject(3, claimToken);
                    return statement.executeUpdate() == 1;
                });
        if (held) {
            query("""
                    INSERT INTO step_try (run_id, try, executor_id, exit_status, error, retryable, started_at,
                                          finished_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, now(), ?)""",
                    statement -> {
                        statement.setLong(1, runId);
                        statement.setInt(2, tryNumber);
                        statement.setString(3, executorId);
                        statement.setObject(4, exitStatus);
                        statement.setString(5, error);
                        statement.setObject(6, retryable);
                        statement.setTimestamp(7, Timestamp.from(startedAt));
                        statement.setLong(8, took.toMillis());
                        return statement.executeUpdate();
                    });
        }
        return held;
    }

    /** The attempt's outcome; false when the claim is no longer this executor's (then it must publish nothing). */
    public boolean finish(long runId, UUID claimToken, String status, Integer exitStatus, String outputTail,
                          String error, Boolean retryable, Duration took) {
        return query("""
                UPDATE step_run SET status = ?, exit_status = ?, output_tail = ?, error = ?, retryable = ?,
                       duration_ms = ?, finished_at = now(), lease_expires_at = NULL
                WHERE id = ? AND claim_token = ? AND status = 'RUNNING'""", statement -> {
            statement.setString(1, status);
            statement.setObject(2, exitStatus);
            statement.setString(3, outputTail);
            statement.setString(4, error);
            statement.setObject(5, retryable);
            statement.setLong(6, took.toMillis());
            statement.setLong(7, runId);
            statement.setObject(8, claimToken);
            return statement.executeUpdate() == 1;
        });
    }

    /**
     * The try asked an operator: the run waits, without owner or lease, for the action's completion. False when the
     * claim is no longer this executor's.
     */
    public boolean awaitOperator(long runId, UUID claimToken, String actionId, String outputTail) {
        return query("""
                UPDATE step_run SET status = 'AWAITING_OPERATOR', action_id = ?, action_requested_at = now(),
                       action_completed_at = NULL, action_completed_by = NULL, action_note = NULL, output_tail = ?,
                       lease_expires_at = NULL
                WHERE id = ? AND claim_token = ? AND status = 'RUNNING'""", statement -> {
            statement.setString(1, actionId);
            statement.setString(2, outputTail);
            statement.setLong(3, runId);
            statement.setObject(4, claimToken);
            return statement.executeUpdate() == 1;
        });
    }

    /**
     * The operator reported the run's action done: it is claimable again, to verify. False when no run of this
     * (deployment, step, attempt) waits for action {@code actionId} (already completed, or never asked).
     */
    public boolean completeAction(UUID deploymentId, String stepId, int attempt, String actionId, String actor,
                                  String note) {
        return query("""
                UPDATE step_run SET status = 'ACCEPTED', action_completed_at = now(), action_completed_by = ?,
                       action_note = ?
                WHERE deployment_id = ? AND step_id = ? AND attempt = ? AND action_id = ?
                  AND status = 'AWAITING_OPERATOR'""", statement -> {
            statement.setString(1, actor);
            statement.setString(2, note);
            statement.setObject(3, deploymentId);
            statement.setString(4, stepId);
            statement.setInt(5, attempt);
            statement.setString(6, actionId);
            return statement.executeUpdate() == 1;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    private <T> T query(String sql, Work<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("step_run: " + e.getMessage(), e);
        }
    }
}
