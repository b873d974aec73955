package dev.ocpha.platform.installer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where operators keep their own installer profiles, and whether unverified templates may run. */
@ConfigMapping(prefix = "ocpha.installer")
public interface InstallerConfig {

    /** A directory of profile files ({@code *.yaml}) added to, or replacing, the shipped ones (docs/installers.md). */
    Optional<Path> profilesDir();

    /**
     * Whether an action marked {@code verified: false} (no public source documents it) may run. Off by default;
     * every step that runs one says so in its outcome and in the deployment's report.
     */
    @WithDefault("false")
    boolean allowUnverified();
}
