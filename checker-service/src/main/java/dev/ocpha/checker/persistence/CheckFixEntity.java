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

/** A remediation command an auto-fix run applied, and how it went. */
@Entity
@Table(name = "check_fix")
public class CheckFixEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public UUID runId;
    public String host;
    @Column(name = "check_name")
    public String checkName;
    public String command;
    @Column(name = "exit_status")
    public int exitStatus;
    public String output;

    public static List<CheckFixEntity> ofRun(UUID runId) {
        return list("runId = ?1 order by id", runId);
    }
}
