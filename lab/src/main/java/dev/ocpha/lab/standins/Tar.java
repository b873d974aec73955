package dev.ocpha.lab.standins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough ustar for image archives: write regular files, and read a tar back verifying every header. */
public final class Tar {
    private static final int BLOCK = 512;

    private Tar() {
    }

    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    public static final class Writer {
        private final OutputStream out;

        public Writer(OutputStream out) {
            this.out = out;
        }

        public void entry(String name, long size, Body body) throws IOException {
            byte[] header = new byte[BLOCK];
            put(header, 0, 100, name);
            put(header, 100, 8, "0000644");
            put(header, 108, 8, "0000000");
            put(header, 116, 8, "0000000");
            put(header, 124, 12, String.format("%011o", size));
            put(header, 136, 12, String.format("%011o", System.currentTimeMillis() / 1000));
            header[156] = '0';
            put(header, 257, 6, "ustar");
            put(header, 263, 2, "00");
            put(header, 265, 32, "root");
            put(header, 297, 32, "root");
            for (int i = 148; i < 156; i++) {
                header[i] = ' ';
            }
            put(header, 148, 8, String.format("%06o", checksum(header)) + "\0 ");
            out.write(header);
            body.write(out);
            int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
            out.write(new byte[pad]);
        }

        public void finish() throws IOException {
            out.write(new byte[2 * BLOCK]);
            out.flush();
        }
    }

    /** A regular file of a tar: its first {@code keepBytes} bytes, its size and the sha256 (hex) of all of it. */
    public record Entry(byte[] kept, long size, String sha256) {
    }

    /** The tar's regular files, each kept up to {@code keepBytes} and digested whole; fails on a broken tar. */
    public static Map<String, Entry> read(InputStream in, int keepBytes) throws IOException {
        Map<String, Entry> files = new LinkedHashMap<>();
        byte[] header = new byte[BLOCK];
        int entries = 0;
        while (true) {
            if (!readFully(in, header)) {
                throw new IOException(entries == 0 ? "empty or not a tar" : "unexpected EOF");
            }
            if (allZero(header)) {
                return files;
            }
            String stored = field(header, 148, 8).trim();
            long expected;
            try {
                expected = Long.parseLong(stored.isEmpty() ? "-1" : stored, 8);
            } catch (NumberFormatException e) {
                throw new IOException("invalid tar header");
            }
            byte[] copy = header.clone();
            for (int i = 148; i < 156; i++) {
                copy[i] = ' ';
            }
            if (checksum(copy) != expected) {
                throw new IOException("invalid tar header");
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            MessageDigest digest = sha256();
            byte[] kept = new byte[(int) Math.min(size, keepBytes)];
            if (!readFully(in, kept)) {
                throw new IOException("unexpected EOF");
            }
            digest.update(kept);
            if (digestAndSkip(in, size - kept.length, digest) != size - kept.length
                    || skip(in, padded - size) != padded - size) {
                throw new IOException("unexpected EOF");
            }
            char type = (char) header[156];
            if (type == '0' || type == 0) {
                files.put(name.startsWith("./") ? name.substring(2) : name,
                        new Entry(kept, size, HexFormat.of().formatHex(digest.digest())));
            }
            entries++;
        }
    }

    private static long digestAndSkip(InputStream in, long n, MessageDigest digest) throws IOException {
        long read = 0;
        byte[] buffer = new byte[64 * 1024];
        while (read < n) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - read));
            if (r < 0) {
                break;
            }
            digest.update(buffer, 0, r);
            read += r;
        }
        return read;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long skip(InputStream in, long n) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[64 * 1024];
        while (skipped < n) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int off = 0;
        while (off < buffer.length) {
            int r = in.read(buffer, off, buffer.length - off);
            if (r < 0) {
                return false;
            }
            off += r;
        }
        return true;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static long checksum(byte[] header) {
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        return sum;
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
