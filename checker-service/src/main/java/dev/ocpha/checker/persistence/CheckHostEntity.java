package dev.ocpha.checker.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** How one host's inspection went in a run: reachable or why not, its clock, how long it took. */
@Entity
@Table(name = "check_host")
public class CheckHostEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public UUID runId;
    public String host;
    public boolean passed;
    @Column(name = "connection_problem")
    public String connectionProblem;
    @Column(name = "clock_offset_ms")
    public Double clockOffsetMs;
    @Column(name = "clock_rtt_ms")
    public Double clockRttMs;
    @Column(name = "duration_ms")
    public long durationMs;

    public static List<CheckHostEntity> ofRun(UUID runId) {
        return list("runId = ?1 order by id", runId);
    }
}
