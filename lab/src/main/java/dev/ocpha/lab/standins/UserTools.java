package dev.ocpha.lab.standins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * useradd, groupadd, usermod and userdel (shadow-utils flags and exit codes) editing the host's own /etc/passwd,
 * /etc/group, /etc/shadow and /etc/gshadow, so the real {@code id}, {@code ls -l} and {@code chown} see the result.
 */
final class UserTools {
    private static final Object LOCK = new Object();

    private UserTools() {
    }

    static void register(ControlServer server) {
        server.tool("groupadd", UserTools::groupadd);
        server.tool("useradd", UserTools::useradd);
        server.tool("usermod", UserTools::usermod);
        server.tool("userdel", UserTools::userdel);
    }

    private record Db(Path passwd, Path group, Path shadow, Path gshadow) {
        static Db of(ToolCall c) {
            return new Db(c.hostPath("/etc/passwd"), c.hostPath("/etc/group"), c.hostPath("/etc/shadow"), c.hostPath("/etc/gshadow"));
        }

        List<String[]> users() throws IOException {
            return rows(passwd);
        }

        List<String[]> groups() throws IOException {
            return rows(group);
        }

        static List<String[]> rows(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new ArrayList<>();
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(line.split(":", -1));
                }
            }
            return rows;
        }

        static void write(Path file, List<String[]> rows) throws IOException {
            StringBuilder s = new StringBuilder();
            rows.forEach(r -> s.append(String.join(":", r)).append('\n'));
            Files.writeString(file, s.toString());
        }

        static void append(Path file, String line) throws IOException {
            Files.writeString(file, (Files.exists(file) ? Files.readString(file) : "") + line + "\n");
        }
    }

    private static Optional<String[]> find(List<String[]> rows, String name) {
        return rows.stream().filter(r -> r[0].equals(name)).findFirst();
    }

    private static Optional<String[]> findGroup(List<String[]> groups, String nameOrId) {
        return groups.stream().filter(g -> g[0].equals(nameOrId) || g[2].equals(nameOrId)).findFirst();
    }

    static int groupadd(ToolCall c) throws IOException {
        String gid = null;
        boolean force = false;
        boolean system = false;
        String name = null;
        List<String> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            switch (a.get(i)) {
                case "-g", "--gid" -> gid = a.get(++i);
                case "-f", "--force" -> force = true;
                case "-r", "--system" -> system = true;
                case "-o", "--non-unique" -> { }
                default -> name = a.get(i);
            }
        }
        if (name == null) {
            return c.fail(2, "Usage: groupadd [options] GROUP");
        }
        synchronized (LOCK) {
            Db db = Db.of(c);
            List<String[]> groups = db.groups();
            if (find(groups, name).isPresent()) {
                return force ? 0 : c.fail(9, "groupadd: group '" + name + "' already exists");
            }
            final String wanted = gid;
            if (wanted != null && groups.stream().anyMatch(g -> g[2].equals(wanted))) {
                return c.fail(4, "groupadd: GID '" + gid + "' already exists");
            }
            if (gid == null) {
                gid = Integer.toString(nextId(groups, 2, system ? 201 : 1000));
            }
            Db.append(db.group(), name + ":x:" + gid + ":");
            Db.append(db.gshadow(), name + ":!::");
        }
        return 0;
    }

    static int useradd(ToolCall c) throws IOException {
        String uid = null;
        String group = null;
        String home = null;
        String shell = "/bin/bash";
        String comment = "";
        String supplementary = null;
        boolean createHome = true;
        boolean system = false;
        boolean userGroup = true;
        String name = null;
        List<String> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            switch (a.get(i)) {
                case "-u", "--uid" -> uid = a.get(++i);
                case "-g", "--gid" -> group = a.get(++i);
                case "-G", "--groups" -> supplementary = a.get(++i);
                case "-d", "--home-dir" -> home = a.get(++i);
                case "-s", "--shell" -> shell = a.get(++i);
                case "-c", "--comment" -> comment = a.get(++i);
                case "-m", "--create-home" -> createHome = true;
                case "-M", "--no-create-home" -> createHome = false;
                case "-r", "--system" -> {
                    system = true;
                    createHome = false;
                }
                case "-N", "--no-user-group" -> userGroup = false;
                case "-U", "--user-group", "-o", "--non-unique" -> { }
                case "-p", "--password" -> i++;
                default -> {
                    if (a.get(i).startsWith("-")) {
                        return c.fail(2, "useradd: invalid option -- '" + a.get(i) + "'");
                    }
                    name = a.get(i);
                }
            }
        }
        if (name == null) {
            return c.fail(2, "Usage: useradd [options] LOGIN");
        }
        if (!name.matches("[a-z_][a-z0-9_-]*\\$?")) {
            return c.fail(3, "useradd: invalid user name '" + name + "'");
        }
        synchronized (LOCK) {
            Db db = Db.of(c);
            List<String[]> users = db.users();
            List<String[]> groups = db.groups();
            if (find(users, name).isPresent()) {
                return c.fail(9, "useradd: user '" + name + "' already exists");
            }
            final String wantedUid = uid;
            if (wantedUid != null && users.stream().anyMatch(u -> u[2].equals(wantedUid))) {
                return c.fail(4, "useradd: UID " + uid + " is not unique");
            }
            if (uid == null) {
                uid = Integer.toString(nextId(users, 2, system ? 201 : 1000));
            }
            String gid;
            if (group != null) {
                Optional<String[]> g = findGroup(groups, group);
                if (g.isEmpty()) {
                    return c.fail(6, "useradd: group '" + group + "' does not exist");
                }
                gid = g.get()[2];
            } else if (userGroup) {
                if (find(groups, name).isPresent()) {
                    return c.fail(9, "useradd: group " + name + " exists - if you want to add this user to that group, use -g.");
                }
                final String candidate = uid;
                gid = groups.stream().anyMatch(g -> g[2].equals(candidate)) ? Integer.toString(nextId(groups, 2, 1000)) : uid;
                Db.append(db.group(), name + ":x:" + gid + ":");
                Db.append(db.gshadow(), name + ":!::");
                groups = db.groups();
            } else {
                gid = "100";
            }
            if (supplementary != null) {
                for (String g : supplementary.split(",")) {
                    if (findGroup(groups, g).isEmpty()) {
                        return c.fail(6, "useradd: group '" + g + "' does not exist");
                    }
                }
                addMembers(db, groups, Arrays.asList(supplementary.split(",")), name);
            }
            String homeDir = home != null ? home : "/home/" + name;
            Db.append(db.passwd(), String.join(":", name, "x", uid, gid, comment, homeDir, shell));
            Db.append(db.shadow(), name + ":!!:19000:0:99999:7:::");
            if (createHome) {
                Path dir = c.hostPath(homeDir);
                if (!Files.exists(dir)) {
                    Files.createDirectories(dir);
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    chown(dir, uid, gid);
                }
            }
        }
        return 0;
    }

    static int usermod(ToolCall c) throws IOException {
        List<String> a = c.args();
        if (a.isEmpty()) {
            return c.fail(2, "Usage: usermod [options] LOGIN");
        }
        String name = a.get(a.size() - 1);
        synchronized (LOCK) {
            Db db = Db.of(c);
            List<String[]> users = db.users();
            List<String[]> groups = db.groups();
            Optional<String[]> user = find(users, name);
            if (user.isEmpty()) {
                return c.fail(6, "usermod: user '" + name + "' does not exist");
            }
            String[] u = user.get();
            boolean append = a.contains("-a") || a.contains("--append");
            for (int i = 0; i < a.size() - 1; i++) {
                switch (a.get(i)) {
                    case "-u", "--uid" -> u[2] = a.get(++i);
                    case "-g", "--gid" -> {
                        Optional<String[]> g = findGroup(groups, a.get(++i));
                        if (g.isEmpty()) {
                            return c.fail(6, "usermod: group '" + a.get(i) + "' does not exist");
                        }
                        u[3] = g.get()[2];
                    }
                    case "-G", "--groups" -> {
                        List<String> wanted = Arrays.asList(a.get(++i).split(","));
                        for (String g : wanted) {
                            if (findGroup(groups, g).isEmpty()) {
                                return c.fail(6, "usermod: group '" + g + "' does not exist");
                            }
                        }
                        if (!append) {
                            for (String[] g : groups) {
                                if (g.length > 3) {
                                    g[3] = String.join(",", Stream.of(g[3].split(",")).filter(m -> !m.isEmpty() && !m.equals(name)).toList());
                                }
                            }
                        }
                        addMembers(db, groups, wanted, name);
                        groups = db.groups();
                    }
                    case "-s", "--shell" -> u[6] = a.get(++i);
                    case "-d", "--home" -> u[5] = a.get(++i);
                    case "-c", "--comment" -> u[4] = a.get(++i);
                    case "-a", "--append", "-m", "--move-home", "-L", "--lock", "-U", "--unlock", "-o", "--non-unique" -> { }
                    default -> {
                        return c.fail(2, "usermod: invalid option -- '" + a.get(i) + "'");
                    }
                }
            }
            Db.write(db.passwd(), users);
        }
        return 0;
    }

    static int userdel(ToolCall c) throws IOException {
        List<String> a = c.args();
        boolean removeHome = a.contains("-r") || a.contains("--remove");
        String name = a.stream().filter(s -> !s.startsWith("-")).findFirst().orElse(null);
        if (name == null) {
            return c.fail(2, "Usage: userdel [options] LOGIN");
        }
        synchronized (LOCK) {
            Db db = Db.of(c);
            List<String[]> users = db.users();
            Optional<String[]> user = find(users, name);
            if (user.isEmpty()) {
                return c.fail(6, "userdel: user '" + name + "' does not exist");
            }
            users.remove(user.get());
            Db.write(db.passwd(), users);
            List<String[]> shadow = Db.rows(db.shadow());
            shadow.removeIf(r -> r[0].equals(name));
            Db.write(db.shadow(), shadow);
            List<String[]> groups = db.groups();
            if (groups.removeIf(g -> g[0].equals(name) && g[2].equals(user.get()[3]))) {
                Db.write(db.group(), groups);
                List<String[]> gshadow = Db.rows(db.gshadow());
                gshadow.removeIf(r -> r[0].equals(name));
                Db.write(db.gshadow(), gshadow);
            }
            if (removeHome) {
                Path home = c.hostPath(user.get()[5]);
                if (Files.isDirectory(home) && !home.equals(c.host().root())) {
                    try (Stream<Path> walk = Files.walk(home)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        return 0;
    }

    private static void addMembers(Db db, List<String[]> groups, List<String> names, String user) throws IOException {
        for (String[] g : groups) {
            if (names.contains(g[0]) || names.contains(g[2])) {
                List<String> members = new ArrayList<>(Stream.of(g.length > 3 ? g[3].split(",") : new String[0])
                        .filter(m -> !m.isEmpty()).toList());
                if (!members.contains(user)) {
                    members.add(user);
                }
                String[] updated = Arrays.copyOf(g, 4);
                updated[3] = String.join(",", members);
                groups.set(groups.indexOf(g), updated);
            }
        }
        Db.write(db.group(), groups);
    }

    private static int nextId(List<String[]> rows, int column, int from) {
        int max = from - 1;
        for (String[] r : rows) {
            try {
                int id = Integer.parseInt(r[column]);
                if (id >= from && id < 60000) {
                    max = Math.max(max, id);
                }
            } catch (NumberFormatException ignored) {
                // a malformed line a deployer wrote; skip it like shadow-utils does
            }
        }
        return max + 1;
    }

    private static void chown(Path dir, String uid, String gid) throws IOException {
        try {
            Files.setAttribute(dir, "unix:uid", Integer.parseInt(uid));
            Files.setAttribute(dir, "unix:gid", Integer.parseInt(gid));
        } catch (UnsupportedOperationException | SecurityException | IOException e) {
            // not root (user-namespace lab): the home stays owned by the lab's user
        }
    }
}
