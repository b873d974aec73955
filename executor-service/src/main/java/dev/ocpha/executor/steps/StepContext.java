package dev.ocpha.executor.steps;

import dev.ocpha.contracts.events.StepRequested;
import dev.ocpha.ssh.ExecResult;
import dev.ocpha.ssh.OutputListener;
import dev.ocpha.ssh.RemoteException;
import dev.ocpha.ssh.RemoteExecutor;
import dev.ocpha.ssh.SshTarget;
import java.nio.file.Path;
import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.contracts.installer.ProfileAction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a step's try may use: the host (commands with a deadline, uploads), its parameters, secrets by reference,
 * the installation media and the actions of its installer profile. Remote failures become {@link StepFailure}s classified by the step's retry policy.
 */
public final class StepContext {

    private final StepRequested request;
    private final StepParameters parameters;
    private final RemoteExecutor remote;
    private final SshTarget target;
    private final RetryPolicy policy;
    private final long deadline;
    private final Duration timeout;
    private final Function<String, String> secrets;
    private final MediaLibrary media;
    private final InstallerActions actions;
    private final OutputListener output;
    private final Set<String> unverified = new TreeSet<>();
    private final OperatorCompletion completion;
    private OperatorRequest asked;

    /**
     * @param secrets resolves a secret reference (and registers the value for redaction); throws
     *                {@link IllegalArgumentException} naming an unknown reference
     * @param completion the operator's report that the run's action is done; null when none was made
     */
    public StepContext(StepRequested request, RemoteExecutor remote, SshTarget target, RetryPolicy policy,
                       Duration timeout, Function<String, String> secrets, MediaLibrary media, InstallerActions actions,
                       OutputListener output, OperatorCompletion completion) {
        this.request = request;
        this.parameters = new StepParameters(request.kind(), request.parameters());
        this.remote = remote;
        this.target = target;
        this.policy = policy;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.secrets = secrets;
        this.media = media;
        this.actions = actions;
        this.output = output;
        this.completion = completion;
    }

    /** An operator action's completion, reported since the run asked for it. */
    public Optional<OperatorCompletion> operatorCompletion() {
        return Optional.ofNullable(completion);
    }

    /** Ends the try by asking a person: the run then waits for the action, holding no slot, lease or host. */
    public void askOperator(OperatorRequest request) {
        this.asked = request;
    }

    /** What this try asked the operator to do, if it did. */
    public Optional<OperatorRequest> operatorRequest() {
        return Optional.ofNullable(asked);
    }

    public StepRequested request() {
        return request;
    }

    public StepParameters parameters() {
        return parameters;
    }

    /** The host's address as the deployment reaches it (for URLs and MetaDB addresses built from it). */
    public String hostAddress() {
        return target.address();
    }

    /** Runs a command and returns its result whatever its exit status. */
    public ExecResult exec(String command, String stdin) throws StepFailure {
        try {
            return remote.exec(target, command, stdin, remaining(), output);
        } catch (RemoteException e) {
            throw remoteFailure(e);
        }
    }

    /**
     * Runs a command that must exit 0 and returns its stdout; another exit fails the try, retryably when the step's
     * policy lists the status. {@code what} says what the command does, for the failure message.
     */
    public String run(String what, String command, String stdin) throws StepFailure {
        ExecResult result = exec(command, stdin);
        if (result.succeeded()) {
            return result.stdout();
        }
        String detail = lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr());
        throw StepFailure.ofExit(what + " failed on " + request.host() + " (exit " + result.exitStatus() + ")"
                + (detail.isEmpty() ? "" : ": " + detail), policy.retryable(result.exitStatus()), result.exitStatus());
    }

    public String run(String what, String command) throws StepFailure {
        return run(what, command, null);
    }

    /** Uploads with a SHA-256 verified on the host before the file is moved into place. */
    public void upload(Path local, String remotePath, String sha256) throws StepFailure {
        try {
            remote.upload(target, local, remotePath, sha256, remaining());
        } catch (RemoteException e) {
            throw remoteFailure(e);
        }
    }

    /** The secret a {@code *Ref} parameter names; only ever sent on a command's standard input. */
    public String secret(String refParameter) throws StepFailure {
        String ref = parameters.require(refParameter);
        try {
            return secrets.apply(ref);
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent("parameter '" + refParameter + "' of " + request.kind() + ": " + e.getMessage());
        }
    }

    public MediaLibrary.Medium medium(String name) throws StepFailure {
        return media.find(name);
    }

    /** An action of the step's installer profile; an unverified one is noted, and listed in {@link #unverified()}. */
    public ProfileAction action(String name) throws StepFailure {
        ProfileAction action = actions.action(request.installerProfile(), name);
        if (!action.verified() && unverified.add(name)) {
            note("running action '" + name + "' of installer profile " + action.profile()
                    + ", which no public source backs (allowed by ocpha.installer.allow-unverified)");
        }
        return action;
    }

    /**
     * The rendered template of a command, SQL or HTTP action of the installer profile; the values are inserted
     * verbatim, so quote them for where they go. @throws StepFailure naming the action when it is of another type
     */
    public String template(String name, ActionType type, Map<String, String> values) throws StepFailure {
        ProfileAction action = action(name);
        if (action.type() != type) {
            throw StepFailure.permanent("action '" + name + "' of installer profile " + action.profile() + " is "
                    + action.type() + ", but this step sends it as " + type);
        }
        try {
            return action.render(values);
        } catch (IllegalArgumentException e) {
            throw StepFailure.permanent(e.getMessage());
        }
    }

    /** The unverified installer actions this try ran, for the step's outcome. */
    public Set<String> unverified() {
        return Set.copyOf(unverified);
    }

    /** A line of the executor's own in the step's progress (what it found, what it skipped). */
    public void note(String line) {
        output.onOutput(OutputListener.Stream.STDOUT, "[executor] " + line + "\n");
    }

    /** Time left in this try. */
    public Duration remaining() throws StepFailure {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw StepFailure.retryable(request.kind() + " on " + request.host() + " did not finish within "
                    + timeout.toSeconds() + " s");
        }
        return Duration.ofNanos(left);
    }

    private StepFailure remoteFailure(RemoteException e) {
        if (e.kind() == RemoteException.Kind.TIMEOUT) {
            return StepFailure.retryable(request.kind() + " on " + request.host() + " did not finish within "
                    + timeout.toSeconds() + " s (" + e.getMessage() + ")");
        }
        return e.retryable() ? StepFailure.retryable(e.getMessage()) : StepFailure.permanent(e.getMessage());
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }
}
