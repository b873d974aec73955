package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.installer.ActionType;
import java.util.List;
import java.util.Map;

/**
 * Docker check-then-act as shell text: a container is created only when absent, started when stopped, and left
 * alone when it runs the expected image. Another image under the same name is a conflict for a person to resolve.
 * A failing docker call exits {@value RetryPolicy#TRANSIENT}: the daemon may be restarting.
 */
final class Containers {

    private Containers() {
    }

    /**
     * Shell text that makes {@code container} run {@code image}, creating it with {@code run}, a whole docker run
     * line, when it is absent. Prints what it found or did.
     */
    static String ensureRunning(String container, String image, String run) {
        String c = quote(container);
        String i = quote(image);
        return "found=$(docker ps -a --filter name=^" + container + "$ --format '{{.Names}}') || exit 75\n"
                + "if [ -n \"$found\" ]; then\n"
                + "  image=$(docker inspect --format '{{.Config.Image}}' " + c + ") || exit 75\n"
                + "  if [ \"$image\" != " + i + " ]; then\n"
                + "    echo \"container " + container + " exists with image $image, not " + image
                + "; remove it first or choose another name\" >&2; exit 65\n"
                + "  fi\n"
                + "  running=$(docker inspect --format '{{.State.Running}}' " + c + ") || exit 75\n"
                + "  if [ \"$running\" = true ]; then echo \"container " + container + " already runs " + image + "\"; exit 0; fi\n"
                + "  docker start " + c + " >/dev/null || exit 75\n"
                + "  echo \"container " + container + " existed stopped and was started\"\n"
                + "else\n"
                + "  " + run + " >/dev/null || exit 75\n"
                + "  echo \"container " + container + " created from " + image + "\"\n"
                + "fi\n"
                + "[ \"$(docker inspect --format '{{.State.Running}}' " + c + ")\" = true ] || "
                + "{ echo \"container " + container + " does not keep running; see docker logs " + container + "\" >&2; exit 75; }\n";
    }

    /**
     * Shell text that removes {@code container} when it exists: {@code find} lists it (the installer profile's
     * {@code find-container}), {@code remove} removes it ({@code remove-container}).
     */
    static String removeIfPresent(String container, String find, String remove) {
        return "found=$(" + find + ") || exit 75\n"
                + "if [ -z \"$found\" ]; then echo \"container " + container + " is already absent\"; else\n"
                + "  " + remove + " >/dev/null || exit 75\n"
                + "  echo \"container " + container + " removed\"\n"
                + "fi\n";
    }

    /** {@link #removeIfPresent} with the commands of the step's installer profile. */
    static String removeIfPresent(StepContext context, String container) throws StepFailure {
        return removeIfPresent(container,
                context.template("find-container", ActionType.RUN, Map.of("container", container)),
                context.template("remove-container", ActionType.RUN, Map.of("container", quote(container))));
    }

    /** {@code -e NAME=value} for a value that may appear in a command line. */
    static List<String> env(String name, String value) {
        return List.of("-e", quote(name + "=" + value));
    }

    /** {@code -e NAME}: docker takes the value from its caller's environment, where a secret read from stdin is. */
    static List<String> envFromCaller(String name) {
        return List.of("-e", name);
    }
}
