package dev.ocpha.lab.standins;

import dev.ocpha.lab.net.HostNetworks;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host's docker daemon: images loaded from media, containers and what runs in them. State is persisted in the
 * host's state directory ({@code docker.json}); containers that were running come back when the host starts again
 * (as with a restart policy), and stop with the host.
 */
public final class DockerEngine {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HostRuntime host;
    private final Path file;
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Map<String, ContainerProcess> processes = new HashMap<>();
    private volatile boolean podman;
    private boolean hostUp;

    /**
     * An image loaded with {@code docker load}: {@code id} is its config's sha256, {@code repository:tag} a RepoTag of
     * the archive's {@code manifest.json}; {@code kind} (what runs in its containers), {@code version} and
     * {@code architecture} come from the image config.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(String id, String repository, String tag, String kind, String version, String architecture,
                        long size, String created) {
        public String reference() {
            return repository + ":" + tag;
        }
    }

    private record State(List<Image> images, List<Container> containers) {
    }

    DockerEngine(HostRuntime host) {
        this.host = host;
        this.file = host.stateDir().resolve("docker.json");
        if (Files.exists(file)) {
            try {
                State state = JSON.readValue(file.toFile(), new TypeReference<State>() { });
                state.images().forEach(i -> images.put(i.reference(), i));
                state.containers().forEach(c -> containers.put(c.name, c));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the docker state " + file, e);
            }
        }
    }

    /** The podman-docker fault: {@code docker version} reports podman (OCP needs Docker, not podman). */
    public void podman(boolean on) {
        podman = on;
    }

    public boolean podman() {
        return podman;
    }

    public synchronized List<Image> images() {
        return new ArrayList<>(images.values());
    }

    public synchronized List<Container> containers() {
        return new ArrayList<>(containers.values());
    }

    public synchronized Optional<Image> image(String reference) {
        String ref = reference.contains(":") ? reference : reference + ":latest";
        return Optional.ofNullable(images.get(ref))
                .or(() -> images.values().stream().filter(i -> i.id().startsWith(reference) || ("sha256:" + i.id()).startsWith(reference)).findFirst());
    }

    /** By name (with or without the leading /) or by a prefix of its id, as docker resolves them. */
    public synchronized Optional<Container> container(String nameOrId) {
        String name = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
        return Optional.ofNullable(containers.get(name))
                .or(() -> nameOrId.length() >= 3 ? containers.values().stream().filter(c -> c.id.startsWith(nameOrId)).findFirst()
                        : Optional.empty());
    }

    public synchronized Optional<ContainerProcess> process(String name) {
        return Optional.ofNullable(processes.get(name));
    }

    synchronized Image load(String configDigest, String repository, String tag, JsonNode config, long size) {
        String version = config.path("config").path("Labels").path("org.opencontainers.image.version").asText(tag);
        Image image = new Image(configDigest, repository, tag, kind(config), version,
                config.path("architecture").asText(""), size, Instant.now().toString());
        Image old = images.get(image.reference());
        if (old != null && old.id().equals(configDigest)) {
            image = new Image(old.id(), repository, tag, image.kind(), version, image.architecture(), size, old.created());
        }
        images.put(image.reference(), image);
        save();
        return image;
    }

    /**
     * What a container of the image runs, from the program its config starts ({@code Entrypoint} then {@code Cmd}),
     * as a real image tells it: the OCP server ({@code /home/admin/ocp-server/…}), OceanBase ({@code observer}, or
     * oceanbase/docker-images' oceanbase-ce {@code /root/boot/start.sh}: not modelled, {@link UnmodelledImage}), OAT
     * ({@code /oat/…}); else empty.
     */
    static String kind(JsonNode config) {
        List<String> words = new ArrayList<>();
        for (String field : List.of("Entrypoint", "Cmd")) {
            config.path("config").path(field).forEach(w -> words.addAll(List.of(w.asText("").split("[\\s;&|]+"))));
        }
        if (words.stream().anyMatch(w -> w.startsWith("/home/admin/ocp-server/"))) {
            return "OCP";
        }
        if (words.stream().anyMatch(w -> w.equals("observer") || w.endsWith("/observer") || w.equals("/root/boot/start.sh"))) {
            return "OCEANBASE";
        }
        if (words.stream().anyMatch(w -> w.startsWith("/oat/"))) {
            return "OAT";
        }
        return "";
    }

    synchronized Container create(Container c) {
        c.id = randomId();
        c.created = Instant.now().toString();
        containers.put(c.name, c);
        save();
        return c;
    }

    /** Ports of the container that are already taken on the host's address, as a start would find them. */
    synchronized List<Integer> takenPorts(Container c) {
        List<Integer> taken = new ArrayList<>();
        for (int port : newProcess(c).ports()) {
            try (ServerSocket probe = HostNetworks.listen(host.address(), port, 1)) {
                probe.getLocalPort();
            } catch (IOException e) {
                taken.add(port);
            }
        }
        return taken;
    }

    /** {@link #takenPorts}, asked again for up to two seconds while some are taken. */
    List<Integer> portsTakenAfterGrace(Container c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<Integer> taken = takenPorts(c);
        while (!taken.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return taken;
            }
            taken = takenPorts(c);
        }
        return taken;
    }

    synchronized void start(Container c) {
        c.status = "running";
        c.exitCode = 0;
        c.startedAt = Instant.now().toString();
        save();
        if (hostUp) {
            launch(c);
        }
    }

    synchronized void stop(Container c, int exitCode) {
        ContainerProcess p = processes.remove(c.name);
        if (p != null) {
            p.stop();
        }
        if (c.running()) {
            c.status = "exited";
            c.exitCode = exitCode;
            c.finishedAt = Instant.now().toString();
        }
        save();
    }

    /** The container's main process ended by itself (bad configuration, a port taken at start). */
    public synchronized void exited(Container c, int exitCode, String why) {
        log(c, why);
        processes.remove(c.name);
        c.status = "exited";
        c.exitCode = exitCode;
        c.finishedAt = Instant.now().toString();
        save();
    }

    synchronized void remove(Container c) {
        stop(c, 137);
        containers.remove(c.name);
        deleteTree(containerFiles(c));
        save();
    }

    /**
     * The container's own filesystem: what its processes write outside its volumes lives here, where docker's
     * overlay2 driver keeps a container's writable layer, not at the same path on the host; it goes with the container.
     */
    public Path containerFiles(Container c) {
        return host.root().resolve("var/lib/docker/overlay2").resolve(c.id).resolve("merged");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the container files " + dir, e);
        }
    }

    synchronized void hostUp() {
        hostUp = true;
        containers.values().stream().filter(Container::running).forEach(this::launch);
    }

    synchronized void hostDown() {
        hostUp = false;
        processes.values().forEach(ContainerProcess::stop);
        processes.clear();
    }

    private void launch(Container c) {
        ContainerProcess p = newProcess(c);
        processes.put(c.name, p);
        // the container's own tools, found first on PATH by docker exec (see Docker#exec)
        Path tools = host.root().resolve("var/lib/docker/containers").resolve(c.id).resolve("lab-bin");
        java.util.Set<String> names = new java.util.TreeSet<>(p.tools().values());
        names.add("pgrep");
        names.forEach(tool -> host.lab().control().writeClient(tools, tool, host.token()));
        p.start();
    }

    private ContainerProcess newProcess(Container c) {
        return host.lab().containerProcess(host, c);
    }

    public Path logFile(Container c) {
        return host.stateDir().resolve("containers").resolve(c.name + ".log");
    }

    /** Appends a line to the container's log ({@code docker logs}). */
    public void log(Container c, String line) {
        try {
            Files.createDirectories(logFile(c).getParent());
            Files.writeString(logFile(c), Instant.now() + " " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void save() {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                    new State(new ArrayList<>(images.values()), new ArrayList<>(containers.values())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the docker state " + file, e);
        }
    }

    HostRuntime host() {
        return host;
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
