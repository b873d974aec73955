package dev.ocpha.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.lab.standins.Tar;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Installation media the lab generates (ocp-facts §6.1): per medium {@code <name>.tar}, a real tar holding
 * {@code manifest.json} ({@code name, image, kind, version, created}) and filler bytes, plus {@code <name>.tar.sha256}
 * in sha256sum format. The executor's media directory is exactly such a directory; {@code docker load -i} on a lab
 * host reads the manifest and registers the image.
 */
public final class LabMedia {
    public static final long DEFAULT_FILLER_BYTES = 4L * 1024 * 1024;
    public static final String REGISTRY = "reg.example/oceanbase/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a medium's image is: the OCP server, OceanBase (MetaDB/MonitorDB) or OAT. */
    public enum Kind { OCP, OCEANBASE, OAT }

    /** A medium: {@code name} is the file name without {@code .tar}; {@code image} is {@code repository:tag}. */
    public record Medium(String name, String image, Kind kind, String version) {
    }

    public static final Medium OCP = medium(Kind.OCP, "4.2.2");
    public static final Medium OCEANBASE = medium(Kind.OCEANBASE, "4.2.1");
    public static final Medium OAT = medium(Kind.OAT, "4.3.0");
    public static final List<Medium> DEFAULT = List.of(OCP, OCEANBASE, OAT);

    private LabMedia() {
    }

    /** {@code ocp-4.2.2} with image {@code reg.example/oceanbase/ocp:4.2.2}, and likewise {@code oceanbase-…}, {@code oat-…}. */
    public static Medium medium(Kind kind, String version) {
        if (!version.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,63}")) {
            throw new IllegalArgumentException("a medium version is letters, digits, '.', '_' and '-', not '" + version + "'");
        }
        String repository = kind.name().toLowerCase();
        return new Medium(repository + "-" + version, REGISTRY + repository + ":" + version, kind, version);
    }

    /** The default media (OCP 4.2.2, OceanBase 4.2.1, OAT 4.3.0) with 4 MiB of filler each. */
    public static List<Path> generate(Path dir) {
        return generate(dir, DEFAULT, DEFAULT_FILLER_BYTES);
    }

    /** Writes each medium that is not there yet (same name): tar and checksum. Returns the tar files. */
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
                    write(m, tar, sum, fillerBytes);
                }
                tars.add(tar);
            }
            return tars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate media in " + dir, e);
        }
    }

    private static void write(Medium m, Path tar, Path sum, long fillerBytes) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", m.name());
        manifest.put("image", m.image());
        manifest.put("kind", m.kind().name());
        manifest.put("version", m.version());
        manifest.put("created", Instant.now().toString());
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        MessageDigest sha256 = sha256();
        Path tmp = Files.createTempFile(tar.getParent(), tar.getFileName().toString(), ".tmp");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha256)) {
            Tar.Writer writer = new Tar.Writer(out);
            writer.entry("manifest.json", manifestBytes.length, o -> o.write(manifestBytes));
            // filler stands for the image layers; seeded by the name, so a medium regenerates identically
            SplittableRandom random = new SplittableRandom(m.name().hashCode());
            writer.entry("layer.bin", fillerBytes, o -> {
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
        Files.move(tmp, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(sum, HexFormat.of().formatHex(sha256.digest()) + "  " + tar.getFileName() + "\n",
                StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
