package dev.ocpha.planner.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A registry fact a deployment waits for, e.g. the node registration of each OCP host. */
@Entity
@Table(name = "expected_fact")
public class ExpectedFactEntity extends PanacheEntityBase {

    public static final String NODE_REGISTERED = "NODE_REGISTERED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    public String kind;
    public String subject;
    public boolean satisfied;

    public static long unsatisfied(UUID deploymentId) {
        return count("deploymentId = ?1 and satisfied = false", deploymentId);
    }

    public static ExpectedFactEntity find(UUID deploymentId, String kind, String subject) {
        return find("deploymentId = ?1 and kind = ?2 and subject = ?3", deploymentId, kind, subject).firstResult();
    }
}
