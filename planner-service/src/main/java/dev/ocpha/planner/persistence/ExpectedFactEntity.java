package dev.ocpha.planner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registry fact a deployment waits for ({@link dev.ocpha.contracts.Facts}), and whether it is known yet. */
@Entity
@Table(name = "expected_fact")
public class ExpectedFactEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String fact;
    public boolean known;
    @Column(name = "known_at")
    public OffsetDateTime knownAt;

    public static List<ExpectedFactEntity> ofDeployment(UUID deploymentId) {
        return list("deploymentId = ?1 order by id", deploymentId);
    }

    public static ExpectedFactEntity find(UUID deploymentId, String fact) {
        return find("deploymentId = ?1 and fact = ?2", deploymentId, fact).firstResult();
    }
}
