package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback /24 blocks (127.0.K.0/24, K from 10 upward), each held through an OS file lock for a fleet's life, so that
 * fleets of other JVMs on the same machine (parallel test runs, the demo) never get the same addresses.
 */
final class AddressBlocks implements AutoCloseable {
    static final int FIRST_BLOCK = 10;
    static final int LAST_BLOCK = 250;
    static final int HOSTS_PER_BLOCK = 254;

    private final List<Integer> blocks = new ArrayList<>();
    private final List<FileLock> locks = new ArrayList<>();

    private AddressBlocks() {
    }

    /** The lock files live in the system temp dir, shared by every JVM whatever its java.io.tmpdir. */
    static Path lockDir() {
        Path tmp = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        return tmp.resolve("ocpha-lab-blocks");
    }

    /**
     * Takes enough free blocks for {@code hosts} hosts. A block counts as free when its lock is free and, for a fixed
     * SSH port, its first address can still bind that port (a fleet that does not lock, such as an older lab, may
     * hold it).
     */
    static AddressBlocks acquire(int hosts, int sshPort) {
        int needed = (hosts + HOSTS_PER_BLOCK - 1) / HOSTS_PER_BLOCK;
        AddressBlocks taken = new AddressBlocks();
        try {
            Files.createDirectories(lockDir());
            for (int k = FIRST_BLOCK; k <= LAST_BLOCK && taken.blocks.size() < needed; k++) {
                FileLock lock = tryLock(k);
                if (lock == null) {
                    continue;
                }
                if (!canBind("127.0." + k + ".1", sshPort)) {
                    release(lock);
                    continue;
                }
                taken.blocks.add(k);
                taken.locks.add(lock);
            }
        } catch (IOException e) {
            taken.close();
            throw new UncheckedIOException("cannot lock a loopback address block under " + lockDir(), e);
        }
        if (taken.blocks.size() < needed) {
            taken.close();
            throw new IllegalStateException("no free loopback address block for " + hosts + " hosts: blocks 127.0."
                    + FIRST_BLOCK + ".0/24 to 127.0." + LAST_BLOCK + ".0/24 are taken by other fleets (locks in "
                    + lockDir() + ")");
        }
        return taken;
    }

    /** Host {@code index} (0-based) gets 127.0.K.(index % 254 + 1) in the (index / 254)th block taken. */
    String address(int index) {
        return "127.0." + blocks.get(index / HOSTS_PER_BLOCK) + "." + (index % HOSTS_PER_BLOCK + 1);
    }

    List<Integer> blocks() {
        return List.copyOf(blocks);
    }

    @Override
    public void close() {
        locks.forEach(AddressBlocks::release);
        locks.clear();
    }

    private static FileLock tryLock(int block) throws IOException {
        FileChannel channel = FileChannel.open(lockDir().resolve("127.0." + block + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            channel.close(); // another fleet of this JVM holds it
            return null;
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // closing the channel releases the lock; the OS releases it at exit anyway
        }
    }

    static boolean canBind(String address, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
