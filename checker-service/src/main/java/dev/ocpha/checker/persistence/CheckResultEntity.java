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

@Entity
@Table(name = "check_result")
public class CheckResultEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public UUID runId;
    public String host;
    @Column(name = "check_name")
    public String checkName;
    public String status;
    public String observed;
    public String expected;
    public String message;
    public String remediation;
    @Column(name = "auto_fixable")
    public boolean autoFixable;

    public static List<CheckResultEntity> ofRun(UUID runId) {
        return list("runId = ?1 order by id", runId);
    }
}
