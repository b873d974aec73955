package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.installer.ActionType;
import java.util.List;
import java.util.Map;

/**
 * The MetaDB's package bundle on a host: OceanBase's observer package ({@code oceanbase-ce}, or {@code oceanbase}
 * for the enterprise edition), its libraries and OBProxy's ({@code obproxy-ce} or {@code obproxy}), unpacked by
 * PREPARE_MEDIA into {@code dir}. Where a package put its program is asked of rpm ({@code rpm -ql}), not assumed.
 */
record MetaDbPackages(MediaLibrary.Medium medium, String dir, MediaLibrary.Rpm observer, MediaLibrary.Rpm obproxy) {

    static MetaDbPackages of(MediaLibrary.Medium medium, String dir) throws StepFailure {
        if (medium.isImage()) {
            throw StepFailure.permanent("medium '" + medium.name() + "' is the image " + medium.image()
                    + ", but the MetaDB is deployed from OceanBase's RPM packages: give a bundle holding oceanbase-ce,"
                    + " oceanbase-ce-libs and obproxy-ce");
        }
        return new MetaDbPackages(medium, dir, one(medium, "oceanbase-ce", "oceanbase"), one(medium, "obproxy-ce", "obproxy"));
    }

    private static MediaLibrary.Rpm one(MediaLibrary.Medium medium, String community, String enterprise) throws StepFailure {
        return medium.rpm(community).or(() -> medium.rpm(enterprise)).orElseThrow(() -> StepFailure.permanent(
                "medium '" + medium.name() + "' holds no " + community + " (or " + enterprise + ") package, only "
                        + medium.packages().stream().map(MediaLibrary.Rpm::file).toList()));
    }

    /** {@code rpm -ivh} of every package of the bundle, unless {@code rpm -q} finds them all installed. */
    String install(StepContext context) throws StepFailure {
        List<String> nevras = medium.packages().stream().map(MediaLibrary.Rpm::nevra).toList();
        List<String> files = medium.packages().stream().map(MediaLibrary.Rpm::file).toList();
        String query = context.template("query-packages", ActionType.RUN, Map.of("packages", Shell.quoteAll(nevras)));
        String install = context.template("install-packages", ActionType.RUN, Map.of("packages", Shell.quoteAll(files)));
        String script = "if " + query + " >/dev/null 2>&1; then echo \"packages of " + medium.name() + " already installed\"; exit 0; fi\n"
                + "cd " + quote(dir) + " || exit 65\n"
                + "out=$(" + install + " 2>&1) || { printf '%s\\n' \"$out\" >&2; exit 65; }\n"
                + "echo \"installed " + String.join(" ", nevras) + "\"\n";
        return context.run("installing the packages of " + medium.name(), script).strip();
    }

    /** The directory above {@code suffix} (e.g. {@code /bin/observer}) among the files {@code rpm} installed. */
    String home(StepContext context, MediaLibrary.Rpm rpm, String suffix) throws StepFailure {
        String list = context.template("package-files", ActionType.RUN, Map.of("package", quote(rpm.name())));
        String path = context.run("finding " + suffix + " of " + rpm.name(), list + " | grep -m 1 -- " + quote(suffix + "$")
                + " || { echo \"" + rpm.name() + " installed no " + suffix + "\" >&2; exit 65; }").strip();
        return path.substring(0, path.length() - suffix.length());
    }
}
