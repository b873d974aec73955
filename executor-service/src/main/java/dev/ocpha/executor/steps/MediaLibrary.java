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
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The installation media this executor can ship (ocp-facts §6.1): {@code <name>.tar} with its {@code .tar.sha256}
 * (sha256sum format) in the media directory; each tar holds a {@code manifest.json} naming its image. A medium is
 * checked against its checksum once per file version, so a corrupt copy is refused before it reaches a host.
 */
@ApplicationScoped
public class MediaLibrary {

    /** An image tarball: {@code image} is {@code repo:tag}, {@code kind} OCP, OCEANBASE or OAT. */
    public record Medium(String name, Path tar, String sha256, String image, String kind, String version) {
    }

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
        JsonNode manifest = null;
        try (DigestInputStream hashed = new DigestInputStream(Files.newInputStream(tar), digest);
             TarArchiveInputStream entries = new TarArchiveInputStream(hashed)) {
            for (TarArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String entryName = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (entryName.equals("manifest.json")) {
                    manifest = mapper.readTree(entries.readAllBytes());
                }
            }
            hashed.transferTo(java.io.OutputStream.nullOutputStream()); // the tar's padding counts in its checksum
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw StepFailure.permanent("medium '" + name + "' has SHA-256 " + actual + " but " + sum.getFileName()
                    + " says " + expected + ": the media directory holds a corrupt or replaced copy");
        }
        if (manifest == null || !manifest.path("image").isTextual()) {
            throw StepFailure.permanent("medium '" + name + "' has no manifest.json with an \"image\" inside its tar");
        }
        return new Medium(name, tar, expected, manifest.path("image").asText(), manifest.path("kind").asText(""),
                manifest.path("version").asText(""));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
