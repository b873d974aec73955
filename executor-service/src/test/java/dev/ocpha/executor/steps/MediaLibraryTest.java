package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ocpha.executor.config.ExecutorConfig;
import dev.ocpha.lab.LabMedia;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media as docker save writes them: the legacy combined format and Docker 25's OCI layout. */
class MediaLibraryTest {

    @TempDir
    Path dir;

    private MediaLibrary library() {
        ExecutorConfig config = (ExecutorConfig) Proxy.newProxyInstance(ExecutorConfig.class.getClassLoader(),
                new Class<?>[] {ExecutorConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("mediaDir")) {
                        return Optional.of(dir);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new MediaLibrary(config, new ObjectMapper());
    }

    @Test
    void dockerSaveArchive_isIdentifiedByItsManifestsFirstRepoTag_withTheConfigsArchitecture() throws Exception {
        LabMedia.generate(dir, List.of(LabMedia.OCP), 16 * 1024);
        MediaLibrary.Medium medium = library().find(LabMedia.OCP.name());
        assertEquals("reg.example/oceanbase/ocp:4.2.2", medium.image());
        assertEquals("amd64", medium.architecture());
        assertEquals("linux", medium.os());
        assertEquals(Files.readString(dir.resolve("ocp-4.2.2.tar.sha256")).substring(0, 64), medium.sha256());
    }

    @Test
    void ociLayoutArchiveOfDocker25_isIdentifiedTheSameWay() throws Exception {
        LabMedia.Medium oci = LabMedia.OCP.forArchitecture("arm64").oci();
        LabMedia.generate(dir, List.of(oci), 16 * 1024);
        MediaLibrary.Medium medium = library().find(oci.name());
        assertEquals("reg.example/oceanbase/ocp:4.2.2", medium.image());
        assertEquals("arm64", medium.architecture());
    }

    @Test
    void archiveWhoseManifestIsAnObject_isRefusedNamingTheFormat() throws Exception {
        archive("old", "manifest.json", "{\"name\":\"old\",\"image\":\"reg.example/oceanbase/ocp:4.2.2\",\"kind\":\"OCP\"}");
        StepFailure failure = assertThrows(StepFailure.class, () -> library().find("old"));
        assertTrue(failure.getMessage().contains("manifest.json is not a JSON array"), failure.getMessage());
    }

    @Test
    void archiveWhoseConfigIsMissing_isRefusedNamingTheConfig() throws Exception {
        archive("noconfig", "manifest.json", "[{\"Config\":\"abc.json\",\"RepoTags\":[\"x/y:1\"],\"Layers\":[]}]");
        StepFailure failure = assertThrows(StepFailure.class, () -> library().find("noconfig"));
        assertTrue(failure.getMessage().contains("'abc.json'"), failure.getMessage());
    }

    @Test
    void architectureOfTheImage_mustBeTheHosts() {
        MediaLibrary.Medium amd64 = new MediaLibrary.Medium("ocp-4.2.2", dir, "0".repeat(64), "x/ocp:4.2.2", "amd64", "linux", List.of());
        MediaLibrary.Medium arm64 = new MediaLibrary.Medium("ocp-arm", dir, "0".repeat(64), "x/ocp:4.2.2", "arm64", "linux", List.of());
        assertNull(PrepareMediaStep.architectureMismatch("x86_64", amd64));
        assertNull(PrepareMediaStep.architectureMismatch("aarch64", arm64));
        String mismatch = PrepareMediaStep.architectureMismatch("x86_64", arm64);
        assertTrue(mismatch.contains("ocp-arm") && mismatch.contains("arm64") && mismatch.contains("x86_64"), mismatch);
    }

    /** A tar of one file with its sha256sum, as an operator might leave an old or hand-made archive. */
    private void archive(String name, String entry, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream file = new DigestOutputStream(Files.newOutputStream(dir.resolve(name + ".tar")), sha256);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            TarArchiveEntry e = new TarArchiveEntry(entry);
            e.setSize(bytes.length);
            tar.putArchiveEntry(e);
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
        Files.writeString(dir.resolve(name + ".tar.sha256"), HexFormat.of().formatHex(sha256.digest()) + "  " + name + ".tar\n");
    }
    @Test
    void tarOfReleasedRpms_isAPackageBundle_withEachPackageAsItsFileNameSays() throws StepFailure {
        MediaLibrary.Medium medium = MediaLibrary.bundle("oceanbase-ce-4.2.1", dir.resolve("x.tar"), "0".repeat(64),
                List.of("oceanbase-ce-4.2.1.0-100000102023092807.el7.x86_64.rpm",
                        "oceanbase-ce-libs-4.2.1.0-100000102023092807.el7.x86_64.rpm", "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"));
        assertNull(medium.image());
        assertEquals("amd64", medium.architecture());
        MediaLibrary.Rpm libs = medium.rpm("oceanbase-ce-libs").orElseThrow();
        assertEquals("4.2.1.0", libs.version());
        assertEquals("oceanbase-ce-libs-4.2.1.0-100000102023092807.el7.x86_64", libs.nevra());
        assertEquals("11.el7", medium.rpm("obproxy-ce").orElseThrow().release());
    }

    @Test
    void bundleWithPackagesOfTwoArchitecturesOrANestedFile_isRefusedNamingTheProblem() {
        StepFailure mixed = assertThrows(StepFailure.class, () -> MediaLibrary.bundle("ob", dir, "0".repeat(64),
                List.of("a-1-1.el7.x86_64.rpm", "b-1-1.el7.aarch64.rpm")));
        assertTrue(mixed.getMessage().contains("several architectures"), mixed.getMessage());
        StepFailure nested = assertThrows(StepFailure.class, () -> MediaLibrary.bundle("ob", dir, "0".repeat(64),
                List.of("rpms/a-1-1.el7.x86_64.rpm")));
        assertTrue(nested.getMessage().contains("'rpms/a-1-1.el7.x86_64.rpm'"), nested.getMessage());
    }
}
