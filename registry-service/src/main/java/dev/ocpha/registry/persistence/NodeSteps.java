package dev.ocpha.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** The planned steps of OCP nodes and the steps seen succeeding; a node is installed when all of its steps are. */
@ApplicationScoped
public class NodeSteps {

    private final EntityManager em;

    public NodeSteps(EntityManager em) {
        this.em = em;
    }

    public void planned(UUID deploymentId, String host, String stepId) {
        em.createNativeQuery("INSERT INTO node_step (deployment_id, host, step_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, deploymentId).setParameter(2, host).setParameter(3, stepId).executeUpdate();
    }

    public void succeeded(UUID deploymentId, String host, String stepId) {
        em.createNativeQuery("INSERT INTO step_success (deployment_id, host, step_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, deploymentId).setParameter(2, host).setParameter(3, stepId).executeUpdate();
    }

    /** True when the host has planned steps and every one of them has succeeded. */
    public boolean allSucceeded(UUID deploymentId, String host) {
        Number pending = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM node_step n
                        WHERE n.deployment_id = ?1 AND n.host = ?2
                          AND NOT EXISTS (SELECT 1 FROM step_success s
                                          WHERE s.deployment_id = n.deployment_id AND s.step_id = n.step_id)""")
                .setParameter(1, deploymentId).setParameter(2, host).getSingleResult();
        Number planned = (Number) em.createNativeQuery("SELECT count(*) FROM node_step WHERE deployment_id = ?1 AND host = ?2")
                .setParameter(1, deploymentId).setParameter(2, host).getSingleResult();
        return planned.longValue() > 0 && pending.longValue() == 0;
    }
}
