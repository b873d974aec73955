package dev.ocpha.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemToolsTest {
    @TempDir
    static Path dir;
    static LabFleet fleet;

    @BeforeAll
    static void start() {
        fleet = LabFleet.start(dir, 2, 0);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @AfterEach
    void clear() {
        fleet.hosts().forEach(LabHost::clearFaults);
    }

    @Test
    void aFreshHostHasAnUntunedBaseline_soAProductionCheckFindsWork() throws Exception {
        SshjClient.Result r = SshjClient.run(fleet, fleet.host(0), "sysctl vm.swappiness vm.max_map_count net.core.somaxconn; "
                + "swapon --show; systemctl is-active firewalld chronyd crond sshd docker; getenforce; "
                + "cat /sys/kernel/mm/transparent_hugepage/enabled; grep -c nofile /etc/security/limits.conf");
        assertEquals("""
                vm.swappiness = 30
                vm.max_map_count = 65530
                net.core.somaxconn = 128
                NAME      TYPE      SIZE USED PRIO
                /dev/dm-1 partition   4G   0B   -2
                active
                active
                active
                active
                active
                Enforcing
                [always] madvise never
                0
                """, r.out(), r.err());
    }

    @Test
    void unknownKeysAndBadUsageFailWithTheToolsOwnMessages() throws Exception {
        SshjClient.Result unknown = SshjClient.run(fleet, fleet.host(0), "sysctl -n vm.no_such_key");
        assertEquals(255, unknown.status());
        assertEquals("sysctl: cannot stat /proc/sys/vm/no_such_key: No such file or directory\n", unknown.err());
        SshjClient.Result missingFile = SshjClient.run(fleet, fleet.host(0), "sysctl -p /etc/sysctl.d/none.conf");
        assertEquals(255, missingFile.status());
        assertTrue(missingFile.err().contains("cannot open \"/etc/sysctl.d/none.conf\""), missingFile.err());
        SshjClient.Result unit = SshjClient.run(fleet, fleet.host(0), "systemctl start ntpd");
        assertEquals(5, unit.status());
        assertTrue(unit.err().contains("ntpd.service does not exist"), unit.err());
        SshjClient.Result twice = SshjClient.run(fleet, fleet.host(0), "useradd bob && useradd bob");
        assertEquals(9, twice.status());
        assertEquals("useradd: user 'bob' already exists\n", twice.err());
    }

    @Test
    void clockOffset_isSeenByDateChronycAndNtpstat_andNotByOtherHosts() throws Exception {
        LabHost skewed = fleet.host(0);
        skewed.clockOffset(Duration.ofSeconds(3600));
        long now = System.currentTimeMillis() / 1000;
        long skewedEpoch = Long.parseLong(SshjClient.exec(fleet, skewed, "date +%s").trim());
        long otherEpoch = Long.parseLong(SshjClient.exec(fleet, fleet.host(1), "date +%s").trim());
        assertTrue(Math.abs(skewedEpoch - now - 3600) < 30, "skewed host says " + skewedEpoch + ", now " + now);
        assertTrue(Math.abs(otherEpoch - now) < 30, "other host says " + otherEpoch);
        assertTrue(SshjClient.exec(fleet, skewed, "chronyc tracking").contains("System time     : 3600.000000000 seconds fast of NTP time"));
        SshjClient.Result ntp = SshjClient.run(fleet, skewed, "ntpstat");
        assertEquals(1, ntp.status());
        assertTrue(ntp.out().startsWith("unsynchronised"), ntp.out());
        assertEquals(0, SshjClient.run(fleet, fleet.host(1), "ntpstat").status());
        assertEquals("2001-02-03\n", SshjClient.exec(fleet, skewed, "date -d 2001-02-03 +%F")); // an explicit date is kept
        SshjClient.Result stopped = SshjClient.run(fleet, skewed, "systemctl stop chronyd; chronyc tracking");
        assertEquals("506 Cannot talk to daemon\n", stopped.err());
        SshjClient.exec(fleet, skewed, "systemctl start chronyd");
    }

    @Test
    void diskNearlyFull_showsInDfForThatFilesystem() throws Exception {
        LabHost host = fleet.host(1);
        host.diskNearlyFull("/data", 512L * 1024 * 1024);
        String[] row = SshjClient.exec(fleet, host, "df -P -k /data | tail -1").trim().split("\\s+");
        assertEquals(Long.toString(512 * 1024), row[3], String.join(" ", row));
        assertTrue(Integer.parseInt(row[4].replace("%", "")) >= 99, String.join(" ", row));
        String human = SshjClient.exec(fleet, host, "df -h /data | tail -1");
        assertTrue(human.contains(" 512M "), human);
        host.clearFaults();
        assertFalse(SshjClient.exec(fleet, host, "df -h /data | tail -1").contains(" 512M "));
    }

    @Test
    void lowMemory_showsInProcMeminfoAndFree() throws Exception {
        LabHost host = fleet.host(1);
        host.lowMemory(8192, 512);
        String free = SshjClient.exec(fleet, host, "free -m | grep Mem:");
        String[] cols = free.trim().split("\\s+");
        assertEquals("8192", cols[1], free);
        assertEquals("512", cols[6], free);
        assertTrue(SshjClient.exec(fleet, host, "grep MemAvailable /proc/meminfo").contains(" 524288 kB"));
    }

    @Test
    void theJournalRecordsEveryStandInCallInOrder_withSecretsRedacted() throws Exception {
        LabHost host = fleet.host(1);
        int before = host.journal().size();
        SshjClient.exec(fleet, host, "sysctl -n vm.swappiness; systemctl is-active sshd; "
                + "MYSQL_PWD=x useradd -c 'DB_ROOT_PASSWORD=Secret#123' carol; getenforce");
        List<JournalEntry> calls = host.journal().subList(before, host.journal().size());
        assertEquals(List.of("sysctl -n vm.swappiness", "systemctl is-active sshd", "useradd -c DB_ROOT_PASSWORD=******"
                + " carol", "getenforce"), calls.stream().map(JournalEntry::commandLine).toList());
        assertEquals("30", calls.get(0).result());
        assertEquals(0, calls.get(0).exitStatus());
        assertTrue(java.nio.file.Files.readString(host.runtime().journal().file()).contains("\"tool\":\"getenforce\""));
        assertFalse(java.nio.file.Files.readString(host.runtime().journal().file()).contains("Secret#123"));
    }

    @Test
    void aFailingStandIn_failsNTimesThenSucceeds_andAHangingOneNeverReturns() throws Exception {
        LabHost host = fleet.host(0);
        host.failTool("sysctl", 2);
        assertEquals(1, SshjClient.run(fleet, host, "sysctl -n vm.swappiness").status());
        assertEquals(1, SshjClient.run(fleet, host, "sysctl -n vm.swappiness").status());
        assertEquals(0, SshjClient.run(fleet, host, "sysctl -n vm.swappiness").status());
        host.hangTool("getenforce");
        SshjClient.Result hung = SshjClient.run(fleet, host, "timeout 2 getenforce; echo status=$?");
        assertEquals("status=124\n", hung.out()); // timeout(1) had to kill it
        assertEquals(-1, host.journal().get(host.journal().size() - 1).exitStatus());
    }
}
