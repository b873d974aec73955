package dev.ocpha.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one script per host must parse in a plain POSIX shell whatever the probes end with. */
class ProbeScriptTest {

    @Test
    void everyCheckOfAMultiClusterHost_joinsIntoOneScriptThatPOSIXShParses() throws IOException, InterruptedException {
        CheckContext base = Hosts.production();
        CheckContext multiCluster = new CheckContext(base.host(), base.profile(), base.thresholds(),
                List.of(new CheckContext.MetaDbEndpoint("standby", "10.9.0.1", 2881)));
        List<HostCheck> catalog = List.of(new MetaDbReachabilityCheck(), new SwapCheck(), new OperatingSystemCheck());
        String script = HostProber.script(multiCluster, catalog);
        Process sh = new ProcessBuilder("/bin/sh", "-n", "-c", script).redirectErrorStream(true).start();
        String complaint = new String(sh.getInputStream().readAllBytes());
        assertEquals(0, sh.waitFor(), "sh cannot parse the probe script: " + complaint + "\n" + script);
    }

    @Test
    void reachabilityProbe_tellsARefusedPortFromAnUnreachableHost() throws IOException, InterruptedException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CheckContext base = Hosts.production();
        CheckContext context = new CheckContext(base.host(), base.profile(), base.thresholds(),
                List.of(new CheckContext.MetaDbEndpoint("other-site", "127.0.0.1", closedPort)));
        Process sh = new ProcessBuilder("/bin/sh", "-c", new MetaDbReachabilityCheck().probe(context))
                .redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes());
        sh.waitFor();
        assertEquals("other-site\trefused\t127.0.0.1", output.strip());
    }
}
