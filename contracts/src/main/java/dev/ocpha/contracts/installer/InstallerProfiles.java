package dev.ocpha.contracts.installer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The installer profiles: those shipped in {@code installer-profiles/} and those in the operator's directory
 * (same format; a profile there with a shipped profile's id replaces it). A profile may {@code extends} another
 * (also an {@code abstract} one, which is never chosen itself) and then adds or overrides actions and modes.
 * Loading checks each profile: every action is exactly one of {@code run}, {@code sql}, {@code http},
 * {@code operator}; a verified action (the default) names a public source; verification probes exist.
 */
public final class InstallerProfiles {

    /** The profiles shipped with the deployer, in {@code installer-profiles/<id>.yaml}. */
    public static final List<String> SHIPPED = List.of("oceanbase-4.2", "community-4.2", "enterprise-4.2");

    /**
     * A public source: {@code owner/repo@ref:path} (a file of a public repository at a branch, tag or commit), or an
     * https URL, optionally followed by a note after a space.
     */
    static final Pattern SOURCE = Pattern.compile(
            "([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@[A-Za-z0-9_./-]+:[^\\s]+|https://[^\\s]+)( .*)?");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, InstallerProfile> profiles;

    private InstallerProfiles(Map<String, InstallerProfile> profiles) {
        this.profiles = profiles;
    }

    /** The shipped profiles, with those of {@code overrideDir} (every {@code *.yaml} in it) over them. */
    public static InstallerProfiles load(Optional<Path> overrideDir) {
        Map<String, Spec> specs = new LinkedHashMap<>();
        for (String id : SHIPPED) {
            String resource = "installer-profiles/" + id + ".yaml";
            try (InputStream in = InstallerProfiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ProfileException("the shipped installer profile " + resource + " is missing");
                }
                put(specs, read(in, "shipped " + resource), id);
            } catch (IOException e) {
                throw new ProfileException("cannot read the shipped installer profile " + resource, e);
            }
        }
        if (overrideDir.isPresent()) {
            Path dir = overrideDir.get();
            if (!Files.isDirectory(dir)) {
                throw new ProfileException("the installer profile directory " + dir + " does not exist");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        Spec spec = read(in, file.toString());
                        put(specs, spec, spec.id);
                    }
                }
            } catch (IOException e) {
                throw new ProfileException("cannot read the installer profiles in " + dir + ": " + e.getMessage(), e);
            }
        }
        Map<String, InstallerProfile> resolved = new LinkedHashMap<>();
        for (Spec spec : specs.values()) {
            if (!spec.isAbstract) {
                resolved.put(spec.id, resolve(spec, specs));
            }
        }
        return new InstallerProfiles(resolved);
    }

    /** Every profile that can be chosen, by id. */
    public List<InstallerProfile> all() {
        return List.copyOf(profiles.values());
    }

    /**
     * The profile for an edition and OCP version: of those of the edition, the one with the most specific version
     * line the version belongs to. @throws ProfileException naming the edition, the version and what exists
     */
    public InstallerProfile forEdition(Edition edition, String ocpVersion) {
        return profiles.values().stream().filter(p -> p.edition() == edition && p.match(ocpVersion) >= 0)
                .max(Comparator.comparingInt(p -> p.match(ocpVersion)))
                .orElseThrow(() -> new ProfileException("no installer profile for OCP " + ocpVersion + " "
                        + edition.id() + " edition; there are: " + String.join(", ", profiles.values().stream()
                        .map(p -> p.id() + " (" + p.edition().id() + " " + String.join("/", p.ocpVersions()) + ")")
                        .toList()) + ". An operator can add one in the installer profile directory"));
    }

    private static void put(Map<String, Spec> specs, Spec spec, String expectedId) {
        if (spec.id == null || !spec.id.equals(expectedId)) {
            throw new ProfileException(spec.origin + ": its id is '" + spec.id + "', expected '" + expectedId + "'");
        }
        specs.put(spec.id, spec);
    }

    private static Spec read(InputStream in, String origin) throws IOException {
        try {
            Spec spec = YAML.readValue(in, Spec.class);
            spec.origin = origin;
            return spec;
        } catch (IOException e) {
            throw new ProfileException(origin + " is not a valid installer profile: " + e.getMessage(), e);
        }
    }

    private static InstallerProfile resolve(Spec spec, Map<String, Spec> specs) {
        List<Spec> chain = new ArrayList<>();
        for (Spec s = spec; s != null; s = s.parent == null ? null : specs.get(s.parent)) {
            if (chain.contains(s)) {
                throw new ProfileException(spec.origin + ": 'extends' loops through " + s.id);
            }
            chain.add(0, s);
            if (s.parent != null && !specs.containsKey(s.parent)) {
                throw new ProfileException(s.origin + ": extends '" + s.parent + "', which does not exist");
            }
        }
        Map<String, ModeSupport> modes = new LinkedHashMap<>();
        Map<String, ProfileAction> actions = new LinkedHashMap<>();
        for (Spec s : chain) {
            s.modes.forEach((mode, m) -> modes.put(mode, new ModeSupport(mode, m.supported, m.reason, m.source)));
            s.actions.forEach((name, a) -> actions.put(name, action(spec, s.origin, name, a)));
        }
        if (spec.edition == null || spec.ocpVersions == null || spec.ocpVersions.isEmpty()) {
            throw new ProfileException(spec.origin + ": a profile names its edition and ocpVersions");
        }
        modes.values().stream().filter(m -> !m.supported() && (m.reason() == null || !isSource(m.source())))
                .findFirst().ifPresent(m -> {
                    throw new ProfileException(spec.origin + ": mode " + m.mode()
                            + " is refused without a reason and a public source");
                });
        for (ProfileAction action : actions.values()) {
            if (action.type() == ActionType.OPERATOR) {
                action.operator().verify().stream().filter(v -> !actions.containsKey(v)).findFirst().ifPresent(v -> {
                    throw new ProfileException(spec.origin + ": operator action " + action.name()
                            + " is verified by '" + v + "', which is no action of profile " + spec.id);
                });
            }
        }
        return new InstallerProfile(spec.id, spec.edition, spec.ocpVersions, spec.description, modes, actions,
                spec.origin);
    }

    private static ProfileAction action(Spec profile, String origin, String name, ActionSpec a) {
        List<ActionType> given = new ArrayList<>();
        if (a.run != null) {
            given.add(ActionType.RUN);
        }
        if (a.sql != null) {
            given.add(ActionType.SQL);
        }
        if (a.http != null) {
            given.add(ActionType.HTTP);
        }
        if (a.operator != null) {
            given.add(ActionType.OPERATOR);
        }
        if (given.size() != 1) {
            throw new ProfileException(origin + ": action " + name + " needs exactly one of run, sql, http, operator; it has "
                    + (given.isEmpty() ? "none" : given));
        }
        boolean verified = a.verified == null || a.verified;
        if (verified && !isSource(a.source)) {
            throw new ProfileException(origin + ": action " + name + " has " + (a.source == null ? "no source"
                    : "source '" + a.source + "', which is not owner/repo@ref:path or an https URL")
                    + "; an action no public source documents ships with verified: false");
        }
        if (!verified && (a.note == null || a.note.isBlank())) {
            throw new ProfileException(origin + ": unverified action " + name + " needs a note saying what it assumes");
        }
        ActionType type = given.get(0);
        if (type == ActionType.OPERATOR && (a.operator.title() == null || a.operator.instructions() == null)) {
            throw new ProfileException(origin + ": operator action " + name + " needs a title and instructions");
        }
        String template = switch (type) {
            case RUN -> a.run;
            case SQL -> a.sql;
            case HTTP -> a.http;
            case OPERATOR -> null;
        };
        return new ProfileAction(profile.id, name, type, template == null ? null : template.strip(), a.operator,
                a.source, verified, a.note);
    }

    static boolean isSource(String source) {
        return source != null && SOURCE.matcher(source.strip()).matches();
    }

    /** A profile file as written. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    static final class Spec {
        public String id;
        public Edition edition;
        public List<String> ocpVersions;
        public String description;
        @com.fasterxml.jackson.annotation.JsonProperty("abstract")
        public boolean isAbstract;
        @com.fasterxml.jackson.annotation.JsonProperty("extends")
        public String parent;
        public Map<String, ModeSpec> modes = new LinkedHashMap<>();
        public Map<String, ActionSpec> actions = new LinkedHashMap<>();
        String origin;
    }

    static final class ModeSpec {
        public boolean supported;
        public String reason;
        public String source;
    }

    static final class ActionSpec {
        public String run;
        public String sql;
        public String http;
        public OperatorInstructions operator;
        public String source;
        public Boolean verified;
        public String note;
    }
}
