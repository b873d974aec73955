package dev.ocpha.executor.steps;

import static dev.ocpha.executor.steps.Shell.quote;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Registers a standby OCP cluster to the primary's MetaDB (ocp-facts §8.1, §8.3): {@code ocp-bootstrap registerMc
 * <host> <port> <user> <database>} in the standby's container, the password on its standard input, unless
 * {@code showMc} already names the primary's MetaDB. Asked for by the registry.
 */
@ApplicationScoped
public class RegisterStandbyStep implements Step {

    @Override
    public String kind() {
        return StepKinds.REGISTER_STANDBY;
    }

    @Override
    public String description() {
        return "Register the standby OCP cluster to the primary's MetaDB (registerMc)";
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void validate(StepParameters p) throws StepFailure {
        primary(p);
        p.dbUser("primaryMetaDbUser");
        p.name("primaryMetaDbDatabase");
        p.require("metaPasswordRef");
        p.name("container");
    }

    /** {@code host:port} of the primary's MetaDB. */
    private static String[] primary(StepParameters p) throws StepFailure {
        String address = p.host("primaryMetaDbAddress");
        String[] parts = address.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d{1,5}")) {
            throw p.invalid("primaryMetaDbAddress", "is '" + address + "', not host:port");
        }
        return parts;
    }

    @Override
    public String run(StepContext context) throws StepFailure {
        StepParameters p = context.parameters();
        String[] primary = primary(p);
        String container = p.name("container");
        String user = p.dbUser("primaryMetaDbUser");
        String bootstrap = "docker exec " + quote(container) + " " + EnableMultiClusterStep.BOOTSTRAP;
        String shown = context.run("reading the multi-cluster registration", bootstrap + " showMc || exit 75");
        if (EnableMultiClusterStep.mentions(shown, primary[0])) {
            return "already registered to the primary MetaDB at " + primary[0] + ":" + primary[1];
        }
        context.run("registering to the primary MetaDB at " + primary[0] + ":" + primary[1],
                "IFS= read -r PW\nprintf '%s\\n' \"$PW\" | docker exec -i " + quote(container) + " "
                        + EnableMultiClusterStep.BOOTSTRAP + " registerMc " + quote(primary[0]) + " " + primary[1] + " "
                        + quote(user) + " " + p.name("primaryMetaDbDatabase") + " || exit 75\n",
                Shell.lines(context.secret("metaPasswordRef")));
        return "registered to the primary MetaDB at " + primary[0] + ":" + primary[1];
    }
}
