package dev.ocpha.planner.api;

import dev.ocpha.planner.persistence.DeploymentEntity;
import java.time.OffsetDateTime;
import java.util.List;

/** One deployment in a listing. */
public record DeploymentSummary(String id, String name, List<String> modes, String status, String failureReason,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt) {

    static DeploymentSummary of(DeploymentEntity d) {
        return new DeploymentSummary(d.id.toString(), d.name, List.of(d.modes.split(",")), d.status.name(),
                d.failureReason, d.createdAt, d.updatedAt, d.finishedAt);
    }

    /** A page of deployments, newest first. */
    public record Page(List<DeploymentSummary> items, int page, int size, long total) {
    }
}
