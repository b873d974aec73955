package dev.ocpha.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The {@code services.properties} of a fleet: what the checker and executors need to work on it. */
public final class LabServiceSettings {

    private LabServiceSettings() {
    }

    /**
     * The settings the checker and executor need for this fleet. Passwords meet OCP's rule and are kept across restarts
     * of the same fleet directory; the file is readable by its owner only.
     */
    public static Path write(LabFleet fleet, Path media) throws IOException {
        Path file = fleet.dir().resolve("services.properties");
        Properties old = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                old.load(in);
            }
        }
        StringBuilder s = new StringBuilder("# Settings for the checker and executor against this lab fleet (written by ./lab up)\n");
        s.append("ocpha.ssh.known-hosts=").append(fleet.knownHosts()).append('\n');
        s.append("ocpha.ssh.credentials.").append(LabTopologies.CREDENTIAL).append('=').append(fleet.clientPrivateKey()).append('\n');
        s.append("ocpha.executor.media-dir=").append(media).append('\n');
        for (String ref : new java.util.TreeSet<>(LabTopologies.SECRET_REFS.values())) {
            String key = "ocpha.secrets.\"" + ref + "\"";
            s.append(key).append('=').append(old.getProperty(key, password())).append('\n');
        }
        Files.writeString(file, s.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** 16 characters from all four classes (specials that need no quoting in properties, SQL or shell words). */
    static String password() {
        SecureRandom random = new SecureRandom();
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "#%^*_-+."};
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String set = classes[i % 4];
            p.append(set.charAt(random.nextInt(set.length())));
        }
        List<Character> chars = new ArrayList<>();
        p.chars().forEach(ch -> chars.add((char) ch));
        java.util.Collections.shuffle(chars, random);
        StringBuilder shuffled = new StringBuilder();
        chars.forEach(shuffled::append);
        return shuffled.toString();
    }
}
