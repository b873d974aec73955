package dev.ocpha.lab;

import dev.ocpha.lab.standins.Tar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * OceanBase CE 4.2.1 as released packages, built by the lab as real RPMs with {@code rpmbuild} from the specs beside
 * this class ({@code rpm/oceanbase-ce.spec}, {@code rpm/obproxy-ce.spec}): the names, versions and install paths of
 * the released ones (oceanbase/oceanbase-doc@V4.2.1
 * {@code en-US/400.deploy/500.deploy-oceanbase-database-community-edition/200.local-deployment/500.deploy-OceanBase-database-of-multi-node-cluster.md}),
 * their programs handing over to the lab's stand-ins. The bundle is a plain tar of the three files, as an operator
 * would carry them to the hosts.
 */
public final class OceanBaseRpms {
    /** One package: {@code file()} is its file name, as the released ones are named. */
    public record Rpm(String name, String version, String release, String spec) {
        public String file() {
            return name + "-" + version + "-" + release + ".x86_64.rpm";
        }
    }

    public static final Rpm OCEANBASE_CE = new Rpm("oceanbase-ce", "4.2.1.0", "100000102023092807.el7", "oceanbase-ce.spec");
    public static final Rpm OCEANBASE_CE_LIBS = new Rpm("oceanbase-ce-libs", "4.2.1.0", "100000102023092807.el7", "oceanbase-ce.spec");
    public static final Rpm OBPROXY_CE = new Rpm("obproxy-ce", "4.2.1.0", "11.el7", "obproxy-ce.spec");
    /** The bundle's files, in its order. */
    public static final List<Rpm> BUNDLE = List.of(OCEANBASE_CE, OCEANBASE_CE_LIBS, OBPROXY_CE);
    /** The version the observer stand-in reports (its {@code SELECT VERSION()}, {@code DBA_OB_SERVERS.build_version}). */
    static final String OBSERVER_VERSION = "4.2.1";
    /** 2023-09-28, the build of the release: the packages' build time, so a rebuild gives the same bytes. */
    private static final String SOURCE_DATE_EPOCH = "1695859200";

    private OceanBaseRpms() {
    }

    /** Builds the packages and writes them, as a plain tar, to {@code tar}. */
    static void writeBundle(Path tar) throws IOException {
        Path top = Files.createTempDirectory(tar.getParent(), ".rpmbuild-");
        try {
            ensureRpmbuild();
            // both builds at once (each in a _topdir of its own): each is mostly rpmbuild starting up
            Process observer = rpmbuild(top, OCEANBASE_CE, Map.of("lab_ob_version", OBSERVER_VERSION));
            Process obproxy = rpmbuild(top, OBPROXY_CE, Map.of());
            await(observer, OCEANBASE_CE.spec());
            await(obproxy, OBPROXY_CE.spec());
            Path tmp = top.resolve("bundle.tar");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                Tar.Writer writer = new Tar.Writer(out);
                for (Rpm rpm : BUNDLE) {
                    Path file = topdir(top, rpm).resolve("RPMS/x86_64").resolve(rpm.file());
                    writer.entry(rpm.file(), Files.size(file), o -> Files.copy(file, o));
                }
                writer.finish();
            }
            Files.move(tmp, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try (Stream<Path> files = Files.walk(top)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void ensureRpmbuild() {
        if (!onPath("rpmbuild")) {
            String missing = LabPackages.ensure();
            if (missing != null) {
                throw new IllegalStateException("the lab builds its OceanBase packages with rpmbuild: " + missing);
            }
        }
    }

    private static Path topdir(Path top, Rpm rpm) {
        return top.resolve(rpm.spec().replace(".spec", ""));
    }

    private static Process rpmbuild(Path top, Rpm rpm, Map<String, String> defines) throws IOException {
        Path spec = Files.createDirectories(topdir(top, rpm)).resolve(rpm.spec());
        try (InputStream in = OceanBaseRpms.class.getResourceAsStream("rpm/" + rpm.spec())) {
            Files.write(spec, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("rpmbuild", "-bb", "--quiet", "--target", "x86_64"));
        Map<String, String> macros = new java.util.LinkedHashMap<>(Map.of(
                "_topdir", topdir(top, rpm).toString(),
                "lab_version", rpm.version(),
                "lab_release", rpm.release(),
                "_buildhost", "lab",
                "_binary_payload", "w9.gzdio", // gzip, which every rpm reads (el7's included)
                "__os_install_post", "%{nil}", // nothing to strip or compile: shell scripts only
                "debug_package", "%{nil}",
                "_build_id_links", "none",
                "use_source_date_epoch_as_buildtime", "1"));
        macros.putAll(defines);
        macros.forEach((name, value) -> command.addAll(List.of("--define", name + " " + value)));
        command.add(spec.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH);
        builder.environment().put("HOME", top.toString()); // no ~/.rpmmacros of the machine's user
        return builder.start();
    }

    private static void await(Process build, String spec) throws IOException {
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (build.waitFor() != 0) {
                throw new IOException("rpmbuild " + spec + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building " + spec, e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
