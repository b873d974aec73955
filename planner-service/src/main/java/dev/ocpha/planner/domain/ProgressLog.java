package dev.ocpha.planner.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.planner.persistence.DeploymentEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment's progress as it happens (steps, check results, facts, status), written in the transaction of the
 * change, so a late client of {@code GET /deployments/{id}/events} gets the whole history in order.
 */
@ApplicationScoped
public class ProgressLog {

    public static final String STATUS = "status";
    public static final String STEP = "step";
    public static final String HOST_CHECKED = "host-checked";
    public static final String ENVIRONMENT_CHECKED = "environment-checked";
    public static final String FACT = "fact";
    public static final String REGISTRY_STEP = "registry-step";
    public static final String VERIFIED = "verified";
    public static final String AUDIT = "audit";
    public static final String OPERATOR_ACTION = "operator-action";

    private final ObjectMapper mapper;

    public ProgressLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID deploymentId, String type, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                data.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        DeploymentEventEntity event = new DeploymentEventEntity();
        event.deploymentId = deploymentId;
        event.at = OffsetDateTime.now();
        event.type = type;
        try {
            event.data = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record progress " + type, e);
        }
        event.persist();
    }
}
