package dev.ocpha.checker.checks;

import dev.ocpha.contracts.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker present and running, 17.03 or newer, and not podman-docker: OAT runs every component in it
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/100.deploying-enterprise-ocp/200.prepare-the-deployment-environment/100.install-oat.md).
 */
@ApplicationScoped
public class DockerCheck extends CatalogCheck {

    static final String NAME = "docker";
    private static final String EXPECTED = "Docker CE 17.03 or newer, daemon running, not podman-docker";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public DockerCheck() {
        super(NAME, Scope.EVERY_HOST, Weight.CRITICAL);
    }

    @Override
    public String probe(CheckContext context) {
        return "if command -v docker >/dev/null 2>&1; then docker --version 2>&1; "
                + "echo server; docker version --format '{{.Server.Version}}' 2>&1; "
                + "else echo 'docker: command not found'; fi";
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context, String output) {
        String host = context.name();
        String text = output.trim();
        String observed = text.replace('\n', ' ');
        if (text.contains("command not found")) {
            return List.of(Verdicts.fail(host, NAME, "not installed", EXPECTED, "Docker is not installed",
                    "yum install -y docker-ce && systemctl enable --now docker", false));
        }
        if (text.toLowerCase(Locale.ROOT).contains("podman")) {
            return List.of(Verdicts.fail(host, NAME, observed, EXPECTED,
                    "'docker' is podman-docker, which OCP does not support; install Docker CE",
                    "yum remove -y podman-docker && yum install -y docker-ce && systemctl enable --now docker", false));
        }
        int marker = text.lastIndexOf("server");
        String server = marker < 0 ? "" : text.substring(marker + 6).trim();
        Matcher version = VERSION.matcher(server);
        if (!version.lookingAt()) {
            return List.of(Verdicts.fail(host, NAME, observed, EXPECTED, "the Docker daemon does not answer",
                    "systemctl enable --now docker", false));
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        if (major < 17 || (major == 17 && minor < 3)) {
            return List.of(Verdicts.fail(host, NAME, "Docker " + version.group(), EXPECTED,
                    "Docker " + version.group() + " is older than 17.03", "yum update -y docker-ce", false));
        }
        return List.of(Verdicts.pass(host, NAME, "Docker " + version.group(), EXPECTED, "Docker is usable"));
    }
}
