package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a freshly installed, not yet tuned CentOS 7.9 host looks like to a deployer: its own {@code /etc} (root-only
 * users, stock limits, SELinux enforcing, chrony), an un-tuned kernel-parameter baseline in its {@code /proc/sys}, the
 * transparent-hugepage defaults, and the directories that are its own. Files already present are kept, so a restarted
 * fleet keeps what deployers changed.
 */
final class HostSeed {
    /**
     * OCP's host standardization items
     * (oceanbase/ocp-doc@V4.2.2:zh-CN/850.host-features/700.host-standardized-inspection-scope.md), at the values a
     * stock CentOS 7 host has, so that checks find work and auto-fixes change state.
     */
    static final Map<String, String> UNTUNED_SYSCTL = untuned();
    private static final List<String> OWN_DIRS = List.of("root", "home", "data", "log", "opt/lab/bin", "opt/lab/libexec",
            "var/lib/docker", "var/lib/rpm",
            "var/log", "run", "srv", "mnt", "usr", "proc", "sys", "dev/pts", "dev/shm", "etc/security/limits.d",
            "etc/sysctl.d", "etc/selinux", "etc/yum.repos.d");
    /** /etc entries of the machine that the real programs under /usr need (dynamic linker, Debian alternatives). */
    static final List<String> SHARED_ETC = List.of("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives");
    static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

    private HostSeed() {
    }

    /** Writes what is missing; spawns no process (each costs tens of ms here, and 50 hosts seed at once). */
    static void seed(Path root, Path state, String hostname, String address) {
        try {
            for (String dir : OWN_DIRS) {
                Files.createDirectories(root.resolve(dir));
            }
            for (String sticky : List.of("tmp", "var/tmp")) {
                Path dir = root.resolve(sticky);
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir);
                    Files.setAttribute(dir, "unix:mode", 01777);
                }
            }
            Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions.fromString("rwx------"));
            for (String device : DEVICES) {
                Path node = root.resolve("dev").resolve(device);
                createFile(node); // the target the machine's device node is bound onto
            }
            symlink(root.resolve("dev/fd"), "/proc/self/fd");
            symlink(root.resolve("dev/stdin"), "/proc/self/fd/0");
            symlink(root.resolve("dev/stdout"), "/proc/self/fd/1");
            symlink(root.resolve("dev/stderr"), "/proc/self/fd/2");
            for (String merged : List.of("bin", "sbin", "lib", "lib64")) {
                Path real = Path.of("/" + merged);
                if (Files.isSymbolicLink(real)) {
                    symlink(root.resolve(merged), Files.readSymbolicLink(real).toString());
                }
            }
            seedEtc(root.resolve("etc"), hostname, address);
            seedState(state, hostname);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed the root of " + hostname + " in " + root, e);
        }
    }

    private static void seedEtc(Path etc, String hostname, String address) throws IOException {
        write(etc.resolve("os-release"), """
                NAME="CentOS Linux"
                VERSION="7 (Core)"
                ID="centos"
                ID_LIKE="rhel fedora"
                VERSION_ID="7"
                PRETTY_NAME="CentOS Linux 7 (Core)"
                ANSI_COLOR="0;31"
                CPE_NAME="cpe:/o:centos:centos:7"
                HOME_URL="https://www.centos.org/"
                BUG_REPORT_URL="https://bugs.centos.org/"
                """);
        write(etc.resolve("redhat-release"), "CentOS Linux release 7.9.2009 (Core)\n");
        write(etc.resolve("centos-release"), "CentOS Linux release 7.9.2009 (Core)\n");
        write(etc.resolve("system-release"), "CentOS Linux release 7.9.2009 (Core)\n");
        // root, and the user OpenSSH's privilege separation runs as (as CentOS 7's openssh-server package adds it)
        write(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "sshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin\n");
        write(etc.resolve("group"), "root:x:0:\nsshd:x:74:\n");
        write(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\nsshd:!!:19000::::::\n");
        write(etc.resolve("gshadow"), "root:::\nsshd:!::\n");
        write(etc.resolve("hostname"), hostname + "\n");
        write(etc.resolve("hosts"), """
                127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4
                ::1         localhost localhost.localdomain localhost6 localhost6.localdomain6
                %s %s
                """.formatted(address, hostname));
        write(etc.resolve("nsswitch.conf"), """
                passwd:     files
                shadow:     files
                group:      files
                hosts:      files dns
                """);
        write(etc.resolve("security/limits.conf"), """
                # /etc/security/limits.conf
                #
                #This file sets the resource limits for the users logged in via PAM.
                #
                #<domain>      <type>  <item>         <value>
                #
                #*               soft    core            0
                #*               hard    rss             10000
                #@student        hard    nproc           20

                # End of file
                """);
        write(etc.resolve("security/limits.d/20-nproc.conf"), """
                # Default limit for number of user's processes to prevent
                # accidental fork bombs.
                *          soft    nproc     4096
                root       soft    nproc     unlimited
                """);
        write(etc.resolve("sysctl.conf"), """
                # System default settings live in /usr/lib/sysctl.d/00-system.conf.
                # To override those settings, enter new settings here, or in an /etc/sysctl.d/<name>.conf file
                """);
        write(etc.resolve("selinux/config"), """
                # This file controls the state of SELinux on the system.
                SELINUX=enforcing
                SELINUXTYPE=targeted
                """);
        write(etc.resolve("chrony.conf"), """
                server 0.centos.pool.ntp.org iburst
                server 1.centos.pool.ntp.org iburst
                driftfile /var/lib/chrony/drift
                makestep 1.0 3
                rtcsync
                logdir /var/log/chrony
                """);
        write(etc.resolve("fstab"), """
                /dev/mapper/centos-root /                       xfs     defaults        0 0
                /dev/mapper/centos-swap swap                    swap    defaults        0 0
                """);
        // what the real programs under /usr need from /etc to run at all: bound read-only from the machine
        for (String shared : SHARED_ETC) {
            Path real = Path.of("/etc").resolve(shared);
            Path target = etc.resolve(shared);
            if (Files.isDirectory(real)) {
                Files.createDirectories(target);
            } else if (Files.exists(real) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                createFile(target);
            }
        }
        copyIfPresent(Path.of("/etc/localtime"), etc.resolve("localtime"));
        seedRpm(etc);
    }

    /**
     * The host's {@code rpm} is Debian's (in the machine's read-only /usr). Two settings make it behave as CentOS 7's:
     * its database where CentOS keeps it, {@code /var/lib/rpm} of the host (Debian's default is the caller's
     * {@code ~/.rpmdb}), and no "use Alien instead!" complaint on install and erase (Debian's patch; its README.Debian
     * names {@code --force-debian}, added here through popt aliases, which rpm reads from the host's /etc).
     */
    private static void seedRpm(Path etc) throws IOException {
        write(etc.resolve("rpm/macros.lab"), """
                # lab host: the rpm database where CentOS 7 keeps it
                %_dbpath /var/lib/rpm
                """);
        StringBuilder aliases = new StringBuilder("# lab host: Debian's rpm without its Debian-only warning\n");
        Map<String, String> installAndErase = Map.of("-i", "--install", "-U", "--upgrade", "-F", "--freshen", "-e", "--erase");
        installAndErase.forEach((shortOption, longOption) -> {
            aliases.append("rpm alias ").append(shortOption).append(' ').append(longOption).append(" --force-debian\n");
            aliases.append("rpm alias ").append(longOption).append(' ').append(longOption).append(" --force-debian\n");
        });
        write(etc.resolve("popt.d/lab-rpm"), aliases.toString());
    }

    private static void seedState(Path state, String hostname) throws IOException {
        Map<String, String> sysctl = new LinkedHashMap<>(UNTUNED_SYSCTL);
        sysctl.put("kernel.hostname", hostname);
        for (Map.Entry<String, String> e : sysctl.entrySet()) {
            write(state.resolve("proc-sys").resolve(e.getKey().replace('.', '/')), e.getValue() + "\n");
        }
        write(state.resolve("transparent_hugepage/enabled"), "[always] madvise never\n");
        write(state.resolve("transparent_hugepage/defrag"), "[always] madvise defer defer+madvise never\n");
    }

    private static Map<String, String> untuned() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("net.core.somaxconn", "128");
        m.put("net.core.netdev_max_backlog", "1000");
        m.put("net.core.rmem_default", "212992");
        m.put("net.core.wmem_default", "212992");
        m.put("net.core.rmem_max", "212992");
        m.put("net.core.wmem_max", "212992");
        m.put("net.ipv4.conf.default.rp_filter", "1");
        m.put("net.ipv4.conf.default.accept_source_route", "0");
        m.put("net.ipv4.tcp_syncookies", "1");
        m.put("net.ipv4.tcp_rmem", "4096\t87380\t6291456");
        m.put("net.ipv4.tcp_wmem", "4096\t16384\t4194304");
        m.put("net.ipv4.tcp_max_syn_backlog", "512");
        m.put("net.ipv4.tcp_fin_timeout", "60");
        m.put("net.ipv4.tcp_tw_reuse", "0");
        m.put("net.ipv4.tcp_slow_start_after_idle", "1");
        m.put("net.ipv4.ip_local_port_range", "32768\t60999");
        m.put("vm.swappiness", "30");
        m.put("vm.min_free_kbytes", "67584");
        m.put("vm.max_map_count", "65530");
        m.put("vm.overcommit_memory", "0");
        m.put("vm.nr_hugepages", "0");
        m.put("vm.zone_reclaim_mode", "0");
        m.put("fs.aio-max-nr", "65536");
        m.put("fs.file-max", "2417786");
        m.put("fs.pipe-user-pages-soft", "16384");
        m.put("kernel.numa_balancing", "1");
        m.put("kernel.osrelease", "3.10.0-1160.el7.x86_64");
        m.put("kernel.pid_max", "32768");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void write(Path file, String content) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException ignored) {
            // a bind-mount target from an earlier start
        }
    }

    private static void symlink(Path link, String target) throws IOException {
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of(target));
        }
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        if (Files.exists(from, LinkOption.NOFOLLOW_LINKS) && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

}
