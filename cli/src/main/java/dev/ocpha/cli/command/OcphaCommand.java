package dev.ocpha.cli.command;

import dev.ocpha.cli.Ocpha;
import dev.ocpha.cli.client.Endpoints;
import dev.ocpha.cli.client.OcphaClient;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command has: the services, the client, and the command line's out and err. */
abstract class OcphaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    Ocpha root() {
        return (Ocpha) spec.root().userObject();
    }

    Endpoints endpoints() {
        return root().endpoints();
    }

    OcphaClient client() {
        return root().client();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
