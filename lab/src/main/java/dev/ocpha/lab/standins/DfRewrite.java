package dev.ocpha.lab.standins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites real {@code df} output so that one filesystem shows the disk-full fault's available space. */
final class DfRewrite {
    private static final Pattern BLOCKS = Pattern.compile("(\\d+)([KMGTPE]?)B?-blocks");

    private DfRewrite() {
    }

    static String apply(String output, HostRuntime.DiskFault fault, String mount) {
        String[] lines = output.split("\n", -1);
        if (lines.length < 2) {
            return output;
        }
        List<String> header = Arrays.asList(lines[0].trim().split("\\s+"));
        int size = indexOf(header, "Size", "1K-blocks", "1024-blocks", "blocks");
        int used = indexOf(header, "Used");
        int avail = indexOf(header, "Avail", "Available");
        int pct = indexOf(header, "Use%", "Capacity");
        if (avail < 0) {
            return output;
        }
        long unit = unit(size >= 0 ? header.get(size) : header.get(avail));
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            String[] cols = lines[i].trim().split("\\s+");
            if (lines[i].isBlank() || cols.length < header.size() - 1 || !mountOf(cols, header).equals(mount)) {
                out.append(lines[i]);
                continue;
            }
            long total = size >= 0 ? parse(cols[size], unit) : Long.MAX_VALUE;
            long available = Math.min(fault.availableBytes(), total);
            long usedBytes = total == Long.MAX_VALUE ? 0 : total - available;
            cols[avail] = format(available, unit);
            if (used >= 0 && size >= 0) {
                cols[used] = format(usedBytes, unit);
            }
            if (pct >= 0 && size >= 0) {
                cols[pct] = (total == 0 ? 0 : (int) Math.ceil(usedBytes * 100.0 / total)) + "%";
            }
            out.append(String.join(" ", new ArrayList<>(Arrays.asList(cols))));
        }
        return out.toString();
    }

    private static String mountOf(String[] cols, List<String> header) {
        int mounted = header.indexOf("Mounted");
        if (mounted < 0) {
            return cols[cols.length - 1];
        }
        return String.join(" ", Arrays.copyOfRange(cols, Math.min(mounted, cols.length - 1), cols.length));
    }

    private static int indexOf(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            for (String n : names) {
                if (header.get(i).equals(n) || (n.equals("blocks") && header.get(i).endsWith("-blocks"))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Bytes per unit of the size column; 0 means human-readable (-h). */
    private static long unit(String column) {
        Matcher m = BLOCKS.matcher(column);
        if (!m.matches()) {
            return 0;
        }
        return Long.parseLong(m.group(1)) * (1L << (10 * " KMGTPE".indexOf(m.group(2).isEmpty() ? " " : m.group(2))));
    }

    private static long parse(String value, long unit) {
        if (unit > 0) {
            return Long.parseLong(value) * unit;
        }
        char suffix = Character.toUpperCase(value.charAt(value.length() - 1));
        int power = "KMGTPE".indexOf(suffix) + 1;
        double number = Double.parseDouble(power > 0 ? value.substring(0, value.length() - 1) : value);
        return (long) (number * (1L << (10 * power)));
    }

    private static String format(long bytes, long unit) {
        if (unit > 0) {
            return Long.toString(bytes / unit);
        }
        String units = "KMGTPE";
        double v = bytes;
        int power = 0;
        while (v >= 1024 && power < units.length()) {
            v /= 1024;
            power++;
        }
        if (power == 0) {
            return Long.toString(bytes);
        }
        return v < 10 ? String.format(Locale.ROOT, "%.1f%c", Math.ceil(v * 10) / 10, units.charAt(power - 1))
                : String.format(Locale.ROOT, "%d%c", (long) Math.ceil(v), units.charAt(power - 1));
    }
}
