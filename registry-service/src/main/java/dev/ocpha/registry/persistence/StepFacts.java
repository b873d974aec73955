package dev.ocpha.registry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The planned steps of every host and the steps seen succeeding. Outcomes are kept even when they arrive before the
 * plan, so the order of facts never matters.
 */
@ApplicationScoped
public class StepFacts {

    private final EntityManager em;

    public StepFacts(EntityManager em) {
        this.em = em;
    }

    public void planned(UUID deploymentId, String stepId, String host, String kind) {
        em.createNativeQuery("""
                        INSERT INTO planned_step (deployment_id, step_id, host, kind) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, deploymentId).setParameter(2, stepId).setParameter(3, host).setParameter(4, kind)
                .executeUpdate();
    }

    public void succeeded(UUID deploymentId, String stepId, String host, String kind) {
        em.createNativeQuery("""
                        INSERT INTO step_success (deployment_id, step_id, host, kind, succeeded_at)
                        VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, deploymentId).setParameter(2, stepId).setParameter(3, host).setParameter(4, kind)
                .executeUpdate();
    }

    /** True when the step succeeded (whether or not it was planned: registry-asked steps are not). */
    public boolean hasSucceeded(UUID deploymentId, String stepId) {
        return !em.createNativeQuery("SELECT 1 FROM step_success WHERE deployment_id = ?1 AND step_id = ?2")
                .setParameter(1, deploymentId).setParameter(2, stepId).getResultList().isEmpty();
    }

    /** The kinds of the steps planned on the host that have not succeeded yet. */
    public Set<String> pendingKinds(UUID deploymentId, String host) {
        @SuppressWarnings("unchecked")
        List<String> pending = em.createNativeQuery("""
                        SELECT p.kind FROM planned_step p
                        WHERE p.deployment_id = ?1 AND p.host = ?2
                          AND NOT EXISTS (SELECT 1 FROM step_success s
                                          WHERE s.deployment_id = p.deployment_id AND s.step_id = p.step_id)""")
                .setParameter(1, deploymentId).setParameter(2, host).getResultList();
        return new HashSet<>(pending);
    }

    public boolean anyPlanned(UUID deploymentId, String host) {
        return !em.createNativeQuery("SELECT 1 FROM planned_step WHERE deployment_id = ?1 AND host = ?2 LIMIT 1")
                .setParameter(1, deploymentId).setParameter(2, host).getResultList().isEmpty();
    }

    /** Serialises the handling of one deployment's facts across this service's consumers and instances. */
    public void lock(UUID deploymentId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, deploymentId.toString()).getSingleResult();
    }
}
