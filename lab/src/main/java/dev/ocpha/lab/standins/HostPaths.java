package dev.ocpha.lab.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A path of a host as its own programs see it, on the machine: symbolic links are followed inside the host's root
 * (a link to {@code /data/1/store} means the host's {@code /data/1/store}, never the machine's), as the documented
 * OceanBase layout links {@code store/<cluster>/sstable} to {@code /data/1/<cluster>/sstable}. Java's own file API
 * would follow such a link out of the host, so every stand-in that touches a path the caller named goes through here.
 */
public final class HostPaths {
    private static final int MAX_LINKS = 40; // as the kernel's limit on nested symbolic links

    private HostPaths() {
    }

    /** {@code path} (absolute, or relative to {@code cwd}) in the host whose "/" is {@code root}; links resolved. */
    public static Path resolve(Path root, String cwd, String path) {
        Deque<String> rest = new ArrayDeque<>();
        push(rest, path.startsWith("/") ? path : cwd + "/" + path);
        Path current = root;
        int links = 0;
        while (!rest.isEmpty()) {
            String part = rest.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (!Files.isSymbolicLink(next)) {
                current = next;
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new UncheckedIOException(new IOException(path + ": Too many levels of symbolic links"));
            }
            String target = readLink(next);
            push(rest, target);
            if (target.startsWith("/")) {
                current = root;
            }
        }
        return current;
    }

    private static void push(Deque<String> rest, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            rest.push(parts[i]);
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
