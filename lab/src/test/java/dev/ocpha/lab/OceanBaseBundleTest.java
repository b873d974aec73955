package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.lab.standins.Tar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oceanbase-ce-4.2.1 medium: a plain tar of three real RPMs, as rpm itself reads them (with a database of its own). */
class OceanBaseBundleTest {
    @TempDir
    static Path dir;
    static Path tar;

    @BeforeAll
    static void generate() {
        tar = LabMedia.generate(dir.resolve("media"), List.of(LabMedia.OCEANBASE_CE), 0).get(0);
    }

    @Test
    void theBundleIsAPlainTarOfExactlyTheThreeReleasedFileNames() throws IOException {
        assertEquals(dir.resolve("media/oceanbase-ce-4.2.1.tar"), tar);
        assertEquals("oceanbase-ce-4.2.1", LabMedia.OCEANBASE_CE.name());
        try (InputStream in = Files.newInputStream(tar)) {
            Map<String, Tar.Entry> entries = Tar.read(in, 0);
            assertEquals(List.of("oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm",
                    "oceanbase-ce-libs-4.2.1.0-100000102023092807.el7.x86_64.rpm", "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"),
                    List.copyOf(entries.keySet()));
            assertEquals(OceanBaseRpms.BUNDLE.stream().map(OceanBaseRpms.Rpm::file).toList(), List.copyOf(entries.keySet()));
        }
    }

    @Test
    void theChecksumFileIsSha256sumsFormatOfTheTar() throws Exception {
        byte[] bytes = Files.readAllBytes(tar);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(hex + "  oceanbase-ce-4.2.1.tar\n", Files.readString(dir.resolve("media/oceanbase-ce-4.2.1.tar.sha256")));
    }

    @Test
    void rpmReadsEachPackage_namesVersionsDependencyAndFiles() throws Exception {
        Path rpms = Files.createDirectories(dir.resolve("rpms"));
        assertEquals(0, run(rpms, "tar", "xf", tar.toString()).status());
        assertEquals("oceanbase-ce 4.2.1.0-100000102023092807.el7 x86_64\n",
                query(rpms, "oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm", "%{NAME} %{VERSION}-%{RELEASE} %{ARCH}\\n"));
        assertEquals("oceanbase-ce-libs 4.2.1.0-100000102023092807.el7 x86_64\n",
                query(rpms, "oceanbase-ce-libs-4.2.1.0-100000102023092807.el7.x86_64.rpm", "%{NAME} %{VERSION}-%{RELEASE} %{ARCH}\\n"));
        assertEquals("obproxy-ce 4.2.1.0-11.el7 x86_64\n",
                query(rpms, "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm", "%{NAME} %{VERSION}-%{RELEASE} %{ARCH}\\n"));
        String requires = run(rpms, "rpm", "--dbpath", rpms.resolve(".rpmdb").toString(), "-qpR",
                "oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm").output();
        assertTrue(requires.lines().anyMatch(l -> l.strip().equals("oceanbase-ce-libs")), requires);
        assertTrue(requires.lines().allMatch(l -> l.startsWith("oceanbase-ce-libs") || l.startsWith("rpmlib(")),
                "AutoReqProv: no, so nothing but the libs: " + requires);
        String files = "[%{FILEMODES:perms} %{FILENAMES}\\n]";
        assertEquals("""
                drwxr-xr-x /home/admin/oceanbase
                drwxr-xr-x /home/admin/oceanbase/bin
                -rwxr-xr-x /home/admin/oceanbase/bin/observer
                drwxr-xr-x /home/admin/oceanbase/etc
                """, query(rpms, "oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm", files));
        assertEquals("""
                drwxr-xr-x /home/admin/oceanbase/lib
                -rw-r--r-- /home/admin/oceanbase/lib/README.lab
                """, query(rpms, "oceanbase-ce-libs-4.2.1.0-100000102023092807.el7.x86_64.rpm", files));
        assertEquals("""
                drwxr-xr-x /home/admin/obproxy-4.2.1.0
                drwxr-xr-x /home/admin/obproxy-4.2.1.0/bin
                -rwxr-xr-x /home/admin/obproxy-4.2.1.0/bin/obproxy
                """, query(rpms, "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm", files));
    }

    @Test
    void aMediumThatIsThereIsKept_asTheImageMediaAre() throws IOException {
        long before = Files.getLastModifiedTime(tar).toMillis();
        String sum = Files.readString(dir.resolve("media/oceanbase-ce-4.2.1.tar.sha256"));
        LabMedia.generate(dir.resolve("media"), List.of(LabMedia.OCEANBASE_CE), 0);
        assertEquals(before, Files.getLastModifiedTime(tar).toMillis());
        assertEquals(sum, Files.readString(dir.resolve("media/oceanbase-ce-4.2.1.tar.sha256")));
    }

    @Test
    void theBundleIsNoImage() {
        assertThrows(IllegalStateException.class, LabMedia.OCEANBASE_CE::oci);
        assertTrue(LabMedia.DEFAULT.contains(LabMedia.OCEANBASE_CE));
    }

    private static String query(Path dir, String rpm, String format) throws Exception {
        Run r = run(dir, "rpm", "--dbpath", dir.resolve(".rpmdb").toString(), "-qp", "--qf", format, rpm);
        assertEquals(0, r.status(), r.output());
        return r.output();
    }

    private record Run(int status, String output) {
    }

    private static Run run(Path dir, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
