package dev.ocpha.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ocpha.lab.standins.Tar;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Installation media the lab generates: per medium {@code <name>.tar}, an image archive as
 * {@code docker save} writes it, plus {@code <name>.tar.sha256} in sha256sum format. The archive follows moby/moby
 * {@code image/spec/v1.2.md} ("Combined Image JSON + Filesystem Changeset Format"): {@code manifest.json} is an array
 * of {@code {Config, RepoTags, Layers}}, {@code repositories} maps repository → tag → id, {@code <hex>.json} is the
 * image config ({@code architecture}, {@code os}, {@code config.{Env,Entrypoint,Cmd,Labels}}, {@code rootfs.diff_ids},
 * {@code history}) and each layer is a real tar whose sha256 is its diff id. {@link Format#OCI} is what Docker 25 and
 * later write (moby/moby PR #44598): the same {@code manifest.json} and {@code repositories} beside an OCI image layout
 * ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/<digest>}), {@code Layers} pointing into the blobs.
 * What an image runs is its config's program, as in a real image: the OCP server's jar, OAT's server. OceanBase comes
 * only as {@link Format#RPM_BUNDLE}, not an image: a plain tar of the released OceanBase CE RPMs ({@link OceanBaseRpms}),
 * for OceanBase's documented command-line deployment (the lab models no OceanBase image).
 */
public final class LabMedia {
    public static final long DEFAULT_FILLER_BYTES = 4L * 1024 * 1024;
    public static final String REGISTRY = "reg.example/oceanbase/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a medium holds: the OCP server's image, OceanBase's RPMs (MetaDB/MonitorDB, never an image) or OAT's image. */
    public enum Kind { OCP, OCEANBASE, OAT }

    /**
     * How the archive is laid out: as {@code docker save} up to Docker 24, Docker 25's OCI layout, or a plain tar of
     * RPM files (no image).
     */
    public enum Format { DOCKER_ARCHIVE, OCI, RPM_BUNDLE }

    /**
     * A medium: {@code name} is the file name without {@code .tar}; {@code image} is {@code repository:tag};
     * {@code architecture} is the image config's (Go's names: {@code amd64}, {@code arm64}).
     */
    public record Medium(String name, String image, Kind kind, String version, Format format, String architecture) {
        /** The same image written in Docker 25's OCI layout, under {@code <name>-oci}. */
        public Medium oci() {
            requireImage();
            return new Medium(name + "-oci", image, kind, version, Format.OCI, architecture);
        }

        /** The same image built for another architecture, under {@code <name>-<architecture>}. */
        public Medium forArchitecture(String other) {
            requireImage();
            return new Medium(name + "-" + other, image, kind, version, format, other);
        }

        private void requireImage() {
            if (format == Format.RPM_BUNDLE) {
                throw new IllegalStateException(name + " is a bundle of x86_64 RPMs, not an image");
            }
        }
    }

    /** The name of {@link #OCEANBASE_CE}: {@code <dir>/oceanbase-ce-4.2.1.tar} holds the files of {@link OceanBaseRpms#BUNDLE}. */
    public static final String OCEANBASE_CE_NAME = "oceanbase-ce-4.2.1";

    public static final Medium OCP = medium(Kind.OCP, "4.2.2");
    public static final Medium OAT = medium(Kind.OAT, "4.3.0");
    /** OceanBase CE 4.2.1's RPMs (oceanbase-ce, oceanbase-ce-libs, obproxy-ce), for the command-line deployment. */
    public static final Medium OCEANBASE_CE = new Medium(OCEANBASE_CE_NAME, null, Kind.OCEANBASE, "4.2.1", Format.RPM_BUNDLE, "amd64");
    public static final List<Medium> DEFAULT = List.of(OCP, OAT, OCEANBASE_CE);

    private LabMedia() {
    }

    /** {@code ocp-4.2.2} with image {@code reg.example/oceanbase/ocp:4.2.2}, and likewise {@code oat-…}; OceanBase has no image. */
    public static Medium medium(Kind kind, String version) {
        if (kind == Kind.OCEANBASE) {
            throw new IllegalArgumentException("the lab models no OceanBase image: OceanBase comes as its RPMs (OCEANBASE_CE)");
        }
        if (!version.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,63}")) {
            throw new IllegalArgumentException("a medium version is letters, digits, '.', '_' and '-', not '" + version + "'");
        }
        String repository = kind.name().toLowerCase();
        return new Medium(repository + "-" + version, REGISTRY + repository + ":" + version, kind, version,
                Format.DOCKER_ARCHIVE, "amd64");
    }

    /** The default media (OCP 4.2.2 and OAT 4.3.0 images with 4 MiB of filler each; OceanBase CE 4.2.1's RPMs). */
    public static List<Path> generate(Path dir) {
        return generate(dir, DEFAULT, DEFAULT_FILLER_BYTES);
    }

    /** Writes each medium that is not there yet (same name): tar and checksum. Returns the tar files. Filler: images only. */
    public static List<Path> generate(Path dir, List<Medium> media, long fillerBytes) {
        if (fillerBytes < 0) {
            throw new IllegalArgumentException("filler bytes cannot be negative: " + fillerBytes);
        }
        List<Path> tars = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Medium m : media) {
                Path tar = dir.resolve(m.name() + ".tar");
                Path sum = dir.resolve(m.name() + ".tar.sha256");
                if (!Files.exists(tar) || !Files.exists(sum)) {
                    if (m.format() == Format.RPM_BUNDLE) {
                        OceanBaseRpms.writeBundle(tar);
                        writeChecksum(tar, sum, fileDigest(tar));
                    } else {
                        write(m, tar, sum, fillerBytes);
                    }
                }
                tars.add(tar);
            }
            return tars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate media in " + dir, e);
        }
    }

    /** The program the image starts and the file of its one layer that holds it. */
    private record Program(List<String> cmd, String file) {
    }

    private static Program program(Kind kind) {
        return switch (kind) {
            case OCP -> new Program(List.of("/bin/sh", "-c", "java -server -jar /home/admin/ocp-server/lib/ocp-server.jar"),
                    "home/admin/ocp-server/lib/ocp-server.jar");
            case OCEANBASE -> throw new IllegalArgumentException("the lab models no OceanBase image");
            case OAT -> new Program(List.of("python", "/oat/oat-server.py"), "oat/oat-server.py");
        };
    }

    private static void write(Medium m, Path tar, Path sum, long fillerBytes) throws IOException {
        String created = Instant.now().toString();
        Program program = program(m.kind());
        Path layer = Files.createTempFile(tar.getParent(), tar.getFileName().toString(), ".layer");
        Path tmp = Files.createTempFile(tar.getParent(), tar.getFileName().toString(), ".tmp");
        try {
            String diffId = writeLayer(layer, program.file(), m.name(), fillerBytes);
            long layerSize = Files.size(layer);
            byte[] config = JSON.writeValueAsBytes(config(m, program, diffId, created));
            String configDigest = hex(sha256(config));
            int colon = m.image().lastIndexOf(':');
            String repository = m.image().substring(0, colon);
            String tag = m.image().substring(colon + 1);
            MessageDigest archiveDigest = digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), archiveDigest)) {
                Tar.Writer writer = new Tar.Writer(out);
                String configPath;
                String layerPath;
                String repositoriesId;
                if (m.format() == Format.OCI) {
                    configPath = "blobs/sha256/" + configDigest;
                    layerPath = "blobs/sha256/" + diffId;
                    byte[] manifest = JSON.writeValueAsBytes(ociManifest(configDigest, config.length, diffId, layerSize));
                    byte[] index = JSON.writeValueAsBytes(ociIndex(hex(sha256(manifest)), manifest.length, m.image(), tag));
                    writer.entry(layerPath, layerSize, o -> Files.copy(layer, o));
                    writer.entry(configPath, config.length, o -> o.write(config));
                    writer.entry("blobs/sha256/" + hex(sha256(manifest)), manifest.length, o -> o.write(manifest));
                    writer.entry("index.json", index.length, o -> o.write(index));
                    repositoriesId = configDigest;
                } else {
                    String layerId = hex(sha256(("layer " + diffId + " of " + configDigest).getBytes(StandardCharsets.UTF_8)));
                    configPath = configDigest + ".json";
                    layerPath = layerId + "/layer.tar";
                    byte[] version = "1.0".getBytes(StandardCharsets.UTF_8);
                    byte[] layerJson = JSON.writeValueAsBytes(JSON.createObjectNode().put("id", layerId).put("created", created)
                            .put("os", "linux").put("architecture", m.architecture()));
                    writer.entry(layerId + "/VERSION", version.length, o -> o.write(version));
                    writer.entry(layerId + "/json", layerJson.length, o -> o.write(layerJson));
                    writer.entry(layerPath, layerSize, o -> Files.copy(layer, o));
                    writer.entry(configPath, config.length, o -> o.write(config));
                    repositoriesId = layerId;
                }
                ArrayNode manifest = JSON.createArrayNode();
                ObjectNode entry = manifest.addObject().put("Config", configPath);
                entry.putArray("RepoTags").add(m.image());
                entry.putArray("Layers").add(layerPath);
                byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
                writer.entry("manifest.json", manifestBytes.length, o -> o.write(manifestBytes));
                if (m.format() == Format.OCI) {
                    byte[] layout = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
                    writer.entry("oci-layout", layout.length, o -> o.write(layout));
                }
                ObjectNode repositories = JSON.createObjectNode();
                repositories.putObject(repository).put(tag, repositoriesId);
                byte[] repositoriesBytes = JSON.writeValueAsBytes(repositories);
                writer.entry("repositories", repositoriesBytes.length, o -> o.write(repositoriesBytes));
                writer.finish();
            }
            Files.move(tmp, tar, StandardCopyOption.REPLACE_EXISTING);
            writeChecksum(tar, sum, hex(archiveDigest.digest()));
        } finally {
            Files.deleteIfExists(layer);
            Files.deleteIfExists(tmp);
        }
    }

    /** The image's one layer: a tar holding the program's file (filler bytes); returns its sha256, the diff id. */
    private static String writeLayer(Path layer, String file, String seed, long fillerBytes) throws IOException {
        MessageDigest digest = digest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(layer), digest)) {
            Tar.Writer writer = new Tar.Writer(out);
            // seeded by the medium's name, so a medium regenerates with the same layer
            SplittableRandom random = new SplittableRandom(seed.hashCode());
            writer.entry(file, fillerBytes, o -> {
                byte[] chunk = new byte[64 * 1024];
                for (long left = fillerBytes; left > 0; left -= chunk.length) {
                    for (int i = 0; i < chunk.length; i += 8) {
                        long r = random.nextLong();
                        for (int b = 0; b < 8; b++) {
                            chunk[i + b] = (byte) (r >>> (8 * b));
                        }
                    }
                    o.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            });
            writer.finish();
        }
        return hex(digest.digest());
    }

    private static ObjectNode config(Medium m, Program program, String diffId, String created) {
        ObjectNode config = JSON.createObjectNode().put("architecture", m.architecture()).put("os", "linux")
                .put("created", created);
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        runtime.putNull("Entrypoint");
        ArrayNode cmd = runtime.putArray("Cmd");
        program.cmd().forEach(cmd::add);
        runtime.putObject("Labels").put("org.opencontainers.image.title", m.image().substring(0, m.image().lastIndexOf(':')))
                .put("org.opencontainers.image.version", m.version());
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids").add("sha256:" + diffId);
        config.putArray("history").addObject().put("created", created)
                .put("created_by", "COPY " + program.file() + " /" + program.file() + " # lab media");
        return config;
    }

    private static ObjectNode ociManifest(String configDigest, long configSize, String layerDigest, long layerSize) {
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", "sha256:" + configDigest).put("size", configSize);
        manifest.putArray("layers").addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar")
                .put("digest", "sha256:" + layerDigest).put("size", layerSize);
        return manifest;
    }

    private static ObjectNode ociIndex(String manifestDigest, long manifestSize, String image, String tag) {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.putArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("digest", "sha256:" + manifestDigest).put("size", manifestSize)
                .putObject("annotations").put("io.containerd.image.name", image)
                .put("org.opencontainers.image.ref.name", tag);
        return index;
    }

    /** sha256sum's format: {@code <hex>  <file name>}. */
    private static void writeChecksum(Path tar, Path sum, String hex) throws IOException {
        Files.writeString(sum, hex + "  " + tar.getFileName() + "\n", StandardCharsets.UTF_8);
    }

    private static String fileDigest(Path file) throws IOException {
        MessageDigest digest = digest();
        try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest.digest());
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
