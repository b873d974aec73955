package dev.ocpha.lab.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code docker} CLI of a lab host (https://docs.docker.com/reference/cli/docker/): messages and exit codes as docker 24 prints
 * them. Containers run detached only; what runs inside is a {@link ContainerProcess} of the image's kind.
 */
final class Docker {
    static final String VERSION = "24.0.7";
    static final String API_VERSION = "1.43";
    private static final String DAEMON_DOWN = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";

    private Docker() {
    }

    static void register(ControlServer server) {
        server.tool("docker", Docker::docker);
    }

    static int docker(ToolCall c) throws IOException {
        List<String> args = c.args();
        if (args.isEmpty()) {
            return c.fail(0, "\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers");
        }
        DockerEngine engine = c.host().docker();
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (command.equals("--version") || command.equals("-v")) {
            c.out(engine.podman() ? "podman version 4.4.1\n" : "Docker version " + VERSION + ", build afdd53b\n");
            return 0;
        }
        if (command.equals("version")) {
            return version(c, engine, rest);
        }
        if (!engine.podman() && !c.host().system().active("docker")) {
            return c.fail(1, DAEMON_DOWN);
        }
        if (command.equals("image") && !rest.isEmpty() && (rest.get(0).equals("ls") || rest.get(0).equals("list"))) {
            return images(c, engine, rest.subList(1, rest.size()));
        }
        if (command.equals("container") && !rest.isEmpty()) {
            command = rest.get(0).equals("ls") ? "ps" : rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        return switch (command) {
            case "info" -> info(c, rest);
            case "load" -> load(c, engine, rest);
            case "images" -> images(c, engine, rest);
            case "run" -> run(c, engine, rest);
            case "ps" -> ps(c, engine, rest);
            case "inspect" -> inspect(c, engine, rest);
            case "stats" -> stats(c, engine, rest);
            case "exec" -> exec(c, engine, rest);
            case "start", "stop", "restart" -> lifecycle(c, engine, command, rest);
            case "rm" -> rm(c, engine, rest);
            case "logs" -> logs(c, engine, rest);
            case "pull" -> c.fail(1, "Error response from daemon: Get \"https://" + (rest.isEmpty() ? "registry" : rest.get(rest.size() - 1))
                    + "\": dial tcp: lookup on 127.0.0.53:53: no such host (the lab has no registry: load media with docker load)");
            default -> c.fail(1, "docker: '" + command + "' is not a docker command.\nSee 'docker --help'");
        };
    }

    private static int version(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        String format = option(rest, "--format", "-f");
        if (engine.podman()) {
            c.err("Emulate Docker CLI using podman. Create /etc/containers/nodocker to quiet msg.\n");
            if (format != null) {
                c.out("4.4.1\n");
            } else {
                c.out("Client:       Podman Engine\nVersion:      4.4.1\nAPI Version:  4.4.1\nGo Version:   go1.19.6\nOS/Arch:      linux/amd64\n");
            }
            return 0;
        }
        boolean daemon = c.host().system().active("docker");
        if (format != null) {
            ObjectNode v = GoTemplate.json().createObjectNode();
            v.putObject("Client").put("Version", VERSION).put("ApiVersion", API_VERSION);
            if (daemon) {
                v.putObject("Server").put("Version", VERSION).put("ApiVersion", API_VERSION);
            }
            c.out(GoTemplate.render(format, v) + "\n");
            return daemon ? 0 : c.fail(1, DAEMON_DOWN);
        }
        c.out("Client: Docker Engine - Community\n Version:           " + VERSION + "\n API version:       " + API_VERSION
                + "\n Go version:        go1.20.10\n OS/Arch:           linux/amd64\n");
        if (!daemon) {
            return c.fail(1, DAEMON_DOWN);
        }
        c.out("\nServer: Docker Engine - Community\n Engine:\n  Version:          " + VERSION + "\n  API version:      "
                + API_VERSION + " (minimum version 1.12)\n  OS/Arch:          linux/amd64\n");
        return 0;
    }

    private static int info(ToolCall c, List<String> rest) throws IOException {
        DockerEngine engine = c.host().docker();
        ObjectNode info = GoTemplate.json().createObjectNode().put("ServerVersion", VERSION).put("DockerRootDir", "/var/lib/docker")
                .put("Driver", "overlay2").put("CgroupDriver", "cgroupfs").put("Containers", engine.containers().size())
                .put("Images", engine.images().size()).put("OperatingSystem", "CentOS Linux 7 (Core)").put("Name", c.host().name());
        String format = option(rest, "--format", "-f");
        if (format != null) {
            c.out(GoTemplate.render(format, info) + "\n");
            return 0;
        }
        c.out("Server:\n Containers: " + engine.containers().size() + "\n Images: " + engine.images().size()
                + "\n Server Version: " + VERSION + "\n Storage Driver: overlay2\n Cgroup Driver: cgroupfs\n"
                + " Operating System: CentOS Linux 7 (Core)\n Name: " + c.host().name() + "\n Docker Root Dir: /var/lib/docker\n");
        return 0;
    }

    private static int load(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        String input = option(rest, "--input", "-i");
        boolean quiet = rest.contains("-q") || rest.contains("--quiet");
        InputStream in;
        if (input != null) {
            Path file = c.hostPath(input);
            if (!Files.isRegularFile(file)) {
                return c.fail(1, "open " + input + ": no such file or directory");
            }
            in = Files.newInputStream(file);
        } else {
            in = new ByteArrayInputStream(c.stdin());
        }
        Map<String, Tar.Entry> files;
        try (in) {
            files = Tar.read(in, 1024 * 1024);
        } catch (IOException e) {
            return c.fail(1, "Error processing tar file(exit status 1): invalid tar: " + e.getMessage());
        }
        // moby image/tarexport/load.go: manifest.json first; without it the legacy loader wants "repositories"
        String tmp = "/var/lib/docker/tmp/docker-import-" + Long.toString(System.nanoTime() % 1_000_000_000L);
        Tar.Entry manifestEntry = files.get("manifest.json");
        if (manifestEntry == null) {
            return c.fail(1, "open " + tmp + "/repositories: no such file or directory");
        }
        JsonNode manifest = json(manifestEntry.kept());
        if (manifest.isMissingNode()) {
            return c.fail(1, goJsonError(manifestEntry.kept()));
        }
        if (manifest.isNull()) {
            return c.fail(1, "invalid manifest, manifest cannot be null (but can be [])");
        }
        if (!manifest.isArray()) {
            return c.fail(1, "json: cannot unmarshal " + jsonType(manifest) + " into Go value of type []tarexport.manifestItem");
        }
        List<String> loadedTags = new ArrayList<>();
        long size = input != null ? Files.size(c.hostPath(input)) : 0;
        for (JsonNode item : manifest) {
            String problem = loadItem(engine, files, item, tmp, size, loadedTags);
            if (problem != null) {
                return c.fail(1, problem);
            }
        }
        StringBuilder out = new StringBuilder();
        loadedTags.forEach(tag -> out.append(tag.startsWith("ID: ") ? "Loaded image " : "Loaded image: ").append(tag).append('\n'));
        if (!quiet) {
            c.out(out.toString());
        }
        c.result(out.toString().strip().replace('\n', ';'));
        return 0;
    }

    /** One {@code manifest.json} item: its config and layers must be in the archive, each layer matching its diff id. */
    private static String loadItem(DockerEngine engine, Map<String, Tar.Entry> files, JsonNode item, String tmp, long size,
                                   List<String> loadedTags) {
        String configPath = item.path("Config").asText("");
        Tar.Entry configEntry = files.get(configPath);
        if (configEntry == null) {
            return "open " + tmp + "/" + configPath + ": no such file or directory";
        }
        JsonNode config = json(configEntry.kept());
        if (config.isMissingNode()) {
            return goJsonError(configEntry.kept());
        }
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        JsonNode layers = item.path("Layers");
        if (layers.size() != diffIds.size()) {
            return "invalid manifest, layers length mismatch: expected " + layers.size() + ", got " + diffIds.size();
        }
        for (int i = 0; i < layers.size(); i++) {
            Tar.Entry layer = files.get(layers.get(i).asText());
            if (layer == null) {
                return "open " + tmp + "/" + layers.get(i).asText() + ": no such file or directory";
            }
            if (!diffIds.get(i).asText().equals("sha256:" + layer.sha256())) {
                return "invalid diffID for layer " + i + ": expected \"" + diffIds.get(i).asText() + "\", got \"sha256:"
                        + layer.sha256() + "\"";
            }
        }
        if (item.path("RepoTags").isEmpty()) {
            loadedTags.add("ID: sha256:" + configEntry.sha256());
        }
        for (JsonNode repoTag : item.path("RepoTags")) {
            String reference = repoTag.asText("");
            int colon = reference.lastIndexOf(':');
            if (colon <= 0 || colon > reference.length() - 2 || reference.lastIndexOf('/') > colon) {
                return "invalid tag \"" + reference + "\"";
            }
            DockerEngine.Image loaded = engine.load(configEntry.sha256(), reference.substring(0, colon),
                    reference.substring(colon + 1), config, size);
            loadedTags.add(loaded.reference());
        }
        return null;
    }

    /** The JSON document, or a missing node when it does not parse. */
    private static JsonNode json(byte[] bytes) {
        try {
            JsonNode node = GoTemplate.json().readTree(bytes);
            return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** What Go's encoding/json says of a document that does not parse. */
    private static String goJsonError(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.isEmpty() || "[{\"".indexOf(text.charAt(0)) >= 0 ? "unexpected EOF"
                : "invalid character '" + text.charAt(0) + "' looking for beginning of value";
    }

    private static String jsonType(JsonNode node) {
        return node.isObject() ? "object" : node.isTextual() ? "string" : node.isNumber() ? "number"
                : node.isBoolean() ? "bool" : "value";
    }

    private static int images(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        String format = option(rest, "--format");
        boolean quiet = rest.contains("-q") || rest.contains("--quiet");
        List<DockerEngine.Image> list = engine.images();
        String filter = rest.stream().filter(a -> !a.startsWith("-") && !a.equals(format)).findFirst().orElse(null);
        StringBuilder out = new StringBuilder();
        if (format == null && !quiet) {
            out.append(String.format("%-40s %-10s %-14s %-16s %s%n", "REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
        } else if (format != null && format.startsWith("table ")) {
            out.append(GoTemplate.header(format)).append('\n');
        }
        for (DockerEngine.Image i : list) {
            if (filter != null && !i.repository().equals(filter) && !i.reference().equals(filter)) {
                continue;
            }
            if (quiet) {
                out.append(i.id(), 0, 12).append('\n');
            } else if (format != null) {
                ObjectNode row = GoTemplate.json().createObjectNode().put("Repository", i.repository()).put("Tag", i.tag())
                        .put("ID", i.id().substring(0, 12)).put("CreatedSince", since(i.created())).put("Size", size(i.size()));
                out.append(GoTemplate.render(format, row)).append('\n');
            } else {
                out.append(String.format("%-40s %-10s %-14s %-16s %s%n", i.repository(), i.tag(), i.id().substring(0, 12),
                        since(i.created()), size(i.size())));
            }
        }
        c.out(out.toString());
        return 0;
    }

    private static int run(ToolCall c, DockerEngine engine, List<String> args) throws IOException {
        Container container = new Container();
        boolean detach = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                break;
            }
            String flag = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") && a.startsWith("--") ? a.substring(a.indexOf('=') + 1) : null;
            switch (flag) {
                case "-d", "--detach", "-i", "-t", "-it", "-dit", "-itd", "--rm", "--privileged", "--init" -> detach |= a.contains("d");
                case "--name", "-e", "--env", "-p", "--publish", "-v", "--volume", "--network", "--net", "--cpu-period",
                     "--cpu-quota", "--cpus", "-m", "--memory", "--restart", "--ulimit", "-w", "--workdir", "-h", "--hostname",
                     "--entrypoint", "-u", "--user", "--shm-size", "--add-host", "--log-opt", "--pid" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            return c.fail(125, "docker: flag needs an argument: '" + flag.replaceFirst("^-+", "") + "' in " + flag);
                        }
                        value = args.get(++i);
                    }
                    String error = apply(c, container, flag, value);
                    if (error != null) {
                        return c.fail(125, "docker: " + error + "\nSee 'docker run --help'.");
                    }
                }
                default -> {
                    if (a.matches("-[dit]+")) {
                        detach |= a.contains("d");
                    } else {
                        return c.fail(125, "unknown flag: " + flag + "\nSee 'docker run --help'.");
                    }
                }
            }
        }
        if (i >= args.size()) {
            return c.fail(125, "\"docker run\" requires at least 1 argument.\nSee 'docker run --help'.");
        }
        String imageRef = args.get(i);
        container.command = new ArrayList<>(args.subList(i + 1, args.size()));
        if (!detach) {
            return c.fail(125, "docker: the lab runs containers detached only: add -d");
        }
        Optional<DockerEngine.Image> image = engine.image(imageRef);
        if (image.isEmpty()) {
            return c.fail(125, "Unable to find image '" + imageRef + "' locally\ndocker: Error response from daemon: pull access denied for "
                    + imageRef.replaceFirst(":[^:/]*$", "") + ", repository does not exist or may require 'docker login'.\n"
                    + "See 'docker run --help'.");
        }
        if (container.name == null) {
            container.name = "lab_" + Long.toHexString(System.nanoTime() & 0xffffff);
        }
        if (!container.name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            return c.fail(125, "docker: Error response from daemon: Invalid container name (" + container.name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.");
        }
        Optional<Container> existing = engine.container(container.name);
        if (existing.isPresent() && existing.get().name.equals(container.name)) {
            return c.fail(125, "docker: Error response from daemon: Conflict. The container name \"/" + container.name
                    + "\" is already in use by container \"" + existing.get().id + "\". You have to remove (or rename) that "
                    + "container to be able to reuse that name.\nSee 'docker run --help'.");
        }
        container.image = image.get().reference();
        container.imageId = image.get().id();
        container.kind = image.get().kind();
        container.version = image.get().version();
        Container created = engine.create(container);
        List<Integer> taken = engine.takenPorts(created);
        if (!taken.isEmpty()) {
            return c.fail(125, "docker: Error response from daemon: driver failed programming external connectivity on endpoint "
                    + created.name + " (" + created.id + "): Error starting userland proxy: listen tcp4 " + c.host().address()
                    + ":" + taken.get(0) + ": bind: address already in use.");
        }
        engine.start(created);
        c.out(created.id + "\n");
        c.result("started " + created.name + " (" + created.image + ")");
        return 0;
    }

    private static String apply(ToolCall c, Container container, String flag, String value) {
        switch (flag) {
            case "--name" -> container.name = value;
            case "-e", "--env" -> {
                int eq = value.indexOf('=');
                if (eq == 0) {
                    return "invalid argument \"" + value + "\" for \"-e, --env\" flag: invalid environment variable: " + value;
                }
                if (eq > 0) {
                    container.env.put(value.substring(0, eq), value.substring(eq + 1));
                } else if (c.env().containsKey(value)) {
                    container.env.put(value, c.env().get(value)); // docker takes the value from the caller's environment
                }
            }
            case "-p", "--publish" -> container.ports.add(value);
            case "-v", "--volume" -> container.volumes.add(value);
            case "--network", "--net" -> container.network = value;
            case "--restart" -> container.restart = value;
            case "--cpu-period" -> {
                if (!value.matches("\\d+")) {
                    return "invalid argument \"" + value + "\" for \"--cpu-period\" flag: strconv.ParseInt: parsing \"" + value + "\": invalid syntax";
                }
                container.cpuPeriod = Long.parseLong(value);
            }
            case "--cpu-quota" -> {
                if (!value.matches("-?\\d+")) {
                    return "invalid argument \"" + value + "\" for \"--cpu-quota\" flag: strconv.ParseInt: parsing \"" + value + "\": invalid syntax";
                }
                container.cpuQuota = Long.parseLong(value);
            }
            case "--cpus" -> {
                try {
                    container.cpuPeriod = 100000;
                    container.cpuQuota = Math.round(Double.parseDouble(value) * 100000);
                } catch (NumberFormatException e) {
                    return "invalid argument \"" + value + "\" for \"--cpus\" flag: failed to parse " + value + " as a rational number";
                }
            }
            case "-m", "--memory" -> {
                long bytes = bytes(value);
                if (bytes < 0) {
                    return "invalid argument \"" + value + "\" for \"-m, --memory\" flag: invalid size: '" + value + "'";
                }
                container.memoryBytes = bytes;
            }
            default -> {
                // accepted and kept by docker; nothing the lab's containers act on
            }
        }
        return null;
    }

    static long bytes(String value) {
        var m = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?").matcher(value.trim());
        if (!m.matches()) {
            return -1;
        }
        int power = "kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        return (long) (Double.parseDouble(m.group(1)) * (1L << (10 * power)));
    }

    private static int ps(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        boolean all = rest.contains("-a") || rest.contains("--all");
        boolean quiet = rest.contains("-q") || rest.contains("--quiet");
        String format = option(rest, "--format");
        List<String> filters = options(rest, "--filter", "-f");
        StringBuilder out = new StringBuilder();
        if (format == null && !quiet) {
            out.append(String.format("%-14s %-40s %-24s %-16s %-24s %-8s %s%n", "CONTAINER ID", "IMAGE", "COMMAND", "CREATED",
                    "STATUS", "PORTS", "NAMES"));
        } else if (format != null && format.startsWith("table ")) {
            out.append(GoTemplate.header(format)).append('\n');
        }
        for (Container ct : engine.containers()) {
            if (!all && !ct.running()) {
                continue;
            }
            if (!matches(ct, filters)) {
                continue;
            }
            if (quiet) {
                out.append(ct.shortId()).append('\n');
            } else if (format != null) {
                out.append(GoTemplate.render(format, psRow(ct))).append('\n');
            } else {
                out.append(String.format("%-14s %-40s %-24s %-16s %-24s %-8s %s%n", ct.shortId(), ct.image,
                        "\"/bin/sh -c /start…\"", since(ct.created), status(ct), String.join(",", ct.ports), ct.name));
            }
        }
        c.out(out.toString());
        return 0;
    }

    private static boolean matches(Container ct, List<String> filters) {
        for (String f : filters) {
            int eq = f.indexOf('=');
            String key = eq < 0 ? f : f.substring(0, eq);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            boolean ok = switch (key) {
                // docker matches names as a regular expression against "/name"
                case "name" -> Pattern.compile(value).matcher("/" + ct.name).find() || Pattern.compile(value).matcher(ct.name).find();
                case "status" -> ct.status.equals(value);
                case "id" -> ct.id.startsWith(value);
                case "ancestor" -> ct.image.equals(value) || ct.image.startsWith(value + ":");
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode psRow(Container ct) {
        return GoTemplate.json().createObjectNode().put("ID", ct.shortId()).put("Image", ct.image).put("Names", ct.name)
                .put("Status", status(ct)).put("State", ct.status).put("CreatedAt", ct.created)
                .put("Ports", String.join(",", ct.ports)).put("Command", "\"/bin/sh -c /start…\"");
    }

    static String status(Container ct) {
        return switch (ct.status) {
            case "running" -> "Up " + since(ct.startedAt).replace(" ago", "");
            case "exited" -> "Exited (" + ct.exitCode + ") " + since(ct.finishedAt);
            default -> "Created";
        };
    }

    private static int inspect(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        String format = option(rest, "--format", "-f");
        List<String> names = positional(rest, "--format", "-f", "--type");
        if (names.isEmpty()) {
            return c.fail(1, "\"docker inspect\" requires at least 1 argument.");
        }
        ArrayNode all = GoTemplate.json().createArrayNode();
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String name : names) {
            Optional<Container> ct = engine.container(name);
            JsonNode doc;
            if (ct.isPresent()) {
                doc = inspectDoc(ct.get());
            } else {
                Optional<DockerEngine.Image> image = engine.image(name);
                if (image.isEmpty()) {
                    c.err("Error: No such object: " + name + "\n");
                    status = 1;
                    continue;
                }
                doc = GoTemplate.json().createObjectNode().put("Id", "sha256:" + image.get().id())
                        .put("Size", image.get().size()).put("Created", image.get().created())
                        .put("Architecture", image.get().architecture()).put("Os", "linux")
                        .set("RepoTags", GoTemplate.json().createArrayNode().add(image.get().reference()));
            }
            if (format != null) {
                out.append(GoTemplate.render(format, doc)).append('\n');
            } else {
                all.add(doc);
            }
        }
        c.out(format != null ? out.toString() : all.toPrettyString() + "\n");
        return status;
    }

    /** Docker's inspect document, with secrets in the environment shown masked (the lab never prints a password). */
    private static ObjectNode inspectDoc(Container ct) {
        ObjectNode doc = GoTemplate.json().createObjectNode().put("Id", ct.id).put("Name", "/" + ct.name)
                .put("Created", ct.created).put("Image", "sha256:" + ct.imageId);
        doc.putObject("State").put("Status", ct.status).put("Running", ct.running()).put("ExitCode", ct.exitCode)
                .put("StartedAt", String.valueOf(ct.startedAt)).put("FinishedAt", String.valueOf(ct.finishedAt));
        ObjectNode config = doc.putObject("Config").put("Image", ct.image).put("Hostname", ct.name);
        ArrayNode env = config.putArray("Env");
        ct.env.forEach((k, v) -> env.add(dev.ocpha.lab.Redactor.redact(k + "=" + v)));
        ObjectNode hostConfig = doc.putObject("HostConfig").put("NetworkMode", ct.network).put("CpuPeriod", ct.cpuPeriod)
                .put("CpuQuota", ct.cpuQuota).put("NanoCpus", 0).put("Memory", ct.memoryBytes);
        hostConfig.putObject("RestartPolicy").put("Name", ct.restart.split(":")[0]);
        ArrayNode binds = hostConfig.putArray("Binds");
        ct.volumes.forEach(binds::add);
        return doc;
    }

    private static int stats(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        String format = option(rest, "--format");
        List<String> names = positional(rest, "--format");
        List<Container> list = names.isEmpty() ? engine.containers().stream().filter(Container::running).toList()
                : new ArrayList<>();
        for (String n : names) {
            Optional<Container> ct = engine.container(n);
            if (ct.isEmpty()) {
                return c.fail(1, "Error response from daemon: No such container: " + n);
            }
            list.add(ct.get());
        }
        StringBuilder out = new StringBuilder();
        if (format == null) {
            out.append(String.format("%-14s %-20s %-8s %-24s %-8s %-12s %-12s %s%n", "CONTAINER ID", "NAME", "CPU %",
                    "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"));
        } else if (format.startsWith("table ")) {
            out.append(GoTemplate.header(format)).append('\n');
        }
        for (Container ct : list) {
            boolean up = ct.running() && engine.process(ct.name).map(p -> p.processLine() != null).orElse(false);
            long limit = ct.memoryBytes > 0 ? ct.memoryBytes : 16L << 30;
            long used = up ? Math.min(limit, 1200L << 20) : 0;
            double cpu = up ? Math.min(ct.cpus() > 0 ? ct.cpus() * 100 : 200, 3.7) : 0;
            ObjectNode row = GoTemplate.json().createObjectNode().put("Container", ct.shortId()).put("ID", ct.shortId())
                    .put("Name", ct.name).put("CPUPerc", String.format(Locale.ROOT, "%.2f%%", cpu))
                    .put("MemUsage", size(used) + " / " + size(limit))
                    .put("MemPerc", String.format(Locale.ROOT, "%.2f%%", used * 100.0 / limit))
                    .put("NetIO", "0B / 0B").put("BlockIO", "0B / 0B").put("PIDs", up ? "87" : "0")
                    .put("CPULimit", ct.cpus() > 0 ? String.format(Locale.ROOT, "%.2f", ct.cpus()) : "unlimited");
            if (format != null) {
                out.append(GoTemplate.render(format, row)).append('\n');
            } else {
                out.append(String.format("%-14s %-20s %-8s %-24s %-8s %-12s %-12s %s%n", ct.shortId(), ct.name,
                        row.get("CPUPerc").asText(), row.get("MemUsage").asText(), row.get("MemPerc").asText(), "0B / 0B",
                        "0B / 0B", row.get("PIDs").asText()));
            }
        }
        c.out(out.toString());
        return 0;
    }

    /**
     * Runs the command in the host's shell with the container's environment, the container's own tools first on
     * PATH, and the caller's stdin/stdout (so {@code -i} pipes work). Exit status is the command's.
     */
    private static int exec(ToolCall c, DockerEngine engine, List<String> args) throws IOException {
        Map<String, String> extraEnv = new LinkedHashMap<>();
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String a = args.get(i);
            if (a.equals("-e") || a.equals("--env")) {
                String kv = args.get(++i);
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    extraEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
                } else if (c.env().containsKey(kv)) {
                    extraEnv.put(kv, c.env().get(kv));
                }
            } else if (a.equals("-u") || a.equals("--user") || a.equals("-w") || a.equals("--workdir")) {
                i++;
            }
        }
        if (i + 1 >= args.size()) {
            return c.fail(1, "\"docker exec\" requires at least 2 arguments.\nSee 'docker exec --help'.");
        }
        Optional<Container> found = engine.container(args.get(i));
        if (found.isEmpty()) {
            return c.fail(1, "Error response from daemon: No such container: " + args.get(i));
        }
        Container ct = found.get();
        if (!ct.running()) {
            return c.fail(1, "Error response from daemon: Container " + ct.id + " is not running");
        }
        Map<String, String> tools = engine.process(ct.name).map(ContainerProcess::tools).orElse(Map.of());
        List<String> command = new ArrayList<>(args.subList(i + 1, args.size()));
        String toolDir = "/var/lib/docker/containers/" + ct.id + "/lab-bin";
        if (tools.containsKey(command.get(0))) {
            command.set(0, toolDir + "/" + tools.get(command.get(0)));
        }
        for (int a = 1; a < command.size(); a++) {
            command.set(a, insideContainer(c, engine, ct, command.get(a)));
        }
        Map<String, String> env = new LinkedHashMap<>(ct.env);
        env.putAll(extraEnv);
        env.put("PATH", toolDir + ":" + c.env().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOSTNAME", ct.name);
        env.put("LAB_CONTAINER", ct.name);
        return c.run(command, env);
    }

    /**
     * An absolute path argument under a top directory the container's own filesystem has (its logs, say) names the
     * container's file, as it would inside a real container; other arguments are the host's (volumes, tools).
     */
    private static String insideContainer(ToolCall c, DockerEngine engine, Container ct, String arg) {
        if (!arg.startsWith("/") || arg.length() < 2) {
            return arg;
        }
        String top = arg.substring(1).split("/")[0];
        Path files = engine.containerFiles(ct);
        if (top.isEmpty() || top.equals("..") || !Files.isDirectory(files.resolve(top))) {
            return arg;
        }
        return "/" + c.host().root().relativize(files) + arg;
    }

    private static int lifecycle(ToolCall c, DockerEngine engine, String verb, List<String> rest) throws IOException {
        List<String> names = positional(rest, "-t", "--time");
        if (names.isEmpty()) {
            return c.fail(1, "\"docker " + verb + "\" requires at least 1 argument.");
        }
        int status = 0;
        for (String name : names) {
            Optional<Container> ct = engine.container(name);
            if (ct.isEmpty()) {
                c.err("Error response from daemon: No such container: " + name + "\n");
                status = 1;
                continue;
            }
            if (!verb.equals("start")) {
                engine.stop(ct.get(), 143);
            }
            if (!verb.equals("stop")) {
                // a stopped process has released its ports (the kernel does that at exit); a listener of the lab's
                // that closes on another thread gets a moment, so a restart never trips over its own last run
                List<Integer> taken = verb.equals("restart") ? engine.portsTakenAfterGrace(ct.get())
                        : engine.takenPorts(ct.get());
                if (!taken.isEmpty()) {
                    c.err("Error response from daemon: driver failed programming external connectivity on endpoint " + ct.get().name
                            + ": listen tcp4 " + c.host().address() + ":" + taken.get(0) + ": bind: address already in use\n"
                            + "Error: failed to start containers: " + name + "\n");
                    status = 1;
                    continue;
                }
                engine.start(ct.get());
            }
            c.out(name + "\n");
        }
        return status;
    }

    private static int rm(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        boolean force = rest.contains("-f") || rest.contains("--force");
        int status = 0;
        for (String name : positional(rest)) {
            Optional<Container> ct = engine.container(name);
            if (ct.isEmpty()) {
                c.err("Error response from daemon: No such container: " + name + "\n");
                status = 1;
            } else if (ct.get().running() && !force) {
                c.err("Error response from daemon: You cannot remove a running container " + ct.get().id
                        + ". Stop the container before attempting removal or force remove\n");
                status = 1;
            } else {
                engine.remove(ct.get());
                c.out(name + "\n");
            }
        }
        return status;
    }

    private static int logs(ToolCall c, DockerEngine engine, List<String> rest) throws IOException {
        List<String> names = positional(rest, "--tail", "-n", "--since");
        if (names.size() != 1) {
            return c.fail(1, "\"docker logs\" requires exactly 1 argument.");
        }
        Optional<Container> ct = engine.container(names.get(0));
        if (ct.isEmpty()) {
            return c.fail(1, "Error response from daemon: No such container: " + names.get(0));
        }
        Path log = engine.logFile(ct.get());
        String text = Files.exists(log) ? Files.readString(log) : "";
        String tail = option(rest, "--tail", "-n");
        if (tail != null && tail.matches("\\d+")) {
            List<String> lines = text.lines().toList();
            text = String.join("\n", lines.subList(Math.max(0, lines.size() - Integer.parseInt(tail)), lines.size()))
                    + (lines.isEmpty() ? "" : "\n");
        }
        c.out(text);
        c.result(text.lines().count() + " lines");
        return 0;
    }

    // ---- argument helpers ----

    static String option(List<String> args, String... names) {
        List<String> values = options(args, names);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    static List<String> options(List<String> args, String... names) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            for (String n : names) {
                if (args.get(i).equals(n) && i + 1 < args.size()) {
                    values.add(args.get(i + 1));
                } else if (args.get(i).startsWith(n + "=")) {
                    values.add(args.get(i).substring(n.length() + 1));
                }
            }
        }
        return values;
    }

    /** Arguments that are neither flags nor the values of {@code valued} flags. */
    static List<String> positional(List<String> args, String... valued) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (List.of(valued).contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                out.add(a);
            }
        }
        return out;
    }

    static String since(String instant) {
        if (instant == null || instant.equals("null")) {
            return "";
        }
        long s = Math.max(1, Duration.between(Instant.parse(instant), Instant.now()).toSeconds());
        return s < 60 ? s + " seconds ago" : s < 3600 ? s / 60 + " minutes ago" : s / 3600 + " hours ago";
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2fGiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1fMiB", bytes / (double) (1L << 20));
        }
        return bytes + "B";
    }
}
