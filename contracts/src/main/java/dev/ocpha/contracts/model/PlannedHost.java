package dev.ocpha.contracts.model;

import java.util.List;

/** A host of a planned deployment, with where it stands and what it runs. */
public record PlannedHost(String name, HostAccess access, String cluster, String region, String idc, String az,
                          List<String> roles) {
}
