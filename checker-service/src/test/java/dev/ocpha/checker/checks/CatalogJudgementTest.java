package dev.ocpha.checker.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.HostRoles;
import dev.ocpha.contracts.model.CheckResult;
import dev.ocpha.contracts.model.HostRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's judgements on outputs captured from real hosts. */
class CatalogJudgementTest {

    private static CheckResult only(List<CheckResult> results) {
        assertEquals(1, results.size(), results.toString());
        return results.get(0);
    }

    @Test
    void centos79OnX86_isInOcpsMatrix() {
        String centos = "x86_64\nNAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"\n";
        CheckResult r = only(new OperatingSystemCheck().evaluate(Hosts.production(),
                centos + "REDHAT_RELEASE=CentOS Linux release 7.9.2009 (Core)\n"));
        assertEquals("PASS", r.status(), r.toString());
        CheckResult old = only(new OperatingSystemCheck().evaluate(Hosts.production(),
                centos + "REDHAT_RELEASE=CentOS Linux release 7.1.1503 (Core)\n"));
        assertEquals("FAIL", old.status());
        CheckResult unknownMinor = only(new OperatingSystemCheck().evaluate(Hosts.production(), centos + "REDHAT_RELEASE=\n"));
        assertEquals("WARN", unknownMinor.status());
        CheckResult alinux = only(new OperatingSystemCheck().evaluate(Hosts.production(),
                "x86_64\nID=\"alinux\"\nVERSION_ID=\"3\"\nPRETTY_NAME=\"Alibaba Cloud Linux 3\"\n"));
        assertEquals("PASS", alinux.status(), alinux.toString());
    }

    @Test
    void centos8_failsAndDebian12_warns() {
        assertEquals("FAIL", only(new OperatingSystemCheck().evaluate(Hosts.production(),
                "x86_64\nID=\"centos\"\nVERSION_ID=\"8.5\"\n")).status());
        CheckResult debian = only(new OperatingSystemCheck().evaluate(Hosts.production(),
                "x86_64\nID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
        assertEquals("WARN", debian.status());
        assertEquals("Debian GNU/Linux 12 (bookworm) x86_64", debian.observed());
    }

    @Test
    void unsupportedArchitecture_fails() {
        CheckResult r = only(new OperatingSystemCheck().evaluate(Hosts.production(), "ppc64le\nID=rhel\nVERSION_ID=7.9\n"));
        assertEquals("FAIL", r.status());
        assertTrue(r.message().contains("ppc64le"));
    }

    @Test
    void twoCoresAgainstProduction_failsWithObservedAndExpectedNumbers() {
        CheckResult r = only(new CpuCoresCheck().evaluate(Hosts.production(), "2\n"));
        assertEquals("FAIL", r.status());
        assertEquals("2 cores", r.observed());
        assertTrue(r.expected().startsWith("at least 17 cores"), r.expected());
        CheckResult sandbox = only(new CpuCoresCheck().evaluate(
                Hosts.context("10.0.0.5", SizingProfile.SANDBOX, HostRoles.ALL, null), "2\n"));
        assertEquals("PASS", sandbox.status());
    }

    @Test
    void availableMemory_isJudgedOnMemAvailableNotMemTotal() {
        String meminfo = "MemTotal:       24590292 kB\nMemAvailable:    3145728 kB\n";
        CheckResult r = only(new AvailableMemoryCheck().evaluate(
                Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null), meminfo));
        assertEquals("FAIL", r.status());
        assertEquals("3.0 GB available of 23.5 GB", r.observed());
        assertTrue(r.expected().startsWith("at least 16 GB available"));
    }

    @Test
    void diskFree_perPlannedPath_measuresTheNearestExistingParent() {
        CheckContext context = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.METADB),
                new HostRequirement(4, 8, Map.of("/data/1", 100, "/log/1", 10), List.of(2881), "test"));
        String output = "/data/1\t/\n/log/1\t/log/1\n@df\nFilesystem 1024-blocks Used Available Capacity Mounted on\n"
                + "/dev/vda1 103081248 40000000 52428800 44% /\n/dev/vdb1 103081248 1000 1048576 1% /log\n";
        List<CheckResult> results = new DiskFreeCheck().evaluate(context, output);
        CheckResult data = results.stream().filter(r -> r.check().equals("disk-free:/data/1")).findFirst().orElseThrow();
        CheckResult log = results.stream().filter(r -> r.check().equals("disk-free:/log/1")).findFirst().orElseThrow();
        assertEquals("FAIL", data.status());
        assertEquals("50.0 GB free (on /, /data/1 does not exist yet)", data.observed());
        assertEquals("FAIL", log.status());
        assertEquals("1.0 GB free", log.observed());
    }

    @Test
    void listenerOnTheHostsOwnAddress_failsOnlyThatPort() {
        CheckContext context = Hosts.context("127.0.10.3", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null);
        // 127.0.10.3:8080, 127.0.10.4:8080 (another lab host), 0.0.0.0:22
        String output = "030A007F:1F90\n040A007F:1F90\n00000000:0016\n";
        CheckResult r = only(new PortsFreeCheck().evaluate(context, output));
        assertEquals("port-free:8080", r.check());
        assertEquals("FAIL", r.status());
        assertEquals("listening on 127.0.10.3:8080", r.observed());
        CheckContext other = Hosts.context("127.0.10.5", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null);
        assertEquals("PASS", only(new PortsFreeCheck().evaluate(other, output)).status());
    }

    @Test
    void wildcardListener_takesThePortOnEveryAddress() {
        CheckContext context = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.OBPROXY), null);
        // :::2883 in /proc/net/tcp6
        List<CheckResult> results = new PortsFreeCheck().evaluate(context, "00000000000000000000000000000000:0B43\n");
        assertEquals("FAIL", results.stream().filter(r -> r.check().equals("port-free:2883")).findFirst().orElseThrow().status());
        assertEquals("PASS", results.stream().filter(r -> r.check().equals("port-free:2884")).findFirst().orElseThrow().status());
    }

    @Test
    void podmanDocker_failsAndOldDocker_failsAndCurrentDocker_passes() {
        DockerCheck docker = new DockerCheck();
        assertEquals("FAIL", only(docker.evaluate(Hosts.production(), "podman version 4.4.1\nserver 4.4.1\n")).status());
        CheckResult old = only(docker.evaluate(Hosts.production(), "Docker version 1.13.1, build 7d71120\nserver 1.13.1\n"));
        assertEquals("FAIL", old.status());
        assertEquals("Docker 1.13.1", old.observed());
        assertEquals("PASS", only(docker.evaluate(Hosts.production(), "Docker version 24.0.7, build afdd53b\nserver 24.0.7\n")).status());
        CheckResult missing = only(docker.evaluate(Hosts.production(), "docker: command not found\n"));
        assertEquals("not installed", missing.observed());
        CheckResult down = only(docker.evaluate(Hosts.production(),
                "Docker version 24.0.7, build afdd53b\nserver\nCannot connect to the Docker daemon at unix:///var/run/docker.sock.\n"));
        assertEquals("FAIL", down.status());
        assertEquals("systemctl enable --now docker", down.remediation());
    }

    @Test
    void untunedKernel_failsEachParameterWithItsPersistingFix() {
        String output = "net.core.somaxconn = 128\nvm.swappiness = 30\nvm.max_map_count = 65530\n"
                + "net.ipv4.tcp_rmem = 4096\t131072\t6291456\nfs.aio-max-nr = 1048576\n";
        List<CheckResult> results = new KernelParametersCheck().evaluate(Hosts.production(), output);
        assertEquals(KernelParametersCheck.PARAMETERS.size(), results.size());
        CheckResult somaxconn = byCheck(results, "kernel:net.core.somaxconn");
        assertEquals("FAIL", somaxconn.status());
        assertEquals("128", somaxconn.observed());
        assertEquals("2048–16384", somaxconn.expected());
        assertTrue(somaxconn.autoFixable());
        assertEquals("sysctl -w 'net.core.somaxconn=2048' && mkdir -p /etc/sysctl.d && touch /etc/sysctl.d/oceanbase.conf"
                + " && sed -i '/^net\\.core\\.somaxconn[[:space:]]*=/d' /etc/sysctl.d/oceanbase.conf"
                + " && echo 'net.core.somaxconn = 2048' >> /etc/sysctl.d/oceanbase.conf", somaxconn.remediation());
        CheckResult rmem = byCheck(results, "kernel:net.ipv4.tcp_rmem");
        assertEquals("FAIL", rmem.status()); // max 6291456 below 8388608
        assertEquals("4096 131072 6291456", rmem.observed());
        assertEquals("PASS", byCheck(results, "kernel:fs.aio-max-nr").status());
        assertEquals("WARN", byCheck(results, "kernel:kernel.numa_balancing").status());
    }

    @Test
    void kernelRanges_acceptValuesOnTheirBounds() {
        assertTrue(KernelParametersCheck.within("2048", new long[][] {{2048, 16384}}));
        assertTrue(KernelParametersCheck.within("8192 174760 16777216",
                new long[][] {{4096, 8192}, {65536, 174760}, {8388608, 16777216}}));
        assertFalse(KernelParametersCheck.within("16385", new long[][] {{2048, 16384}}));
        assertFalse(KernelParametersCheck.within("4096 87380", new long[][] {{4096, 8192}, {65536, 174760}, {8388608, 16777216}}));
    }

    @Test
    void ulimits_laterFilesOverrideAndStarDoesNotApplyToRoot() {
        String good = "* soft nofile 1024\n" + String.join("\n",
                "root soft nofile 655350", "root hard nofile 655350", "admin soft nofile 655350", "admin hard nofile 655350",
                "admin soft stack 10240", "admin hard stack 10240", "admin soft nproc 655360", "admin hard nproc 655360",
                "admin - core unlimited") + "\n";
        assertEquals("PASS", only(new UlimitsCheck().evaluate(Hosts.production(), good)).status());
        CheckResult starOnly = only(new UlimitsCheck().evaluate(Hosts.production(), "* - nofile 655350\n"));
        assertEquals("FAIL", starOnly.status());
        assertTrue(starOnly.message().contains("root soft nofile"), starOnly.message());
        assertTrue(starOnly.autoFixable());
        assertTrue(starOnly.remediation().endsWith("> /etc/security/limits.d/99-oceanbase_limits.conf"));
        CheckResult overridden = only(new UlimitsCheck().evaluate(Hosts.production(), good + "admin soft nofile 4096\n"));
        assertEquals("FAIL", overridden.status());
    }

    @Test
    void hugepagesSwapSelinuxFirewall_judgeTheirOutputs() {
        CheckContext context = Hosts.production();
        assertEquals("FAIL", only(new TransparentHugepagesCheck().evaluate(context, "always [madvise] never\n")).status());
        assertEquals("PASS", only(new SwapCheck().evaluate(context, "Filename\tType\tSize\tUsed\tPriority\n")).status());
        assertEquals("PASS", only(new TransparentHugepagesCheck().evaluate(context, "always madvise [never]\n")).status());
        CheckResult swap = only(new SwapCheck().evaluate(context, "/swapfile file 2G 0B -2\n"));
        assertEquals("on: /swapfile", swap.observed());
        assertTrue(swap.autoFixable());
        assertEquals("PASS", only(new SwapCheck().evaluate(context, "")).status());
        CheckResult selinux = only(new SelinuxCheck().evaluate(context, "Enforcing\nSELINUX=enforcing\n"));
        assertEquals("FAIL", selinux.status());
        assertFalse(selinux.autoFixable());
        assertEquals("PASS", only(new SelinuxCheck().evaluate(context, "Disabled\n")).status());
        CheckResult firewall = only(new FirewallCheck().evaluate(context, "state active\nports \n"));
        assertEquals("FAIL", firewall.status());
        assertEquals(FirewallCheck.FIX, firewall.remediation());
        assertEquals("PASS", only(new FirewallCheck().evaluate(context, "state inactive\n")).status());
        CheckContext ocpOnly = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null);
        assertEquals("PASS", only(new FirewallCheck().evaluate(ocpOnly, "state active\nports 8080/tcp 22/tcp\n")).status());
    }

    @Test
    void adminUserDirectoriesAndNtp_judgeTheirOutputs() {
        CheckContext context = Hosts.production();
        assertEquals("PASS", only(new AdminUserCheck().evaluate(context, "admin:x:500:500::/home/admin:/bin/bash\n")).status());
        CheckResult wrongUid = only(new AdminUserCheck().evaluate(context, "admin:x:1001:1001::/home/admin:/bin/bash\n"));
        assertEquals("uid 1001, gid 1001", wrongUid.observed());
        assertEquals("FAIL", only(new AdminUserCheck().evaluate(context, "")).status());
        List<CheckResult> dirs = new DirectoriesCheck().evaluate(context,
                "/home/admin/oceanbase\t0\n/data/1\t0\n/log/1\tmissing\n@owners\n"
                        + "drwxr-xr-x 2 admin admin 4096 Nov 24 10:00 /home/admin/oceanbase\n"
                        + "drwxr-xr-x 2 root root 4096 Nov 24 10:00 /data/1\n");
        assertEquals("PASS", byCheck(dirs, "directory:/home/admin/oceanbase").status());
        assertEquals("FAIL", byCheck(dirs, "directory:/data/1").status());
        assertEquals("WARN", byCheck(dirs, "directory:/log/1").status());
        String chrony = "Reference ID    : A9FEA97B (169.254.169.123)\nLeap status     : Normal\n"
                + "System time     : 0.250000000 seconds slow of NTP time\n";
        CheckResult ntp = only(new NtpCheck().evaluate(context, chrony));
        assertEquals("FAIL", ntp.status());
        assertEquals("chrony, 250.000 ms slow", ntp.observed());
        assertEquals("PASS", only(new NtpCheck().evaluate(context,
                chrony.replace("0.250000000", "0.000012000"))).status());
        assertEquals("FAIL", only(new NtpCheck().evaluate(context, "no NTP client\n")).status());
    }

    @Test
    void metaDbReachability_namesUnresolvedAndClosedEndpoints() {
        CheckContext base = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null);
        CheckContext context = new CheckContext(base.host(), base.profile(), base.thresholds(), List.of(
                new CheckContext.MetaDbEndpoint("ocp-b", "meta-b.example", 2881),
                new CheckContext.MetaDbEndpoint("ocp-c", "10.1.0.9", 2883)));
        List<CheckResult> results = new MetaDbReachabilityCheck().evaluate(context, "ocp-b\tunresolved\nocp-c\tclosed\t10.1.0.9\n");
        assertEquals("meta-b.example unresolved", byCheck(results, "metadb-reachable:ocp-b").observed());
        assertEquals("FAIL", byCheck(results, "metadb-reachable:ocp-c").status());
        assertTrue(new MetaDbReachabilityCheck().probe(context).contains("/dev/tcp/$ip/2883"));
    }

    @Test
    void metaDbReachability_aRefusedConnectionPasses_forTheMetaDbIsInstalledLater() {
        CheckContext base = Hosts.context("10.0.0.5", SizingProfile.PRODUCTION, List.of(HostRoles.OCP_SERVER), null);
        CheckContext context = new CheckContext(base.host(), base.profile(), base.thresholds(), List.of(
                new CheckContext.MetaDbEndpoint("ocp-b", "10.1.0.9", 2883)));
        CheckResult result = byCheck(new MetaDbReachabilityCheck().evaluate(context, "ocp-b\trefused\t10.1.0.9\n"),
                "metadb-reachable:ocp-b");
        assertEquals("PASS", result.status());
        assertTrue(result.observed().contains("not listening yet"), result.observed());
    }

    @Test
    void gradingMakesWarningChecksWarnAndStrictFail() {
        CheckResult failure = Verdicts.fail("h", "x", "o", "e", "m");
        assertEquals("WARN", Verdicts.grade(failure, Severity.WARNING, false).status());
        assertEquals("FAIL", Verdicts.grade(failure, Severity.WARNING, true).status());
        assertEquals("FAIL", Verdicts.grade(failure, Severity.CRITICAL, false).status());
        CheckResult warning = Verdicts.warn("h", "x", "o", "e", "m", null);
        assertEquals("WARN", Verdicts.grade(warning, Severity.CRITICAL, false).status());
        assertEquals("FAIL", Verdicts.grade(warning, Severity.CRITICAL, true).status());
    }

    static CheckResult byCheck(List<CheckResult> results, String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " in " + results));
    }
}
