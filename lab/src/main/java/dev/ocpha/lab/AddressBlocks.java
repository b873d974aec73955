package dev.ocpha.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's own address range: /24 blocks of 198.18.0.0/15 (RFC 2544's range for network tests, never routed),
 * 198.18.K.0/24 with K from 10 upward, each held through an OS file lock for a fleet's life, so that fleets of other
 * JVMs on the same machine (parallel test runs, the demo) never get the same addresses. Hosts are .1 to .253; .254 is
 * the block's address on the fleet's bridge ({@link LabBridge}).
 */
final class AddressBlocks implements AutoCloseable {
    static final int FIRST_BLOCK = 10;
    static final int LAST_BLOCK = 250;
    static final int HOSTS_PER_BLOCK = 253;
    static final String PREFIX = "198.18.";

    private final List<Integer> blocks = new ArrayList<>();
    private final List<FileLock> locks = new ArrayList<>();

    private AddressBlocks() {
    }

    /** The lock files live in the system temp dir, shared by every JVM whatever its java.io.tmpdir. */
    static Path lockDir() {
        Path tmp = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        return tmp.resolve("ocpha-lab-blocks");
    }

    /** Takes enough free blocks for {@code hosts} hosts. */
    static AddressBlocks acquire(int hosts) {
        int needed = (hosts + HOSTS_PER_BLOCK - 1) / HOSTS_PER_BLOCK;
        AddressBlocks taken = new AddressBlocks();
        try {
            Files.createDirectories(lockDir());
            for (int k = FIRST_BLOCK; k <= LAST_BLOCK && taken.blocks.size() < needed; k++) {
                FileLock lock = tryLock(k);
                if (lock != null) {
                    taken.blocks.add(k);
                    taken.locks.add(lock);
                }
            }
        } catch (IOException e) {
            taken.close();
            throw new UncheckedIOException("cannot lock a lab address block under " + lockDir(), e);
        }
        if (taken.blocks.size() < needed) {
            taken.close();
            throw new IllegalStateException("no free lab address block for " + hosts + " hosts: blocks " + PREFIX
                    + FIRST_BLOCK + ".0/24 to " + PREFIX + LAST_BLOCK + ".0/24 are taken by other fleets (locks in "
                    + lockDir() + ")");
        }
        return taken;
    }

    /** Host {@code index} (0-based) gets 198.18.K.(index % 253 + 1) in the (index / 253)th block taken. */
    String address(int index) {
        return PREFIX + blocks.get(index / HOSTS_PER_BLOCK) + "." + (index % HOSTS_PER_BLOCK + 1);
    }

    /** The block holding host {@code index}. */
    int blockOf(int index) {
        return blocks.get(index / HOSTS_PER_BLOCK);
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
        FileChannel channel = FileChannel.open(lockDir().resolve(PREFIX + block + ".lock"),
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
}
