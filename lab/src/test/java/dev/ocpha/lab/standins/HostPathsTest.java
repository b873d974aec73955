package dev.ocpha.lab.standins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths a host's programs name, resolved as the host sees them: links followed inside its root, never out of it. */
class HostPathsTest {
    @TempDir
    Path root;

    @Test
    void anAbsoluteLink_asTheDocumentedStoreLayoutMakesThem_pointsIntoTheHost() throws Exception {
        Files.createDirectories(root.resolve("data/1/c/sstable"));
        Files.createDirectories(root.resolve("home/admin/oceanbase/store/c"));
        Files.createSymbolicLink(root.resolve("home/admin/oceanbase/store/c/sstable"), Path.of("/data/1/c/sstable"));
        assertEquals(root.resolve("data/1/c/sstable/lab-server.json"),
                HostPaths.resolve(root, "/", "/home/admin/oceanbase/store/c/sstable/lab-server.json"));
    }

    @Test
    void relativePathsAndLinks_resolveFromTheCallersDirectory_andDotDotStopsAtTheHostsRoot() throws Exception {
        Files.createDirectories(root.resolve("home/admin/obproxy-4.2.1.0/bin"));
        Files.createSymbolicLink(root.resolve("home/admin/obproxy"), Path.of("obproxy-4.2.1.0"));
        assertEquals(root.resolve("home/admin/obproxy-4.2.1.0/bin/obproxy"),
                HostPaths.resolve(root, "/home/admin", "obproxy/bin/obproxy"));
        assertEquals(root.resolve("etc/passwd"), HostPaths.resolve(root, "/home", "../../../../etc/passwd"));
    }
}
