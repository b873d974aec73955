package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.contracts.installer.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installation media: each medium is refused unless its architecture (an image config's, or its RPMs') is the host's
 * ({@code uname -m}), uploaded unless the host already has it with the right SHA-256, verified on the host before it
 * is moved into place; an image archive is then {@code docker load}ed unless the image is already there, a package
 * bundle unpacked beside it for CREATE_METADB's {@code rpm -ivh}.
 */
@ApplicationScoped
public class PrepareMediaStep implements Step {

    @Override
    public String kind() {
        return StepKinds.PREPARE_MEDIA;
    }

    @Override
    public String description() {
        return "Ship the media (checksum-verified): docker load the images, unpack the package bundles";
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
            if (medium.isImage()) {
                done.add(context.run("loading " + medium.image(), load(remote, medium.image(),
                        context.template("list-images", ActionType.RUN, Map.of()),
                        context.template("load-image", ActionType.RUN, Map.of("archive", quote(remote))))).strip());
            } else {
                done.add(context.run("unpacking " + medium.name(), unpack(remote, packagesDir(remoteDir, medium),
                        context.template("unpack-packages", ActionType.RUN,
                                Map.of("archive", quote(remote), "dir", quote(packagesDir(remoteDir, medium)))),
                        medium)).strip());
            }
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
        return host.equals(medium.architecture()) ? null : "medium '" + medium.name() + "' holds "
                + (medium.isImage() ? medium.image() : "packages") + " built for " + medium.architecture() + " (its image config), but the host is " + machine
                + ": ship the image built for " + host;
    }

    /** Where a package bundle's RPM files lie on the host once unpacked: {@code <remoteDir>/<medium name>}. */
    static String packagesDir(String remoteDir, MediaLibrary.Medium medium) {
        return remoteDir + "/" + medium.name();
    }

    /** {@code unpack} is the profile's {@code unpack-packages}; a bundle already unpacked whole is left alone. */
    private static String unpack(String tar, String dir, String unpack, MediaLibrary.Medium medium) {
        List<String> files = medium.packages().stream().map(r -> dir + "/" + r.file()).toList();
        return "for f in " + Shell.quoteAll(files) + "; do [ -s \"$f\" ] || { missing=1; break; }; done\n"
                + "if [ -z \"${missing:-}\" ]; then echo \"" + medium.name() + " already unpacked in " + dir + "\"; exit 0; fi\n"
                + "mkdir -p " + quote(dir) + " && " + unpack + " || exit 75\n"
                + "echo \"" + medium.name() + " unpacked in " + dir + ": " + medium.packages().size() + " packages\"\n";
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
