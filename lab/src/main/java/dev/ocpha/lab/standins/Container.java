package dev.ocpha.lab.standins;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container as the lab's docker records it (persisted with the host's docker state). */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Container {
    public String id;
    public String name;
    public String image;
    public String imageId;
    /** {@code OCP}, {@code OCEANBASE} or {@code OAT}. */
    public String kind;
    public String version;
    public Map<String, String> env = new LinkedHashMap<>();
    public List<String> ports = new ArrayList<>();
    public List<String> volumes = new ArrayList<>();
    public String network = "bridge";
    public String restart = "no";
    public long cpuPeriod;
    public long cpuQuota;
    public long memoryBytes;
    public List<String> command = new ArrayList<>();
    /** {@code created}, {@code running} or {@code exited}. */
    public String status = "created";
    public int exitCode;
    public String created;
    public String startedAt;
    public String finishedAt;

    public boolean running() {
        return "running".equals(status);
    }

    /** CPUs as {@code --cpu-quota}/{@code --cpu-period} give them (0: unlimited). */
    public double cpus() {
        return cpuPeriod > 0 && cpuQuota > 0 ? (double) cpuQuota / cpuPeriod : 0;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    /** The host port published for {@code containerPort} with {@code -p}, or the port itself (host network). */
    public int hostPort(int containerPort) {
        if (!"host".equals(network)) {
            for (String p : ports) {
                String[] parts = p.replace("/tcp", "").split(":");
                if (parts.length >= 2 && parts[parts.length - 1].equals(Integer.toString(containerPort))) {
                    return Integer.parseInt(parts[parts.length - 2]);
                }
            }
        }
        return containerPort;
    }
}
