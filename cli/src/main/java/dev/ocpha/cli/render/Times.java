package dev.ocpha.cli.render;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times and durations as the tables show them. */
public final class Times {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private Times() {
    }

    /** An ISO-8601 time in UTC to the second; anything else as it came. */
    public static String utc(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).format(SECONDS);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** {@code 1h02m05s}, {@code 3m20s}, {@code 45s}. */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format("%dh%02dm%02ds", h, m, s);
        }
        return m > 0 ? String.format("%dm%02ds", m, s) : s + "s";
    }
}
