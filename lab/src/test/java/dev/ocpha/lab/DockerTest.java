package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static LabFleet fleet;
    static Path media;

    @BeforeAll
    static void start() {
        fleet = LabFleet.builder(dir.resolve("fleet")).hosts(2).sshPort(0).ocpStartDelay(Duration.ofMillis(200)).start();
        media = dir.resolve("media");
        LabMedia.generate(media, List.of(LabMedia.OCP, LabMedia.OAT, LabMedia.OCP.oci()), 64 * 1024);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void mediaAreDockerSaveArchives_withSha256sumChecksumsAndTrueDigests() throws Exception {
        assertTrue(Files.exists(media.resolve("ocp-4.2.2.tar")));
        String sum = Files.readString(media.resolve("ocp-4.2.2.tar.sha256"));
        assertTrue(sum.matches("[0-9a-f]{64}  ocp-4.2.2.tar\n"), sum);
        Process check = new ProcessBuilder("sha256sum", "-c", "ocp-4.2.2.tar.sha256").directory(media.toFile()).start();
        assertEquals(0, check.waitFor());

        Path legacy = extract("oat-4.3.0.tar");
        JsonNode manifest = JSON.readTree(legacy.resolve("manifest.json").toFile());
        assertTrue(manifest.isArray() && manifest.size() == 1, manifest.toString());
        assertEquals(LabMedia.OAT.image(), manifest.at("/0/RepoTags/0").asText());
        String configName = manifest.at("/0/Config").asText();
        assertEquals(sha256(legacy.resolve(configName)) + ".json", configName, "the config is named by its digest");
        JsonNode config = JSON.readTree(legacy.resolve(configName).toFile());
        assertEquals("amd64", config.get("architecture").asText());
        assertEquals("linux", config.get("os").asText());
        assertEquals("/oat/oat-server.py", config.at("/config/Cmd/1").asText());
        String layer = manifest.at("/0/Layers/0").asText();
        assertTrue(layer.matches("[0-9a-f]{64}/layer.tar"), layer);
        assertEquals("sha256:" + sha256(legacy.resolve(layer)), config.at("/rootfs/diff_ids/0").asText());
        assertEquals(layer.substring(0, 64), JSON.readTree(legacy.resolve("repositories").toFile())
                .at("/reg.example~1oceanbase~1oat/4.3.0").asText());

        Path oci = extract("ocp-4.2.2-oci.tar");
        assertEquals("1.0.0", JSON.readTree(oci.resolve("oci-layout").toFile()).get("imageLayoutVersion").asText());
        JsonNode index = JSON.readTree(oci.resolve("index.json").toFile());
        assertEquals("application/vnd.oci.image.index.v1+json", index.get("mediaType").asText());
        assertEquals(LabMedia.OCP.image(), index.at("/manifests/0/annotations/io.containerd.image.name").asText());
        try (var blobs = Files.list(oci.resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                assertEquals(blob.getFileName().toString(), sha256(blob), "a blob is named by its digest");
            }
        }
        JsonNode ociManifest = JSON.readTree(oci.resolve("manifest.json").toFile());
        assertTrue(ociManifest.at("/0/Layers/0").asText().startsWith("blobs/sha256/"), ociManifest.toString());
        assertTrue(ociManifest.at("/0/Config").asText().startsWith("blobs/sha256/"), ociManifest.toString());
    }

    @Test
    void dockerLoad_ofEitherLayout_printsLoadedImagePerRepoTag_andGarbageIsRefused() throws Exception {
        LabHost host = fleet.host(1);
        Files.copy(media.resolve("oat-4.3.0.tar"), host.root().resolve("tmp/oat.tar"));
        assertEquals("Loaded image: reg.example/oceanbase/oat:4.3.0\n", SshjClient.exec(fleet, host, "docker load -i /tmp/oat.tar"));
        assertTrue(SshjClient.exec(fleet, host, "docker images --format '{{.Repository}}:{{.Tag}}'").contains("reg.example/oceanbase/oat:4.3.0\n"));
        Files.copy(media.resolve("ocp-4.2.2-oci.tar"), host.root().resolve("tmp/ocp-oci.tar"));
        assertEquals("Loaded image: reg.example/oceanbase/ocp:4.2.2\n", SshjClient.exec(fleet, host, "docker load < /tmp/ocp-oci.tar"));
        assertEquals("amd64\n", SshjClient.exec(fleet, host, "docker inspect --format '{{.Architecture}}' " + LabMedia.OCP.image()));
        SshjClient.Result garbage = SshjClient.run(fleet, host, "head -c 3000 /dev/urandom > /tmp/x.tar; docker load -i /tmp/x.tar");
        assertEquals(1, garbage.status());
        assertTrue(garbage.err().contains("invalid tar"), garbage.err());
        SshjClient.Result missing = SshjClient.run(fleet, host, "docker load -i /tmp/none.tar");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void anArchiveWhoseManifestIsNotAnArray_isRejectedAsDockerRejectsIt() throws Exception {
        LabHost host = fleet.host(1);
        SshjClient.Result object = SshjClient.run(fleet, host, "mkdir -p /tmp/old && cd /tmp/old && printf '%s' "
                + "'{\"name\":\"ocp-4.2.2\",\"image\":\"reg.example/oceanbase/ocp:9.9\",\"kind\":\"OCP\"}' > manifest.json"
                + " && tar -cf /tmp/old.tar manifest.json && docker load -i /tmp/old.tar");
        assertEquals(1, object.status());
        assertEquals("json: cannot unmarshal object into Go value of type []tarexport.manifestItem\n", object.err());
        assertFalse(SshjClient.exec(fleet, host, "docker images").contains(":9.9"));
        SshjClient.Result tampered = SshjClient.run(fleet, host, "mkdir -p /tmp/t && cd /tmp/t && tar -xf /tmp/oat.tar"
                + " && for l in */layer.tar; do printf x >> \"$l\"; done && tar -cf /tmp/t.tar * && docker load -i /tmp/t.tar");
        assertEquals(1, tampered.status());
        assertTrue(tampered.err().startsWith("invalid diffID for layer 0: expected \"sha256:"), tampered.err());
    }

    private static void loadOat(LabHost host) throws Exception {
        Files.copy(media.resolve("oat-4.3.0.tar"), host.root().resolve("tmp/oat.tar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SshjClient.exec(fleet, host, "docker load -i /tmp/oat.tar");
    }

    private static Path extract(String tar) throws Exception {
        Path into = Files.createDirectories(dir.resolve("extracted").resolve(tar));
        Process x = new ProcessBuilder("tar", "-xf", media.resolve(tar).toString(), "-C", into.toString()).start();
        assertEquals(0, x.waitFor());
        return into;
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void containersRunWithLimitsAndEnvironment_andAnswerPsInspectStatsExecLogs() throws Exception {
        LabHost host = fleet.host(0);
        loadOat(host);
        SshjClient.Result run = SshjClient.run(fleet, host, "export SECRET_PASSWORD=s3cret; docker run -d --name box -p 3700:7000 "
                + "--cpu-period 100000 --cpu-quota 400000 --memory=8G -e BOX_ZONE=z1 -e SECRET_PASSWORD " + LabMedia.OAT.image());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().matches("[0-9a-f]{64}\n"), run.out());

        assertEquals("box\n", SshjClient.exec(fleet, host, "docker ps --filter name=box --format '{{.Names}}'"));
        assertEquals("true\n", SshjClient.exec(fleet, host, "docker inspect --format '{{.State.Running}}' box"));
        assertEquals(LabMedia.OAT.image() + "\n", SshjClient.exec(fleet, host, "docker inspect --format '{{.Config.Image}}' box"));
        assertEquals("400000 8589934592\n", SshjClient.exec(fleet, host, "docker inspect -f '{{.HostConfig.CpuQuota}} {{.HostConfig.Memory}}' box"));
        assertFalse(SshjClient.exec(fleet, host, "docker inspect box").contains("s3cret"));
        String stats = SshjClient.exec(fleet, host, "docker stats --no-stream --format '{{.Name}} {{.MemUsage}} {{.CPULimit}}' box");
        assertTrue(stats.matches("box [0-9.]+(GiB|MiB) / 8.00GiB 4.00\n"), stats);
        assertEquals("s3cret z1\n", SshjClient.exec(fleet, host, "docker exec box sh -c 'echo $SECRET_PASSWORD $BOX_ZONE'"));
        assertTrue(SshjClient.exec(fleet, host, "docker exec box pgrep -a python").contains("python /oat/oat-server.py"));
        assertTrue(SshjClient.exec(fleet, host, "docker logs box").contains("listening on " + host.address()));
        try (java.net.Socket s = new java.net.Socket(host.address(), 3700)) {
            assertTrue(s.isConnected()); // a real listener on the host's own address
        }

        SshjClient.Result again = SshjClient.run(fleet, host, "docker run -d --name box " + LabMedia.OAT.image());
        assertEquals(125, again.status());
        assertTrue(again.err().contains("The container name \"/box\" is already in use"), again.err());
        SshjClient.Result busy = SshjClient.run(fleet, host, "docker rm box");
        assertEquals(1, busy.status());
        assertTrue(busy.err().contains("You cannot remove a running container"), busy.err());
        assertEquals("box\n", SshjClient.exec(fleet, host, "docker stop box"));
        assertEquals("false\n", SshjClient.exec(fleet, host, "docker inspect --format '{{.State.Running}}' box"));
        assertEquals("", SshjClient.exec(fleet, host, "docker ps --filter name=box --format '{{.Names}}'"));
        assertEquals("box\n", SshjClient.exec(fleet, host, "docker ps -a --filter name=box --format '{{.Names}}'"));
        assertEquals("box\n", SshjClient.exec(fleet, host, "docker restart box"));
        assertEquals("box\n", SshjClient.exec(fleet, host, "docker rm -f box"));
        SshjClient.Result gone = SshjClient.run(fleet, host, "docker inspect box");
        assertEquals(1, gone.status());
        assertEquals("Error: No such object: box\n", gone.err());
    }

    @Test
    void aContainerOfAnOceanBaseImage_exitsAtItsStart_andItsLogSaysTheLabDoesNotModelIt() throws Exception {
        LabHost host = fleet.host(1);
        // an image as oceanbase/docker-images' oceanbase-ce describes itself: its program /root/boot/start.sh
        SshjClient.Result load = SshjClient.run(fleet, host, "mkdir -p /tmp/ob && cd /tmp/ob && printf '%s' "
                + "'{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/root/boot/start.sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}' > config.json && printf '%s' "
                + "'[{\"Config\":\"config.json\",\"RepoTags\":[\"oceanbase/oceanbase-ce:4.2.1\"],\"Layers\":[]}]' > manifest.json"
                + " && tar -cf /tmp/ob.tar manifest.json config.json && docker load -i /tmp/ob.tar");
        assertEquals("Loaded image: oceanbase/oceanbase-ce:4.2.1\n", load.out(), load.err());
        SshjClient.Result run = SshjClient.run(fleet, host, "docker run -d --name ob --network host -e MODE=mini "
                + "oceanbase/oceanbase-ce:4.2.1");
        assertEquals(0, run.status(), run.err());
        assertEquals("false 1\n", SshjClient.exec(fleet, host, "docker inspect --format '{{.State.Running}} {{.State.ExitCode}}' ob"));
        List<String> logs = SshjClient.exec(fleet, host, "docker logs ob").lines().toList();
        assertEquals(1, logs.size(), logs.toString());
        assertTrue(logs.get(0).contains("the image oceanbase/oceanbase-ce:4.2.1 is not modelled by the lab"), logs.get(0));
        assertEquals(1, SshjClient.run(fleet, host, "docker exec ob obclient -h 127.0.0.1 -P 2881 -uroot").status());
        assertEquals("ob\n", SshjClient.exec(fleet, host, "docker rm ob"));
    }

    @Test
    void runFailures_lookLikeDockers() throws Exception {
        LabHost host = fleet.host(0);
        loadOat(host);
        SshjClient.Result noImage = SshjClient.run(fleet, host, "docker run -d --name x reg.example/none:1");
        assertEquals(125, noImage.status());
        assertTrue(noImage.err().startsWith("Unable to find image 'reg.example/none:1' locally"), noImage.err());
        host.occupyPort(4881);
        try {
            SshjClient.Result taken = SshjClient.run(fleet, host, "docker run -d --name taken -p 4881:7000 " + LabMedia.OAT.image());
            assertEquals(125, taken.status());
            assertTrue(taken.err().contains(host.address() + ":4881: bind: address already in use"), taken.err());
        } finally {
            host.releasePort(4881);
            SshjClient.run(fleet, host, "docker rm -f taken");
        }
    }

    @Test
    void dockerVersion_reportsDocker_orPodmanUnderThatFault() throws Exception {
        LabHost host = fleet.host(1);
        assertEquals("24.0.7\n", SshjClient.exec(fleet, host, "docker version --format '{{.Server.Version}}'"));
        host.podmanDocker(true);
        try {
            SshjClient.Result podman = SshjClient.run(fleet, host, "docker version");
            assertTrue(podman.out().contains("Podman Engine"), podman.out());
        } finally {
            host.podmanDocker(false);
        }
        SshjClient.Result stopped = SshjClient.run(fleet, host, "systemctl stop docker; docker ps");
        assertEquals(1, stopped.status());
        assertTrue(stopped.err().contains("Is the docker daemon running?"), stopped.err());
        SshjClient.exec(fleet, host, "systemctl start docker");
    }

    @Test
    void theJournalRecordsDockerCallsInOrder() throws Exception {
        LabHost host = fleet.host(1);
        int before = host.journal().size();
        SshjClient.run(fleet, host, "docker ps -q; docker images -q; docker inspect nothing");
        List<JournalEntry> calls = host.journal().subList(before, host.journal().size());
        assertEquals(List.of("docker ps -q", "docker images -q", "docker inspect nothing"),
                calls.stream().map(JournalEntry::commandLine).toList());
        assertEquals(List.of(0, 0, 1), calls.stream().map(JournalEntry::exitStatus).toList());
    }
}
