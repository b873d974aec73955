package dev.ocpha.executor.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.executor.config.ExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The installation media this executor can ship: {@code <name>.tar} with its {@code .tar.sha256} (sha256sum format)
 * in the media directory. A tar is either an image archive as {@code docker save} writes it (moby/moby
 * {@code image/spec/v1.2.md}, "Combined Image JSON + Filesystem Changeset Format", and Docker 25's OCI layout,
 * moby/moby PR #44598, which keeps the same {@code manifest.json}): {@code manifest.json}'s first item's first
 * {@code RepoTags} entry names the image and its {@code Config} the image config holding the architecture; or a
 * bundle of RPM packages as OceanBase releases them ({@code oceanbase-ce-<version>-<release>.el7.x86_64.rpm},
 * {@code oceanbase-ce-libs-…}, {@code obproxy-ce-…}; oceanbase/oceanbase-doc@V4.2.5
 * {@code en-US/400.deploy/500.deploy-oceanbase-database-community-edition/200.local-deployment/500.deploy-OceanBase-database-of-multi-node-cluster.md}),
 * each RPM a top-level entry of the tar, the architecture read from the file names. A medium is checked against its
 * checksum once per file version, so a corrupt copy is refused before it reaches a host.
 */
@ApplicationScoped
public class MediaLibrary {

    /**
     * A medium: for an image archive {@code image} is {@code repo:tag} and {@code packages} is empty; for a package
     * bundle {@code image} is null and {@code packages} lists its RPM files. {@code architecture} is Go's name
     * ({@code amd64}, {@code arm64}) as image configs give it, for packages translated from the RPMs' own.
     */
    public record Medium(String name, Path tar, String sha256, String image, String architecture, String os,
                         List<Rpm> packages) {
        public boolean isImage() {
            return image != null;
        }

        /** The bundle's package whose name is {@code packageName}, if any. */
        public Optional<Rpm> rpm(String packageName) {
            return packages.stream().filter(r -> r.name().equals(packageName)).findFirst();
        }
    }

    /**
     * An RPM file of a bundle, as its file name {@code <name>-<version>-<release>.<arch>.rpm} says (rpm's own naming,
     * https://rpm-software-management.github.io/rpm/manual/spec.html).
     */
    public record Rpm(String file, String name, String version, String release, String arch) {
        private static final Pattern FILE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.+-]*)-([^-/]+)-([^-/]+)\\.([A-Za-z0-9_]+)\\.rpm");

        /** {@code name-version-release.arch}, which {@code rpm -q} takes. */
        public String nevra() {
            return name + "-" + version + "-" + release + "." + arch;
        }

        static Optional<Rpm> parse(String file) {
            Matcher m = FILE.matcher(file);
            return m.matches() ? Optional.of(new Rpm(file, m.group(1), m.group(2), m.group(3), m.group(4))) : Optional.empty();
        }
    }

    /** Entries of an archive kept to read after the pass: the JSON documents (a layer is far larger). */
    private static final long KEPT_ENTRY_BYTES = 1024 * 1024;

    private record Version(long size, FileTime modified) {
    }

    private record Checked(Version version, Medium medium) {
    }

    private final Optional<Path> dir;
    private final ObjectMapper mapper;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    public MediaLibrary(ExecutorConfig config, ObjectMapper mapper) {
        this.dir = config.mediaDir();
        this.mapper = mapper;
    }

    public Medium find(String name) throws StepFailure {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,200}")) {
            throw StepFailure.permanent("'" + name + "' is not a medium name (letters, digits, '_', '.', '-')");
        }
        Path root = dir.orElseThrow(() -> StepFailure.permanent("medium '" + name
                + "' is needed but this executor has no media directory (set ocpha.executor.media-dir)"));
        Path tar = root.resolve(name + ".tar");
        Path sum = root.resolve(name + ".tar.sha256");
        if (!Files.isRegularFile(tar) || !Files.isRegularFile(sum)) {
            throw StepFailure.permanent("medium '" + name + "' is not in the media directory " + root + " (it needs "
                    + tar.getFileName() + " and " + sum.getFileName() + ")");
        }
        try {
            Version version = new Version(Files.size(tar), Files.getLastModifiedTime(tar));
            Checked known = checked.get(name);
            if (known != null && known.version().equals(version)) {
                return known.medium();
            }
            Medium medium = read(name, tar, sum);
            checked.put(name, new Checked(version, medium));
            return medium;
        } catch (IOException e) {
            throw StepFailure.permanent("cannot read medium '" + name + "' in " + root + ": " + e.getMessage());
        }
    }

    private Medium read(String name, Path tar, Path sum) throws IOException, StepFailure {
        String expected = Files.readString(sum).trim().split("\\s+")[0].toLowerCase();
        if (!expected.matches("[0-9a-f]{64}")) {
            throw StepFailure.permanent(sum.getFileName() + " does not hold a SHA-256 (sha256sum format expected)");
        }
        MessageDigest digest = sha256();
        Map<String, byte[]> documents = new HashMap<>();
        List<String> files = new ArrayList<>();
        try (DigestInputStream hashed = new DigestInputStream(Files.newInputStream(tar), digest);
             TarArchiveInputStream entries = new TarArchiveInputStream(hashed)) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String entryName = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (entry.isFile()) {
                    files.add(entryName);
                }
                if (entry.isFile() && entry.getSize() <= KEPT_ENTRY_BYTES) {
                    documents.put(entryName, entries.readAllBytes());
                }
            }
            hashed.transferTo(java.io.OutputStream.nullOutputStream()); // the tar's padding counts in its checksum
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw StepFailure.permanent("medium '" + name + "' has SHA-256 " + actual + " but " + sum.getFileName()
                    + " says " + expected + ": the media directory holds a corrupt or replaced copy");
        }
        if (!documents.containsKey("manifest.json") && !files.isEmpty()
                && files.stream().allMatch(f -> f.endsWith(".rpm"))) {
            return bundle(name, tar, expected, files);
        }
        return describe(name, tar, expected, documents);
    }

    /** A tar of RPM files: each a top-level entry named as rpm names packages, all of one architecture. */
    static Medium bundle(String name, Path tar, String sha256, List<String> files) throws StepFailure {
        String what = "medium '" + name + "' is a bundle of RPM packages, but ";
        List<Rpm> rpms = new ArrayList<>();
        for (String file : files) {
            Rpm rpm = Rpm.parse(file).filter(r -> !file.contains("/")).orElseThrow(() -> StepFailure.permanent(what
                    + "'" + file + "' is not a top-level <name>-<version>-<release>.<arch>.rpm"));
            rpms.add(rpm);
        }
        Set<String> arches = rpms.stream().map(Rpm::arch).filter(a -> !a.equals("noarch")).collect(Collectors.toSet());
        if (arches.size() > 1) {
            throw StepFailure.permanent(what + "its packages are built for several architectures " + arches);
        }
        String arch = arches.isEmpty() ? "noarch" : arches.iterator().next();
        String goArch = switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
        return new Medium(name, tar, sha256, null, goArch, "linux", List.copyOf(rpms));
    }

    /** The medium as its archive's {@code manifest.json} and image config describe it. */
    Medium describe(String name, Path tar, String sha256, Map<String, byte[]> documents) throws StepFailure {
        String what = "medium '" + name + "' is neither a bundle of RPM packages nor an image archive as docker save "
                + "writes it: ";
        JsonNode manifest = json(documents.get("manifest.json"));
        if (manifest == null) {
            throw StepFailure.permanent(what + "it has no readable manifest.json");
        }
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw StepFailure.permanent(what + "its manifest.json is not a JSON array of {Config, RepoTags, Layers}");
        }
        JsonNode item = manifest.get(0);
        String image = item.path("RepoTags").path(0).asText("");
        if (!image.matches("[^\\s:]+(:[0-9]+)?(/[^\\s:]+)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw StepFailure.permanent(what + "manifest.json[0].RepoTags[0] is '" + image + "', not a name:tag");
        }
        String configPath = item.path("Config").asText("");
        JsonNode config = json(documents.get(configPath));
        if (config == null || !config.path("architecture").isTextual()) {
            throw StepFailure.permanent(what + "the image config '" + configPath
                    + "' named by manifest.json[0].Config is missing or names no architecture");
        }
        return new Medium(name, tar, sha256, image, config.get("architecture").asText(), config.path("os").asText(""),
                List.of());
    }

    private JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
