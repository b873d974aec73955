package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installation media (ocp-facts §6.1): each image archive is refused unless its image config's architecture is the
 * host's ({@code uname -m}), uploaded unless the host already has it with the right SHA-256, verified on the host
 * before it is moved into place, and {@code docker load}ed unless the image is already there.
 */
@ApplicationScoped
public class PrepareMediaStep implements Step {

    @Override
    public String kind() {
        return StepKinds.PREPARE_MEDIA;
    }

    @Override
    public String description() {
        return "Ship the image tarballs (checksum-verified) and docker load them";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(30);
    }

    @Override
    public void validate(StepParameters parameters) throws StepFailure {
        parameters.names("media");
        parameters.path("remoteDir");
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        String remoteDir = context.parameters().path("remoteDir");
        List<String> done = new ArrayList<>();
        String machine = context.run("reading the host's architecture", "uname -m").strip();
        for (String name : context.parameters().names("media")) {
            MediaLibrary.Medium medium = context.medium(name);
            String mismatch = architectureMismatch(machine, medium);
            if (mismatch != null) {
                throw StepFailure.permanent(mismatch);
            }
            String remote = remoteDir + "/" + medium.tar().getFileName();
            String present = context.run("checking " + remote, "mkdir -p " + quote(remoteDir) + " && if [ -f "
                    + quote(remote) + " ]; then sha256sum " + quote(remote) + " | cut -d' ' -f1; fi").strip();
            if (present.equals(medium.sha256())) {
                context.note(remote + " is present with the right checksum; upload skipped");
            } else {
                context.note("uploading " + medium.tar().getFileName() + " to " + remote);
                context.upload(medium.tar(), remote, medium.sha256());
            }
            done.add(context.run("loading " + medium.image(), load(remote, medium.image(),
                    context.template("list-images", ActionType.RUN, Map.of()),
                    context.template("load-image", ActionType.RUN, Map.of("archive", quote(remote))))).strip());
        }
        return String.join("; ", done);
    }

    /**
     * Why the medium's image cannot run on a host whose {@code uname -m} is {@code machine}, or null when it can.
     * Image configs name architectures as Go does ({@code amd64}, {@code arm64}); the kernel as {@code x86_64},
     * {@code aarch64}.
     */
    static String architectureMismatch(String machine, MediaLibrary.Medium medium) {
        String host = switch (machine) {
            case "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> machine;
        };
        return host.equals(medium.architecture()) ? null : "medium '" + medium.name() + "' holds " + medium.image()
                + " built for " + medium.architecture() + " (its image config), but the host is " + machine
                + ": ship the image built for " + host;
    }

    /** {@code list} and {@code load} are the installer profile's {@code list-images} and {@code load-image}. */
    private static String load(String tar, String image, String list, String load) {
        String i = quote(image);
        return "images=$(" + list + ") || exit 75\n"
                + "if printf '%s\\n' \"$images\" | grep -qxF " + i + "; then echo \"image " + image + " already loaded\"; exit 0; fi\n"
                + load + " >/dev/null || exit 75\n"
                + list + " | grep -qxF " + i
                + " || { echo \"" + tar + " loaded but " + image + " is not among the images: its manifest names another image\" >&2; exit 65; }\n"
                + "echo \"image " + image + " loaded\"\n";
    }
}
