package dev.ocpha.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A host's journal: every stand-in call in order, in memory and as JSON lines in the host's directory. */
public final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int RESULT_LIMIT = 200;

    private final Path file;
    private final List<JournalEntry> entries = new ArrayList<>();

    Journal(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        entries.add(JSON.readValue(line, JournalEntry.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the journal " + file, e);
            }
        }
    }

    /** Records a call; argv and result are redacted here, so no caller can journal a secret by mistake. */
    public synchronized JournalEntry record(String tool, List<String> argv, int exitStatus, String result) {
        JournalEntry entry = new JournalEntry(Instant.now(), tool, Redactor.redactArgs(tool, argv), exitStatus,
                shorten(Redactor.redact(result == null ? "" : result)));
        entries.add(entry);
        try {
            Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file, e);
        }
        return entry;
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public Path file() {
        return file;
    }

    private static String shorten(String result) {
        String firstLine = result.strip();
        int newline = firstLine.indexOf('\n');
        if (newline >= 0) {
            firstLine = firstLine.substring(0, newline) + " …";
        }
        return firstLine.length() <= RESULT_LIMIT ? firstLine : firstLine.substring(0, RESULT_LIMIT) + "…";
    }
}
