package dev.ocpha.lab.standins;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded state that the mutating system tools change instead of the real machine: services, SELinux, swap and
 * firewall rules (kernel parameters are files in the host's own {@code /proc/sys}). Persisted as JSON in the host's
 * state directory, so a restarted fleet keeps what deployers changed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class SystemState {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unit name (without {@code .service}) → [active, enabled]. */
    public Map<String, boolean[]> services = new LinkedHashMap<>();
    /** {@code enforcing}, {@code permissive} or {@code disabled}. */
    public String selinux = "enforcing";
    public boolean swapOn = true;
    public List<String> firewallPorts = new ArrayList<>();
    public List<String> iptablesRules = new ArrayList<>();

    static SystemState loadOrCreate(Path file) {
        if (Files.exists(file)) {
            try {
                return JSON.readValue(file.toFile(), SystemState.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        SystemState s = new SystemState();
        for (String unit : List.of("firewalld", "chronyd", "crond", "sshd", "docker")) {
            s.services.put(unit, new boolean[] {true, true});
        }
        return s;
    }

    synchronized void save(Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public synchronized boolean active(String unit) {
        boolean[] s = services.get(unit);
        return s != null && s[0];
    }
}
