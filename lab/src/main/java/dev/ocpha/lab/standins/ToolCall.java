package dev.ocpha.lab.standins;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One call of a stand-in tool on a host, as the control server received it from the tool's thin client: the tool's
 * arguments, the caller's environment and working directory, and a conversation with the client to write output,
 * read standard input only when the tool needs it, and run real programs inside the host (see {@link ControlServer}).
 */
public final class ToolCall {
    private static final int CHUNK = 24 * 1024;

    private final HostRuntime host;
    private final String tool;
    private final List<String> args;
    private final Map<String, String> env;
    private final String cwd;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final StringBuilder transcript = new StringBuilder();
    private String result;

    ToolCall(HostRuntime host, String tool, List<String> args, Map<String, String> env, String cwd,
             BufferedInputStream in, OutputStream out) {
        this.host = host;
        this.tool = tool;
        this.args = args;
        this.env = env;
        this.cwd = cwd;
        this.in = in;
        this.out = out;
    }

    public HostRuntime host() {
        return host;
    }

    public String tool() {
        return tool;
    }

    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    public String cwd() {
        return cwd;
    }

    /** A path as the caller means it: relative to its working directory, inside the host's root. */
    public java.nio.file.Path hostPath(String path) {
        String absolute = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        java.nio.file.Path resolved = host.root().resolve(absolute.substring(1)).normalize();
        if (!resolved.startsWith(host.root())) {
            return host.root();
        }
        return resolved;
    }

    /** A path as the caller means it, with symbolic links followed inside the host ({@link HostPaths}). */
    public java.nio.file.Path hostFile(String path) {
        return HostPaths.resolve(host.root(), cwd, path);
    }

    public void out(String text) throws IOException {
        send('1', text.getBytes(StandardCharsets.UTF_8));
        transcript.append(text);
    }

    public void err(String text) throws IOException {
        send('2', text.getBytes(StandardCharsets.UTF_8));
        transcript.append(text);
    }

    /** Writes a message to stderr and returns {@code status}, for {@code return call.fail(1, "…")}. */
    public int fail(int status, String message) throws IOException {
        err(message.endsWith("\n") ? message : message + "\n");
        return status;
    }

    /** The caller's whole standard input; asked for only by tools that read it, so others never block on it. */
    public byte[] stdin() throws IOException {
        line("I");
        return Base64.getDecoder().decode(readLine().trim());
    }

    /** Runs a real program inside the host with the caller's stdio and {@code exports} added to its environment. */
    public int run(List<String> argv, Map<String, String> exports) throws IOException {
        line("R " + nulSeparated(argv) + " " + nulSeparated(exports.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        String reply = readLine();
        return Integer.parseInt(reply.substring(2).trim());
    }

    /** Runs a real program inside the host and captures its output (stdout and stderr together) and exit status. */
    public Captured capture(List<String> argv) throws IOException {
        line("C " + nulSeparated(argv) + " -");
        String[] reply = readLine().split(" ");
        byte[] output = in.readNBytes(Integer.parseInt(reply[2]));
        return new Captured(Integer.parseInt(reply[1]), new String(output, StandardCharsets.UTF_8));
    }

    public record Captured(int status, String output) {
    }

    /** Blocks until the client goes away (the hang fault: a call that never returns). */
    void awaitClientGone() {
        try {
            while (in.read() >= 0) {
                // discard: the client sends nothing more in a hang
            }
        } catch (IOException ignored) {
            // the client's process was killed
        }
    }

    void exit(int status) throws IOException {
        line("X " + status);
    }

    /** The journal's short result: set by the tool, else the first line of what it printed. */
    public void result(String summary) {
        this.result = summary;
    }

    String summary() {
        return result != null ? result : transcript.toString();
    }

    private void send(char stream, byte[] bytes) throws IOException {
        for (int i = 0; i < bytes.length; i += CHUNK) {
            int n = Math.min(CHUNK, bytes.length - i);
            line(stream + " " + escape(bytes, i, n));
        }
    }

    /**
     * Bytes as one word for bash's {@code printf %b}: backslash doubled, space, controls and DEL as {@code \0ooo}, the
     * rest as is. So output, NULs included, reaches the caller byte for byte without a decoding process.
     */
    static String escape(byte[] bytes, int offset, int length) {
        StringBuilder s = new StringBuilder(length + 16);
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\\') {
                s.append("\\\\");
            } else if (b <= ' ' || b == 0x7f) {
                s.append(String.format("\\0%03o", b));
            } else {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    private void line(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1)); // escape() keeps bytes as chars 0-255
        out.flush();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the " + tool + " client went away");
            }
            buffer.write(b);
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    private static String nulSeparated(List<String> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String item : items) {
            bytes.writeBytes(item.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        byte[] all = bytes.toByteArray();
        return all.length == 0 ? "\\0" : escape(all, 0, all.length);
    }

    static String readToken(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != 0; ) {
            if (b < 0) {
                throw new IOException("truncated request");
            }
            buffer.write(b);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
