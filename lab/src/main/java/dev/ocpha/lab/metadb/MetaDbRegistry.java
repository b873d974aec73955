package dev.ocpha.lab.metadb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fleet's MetaDB clusters by name. The servers of one cluster (observers started from the command line, one per
 * host/zone) share its state, so a bootstrap on one server is seen by all; the state lives while any server's store
 * still names it and is persisted in the fleet's state directory.
 */
public final class MetaDbRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, MetaDbState> clusters = new LinkedHashMap<>();

    public MetaDbRegistry(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                clusters.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, MetaDbState>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /**
     * An observer started from the command line joins its cluster. The cluster's data lives in its servers' store
     * directories: first every server whose store no longer names it ({@code storeHolds} false: wiped, or re-created
     * fresh) is dropped, and a cluster left without servers is gone, so a fresh server starts a fresh cluster (root@sys
     * without a password, not bootstrapped) while a restart rejoins the cluster it left.
     */
    public synchronized MetaDbState join(String cluster, String version, MetaDbState.Replica server,
                                         Predicate<MetaDbState.Replica> storeHolds) {
        MetaDbState existing = clusters.get(cluster);
        if (existing != null) {
            existing.replicas.values().removeIf(r -> !storeHolds.test(r));
            if (existing.replicas.isEmpty()) {
                clusters.remove(cluster);
            }
        }
        MetaDbState state = clusters.computeIfAbsent(cluster, n -> {
            MetaDbState s = new MetaDbState();
            s.name = n;
            s.version = version;
            MetaDbState.Tenant sys = new MetaDbState.Tenant();
            sys.id = 1;
            sys.name = "sys";
            sys.users.put("root", s.rootPassword);
            sys.databases.add("oceanbase");
            s.tenants.put("sys", sys);
            return s;
        });
        state.replicas.put(server.key(), server);
        save();
        return state;
    }

    /** Runs {@code change} under the registry's lock and persists the result. */
    public synchronized <T> T update(Function<Map<String, MetaDbState>, T> change) {
        T result = change.apply(clusters);
        save();
        return result;
    }

    public synchronized <T> T read(Function<Map<String, MetaDbState>, T> view) {
        return view.apply(clusters);
    }

    private void save() {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), clusters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
