package dev.ocpha.devstack;

import dev.ocpha.contracts.StepKinds;
import dev.ocpha.lab.LabTopologies;
import dev.ocpha.lab.standins.OatConsole;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plays the operator of an operator action on the lab, as a person would with its instructions: OAT's "安装 OCP" form
 * for an OCP installation, the standby console's "绑定到主 OCP" for a registration, the per-AZ parameter list for an AZ.
 * A password field names its secret reference ({@code (secretRef <ref>)}); the operator looks the secret up.
 */
public final class LabOperator {

    /** What the console answered: the HTTP status and its body. */
    public record Answer(int status, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long the operator waits for a new OCP to answer before giving up. */
    private static final Duration OCP_START = Duration.ofSeconds(60);

    private final Function<String, String> secrets;
    private final String oatUrl;

    /**
     * @param secrets the secret of a reference, as the operator keeps them
     * @param oatUrl where the operator's OAT answers
     */
    public LabOperator(Function<String, String> secrets, String oatUrl) {
        this.secrets = secrets;
        this.oatUrl = oatUrl;
    }

    /** Does what an action of step kind {@code kind} asks, with its fields. */
    public Answer act(String kind, Map<String, String> fields) throws IOException, InterruptedException {
        return switch (kind) {
            case StepKinds.INSTALL_OCP -> installWithOat(fields);
            case StepKinds.REGISTER_STANDBY -> bind(fields, fields.get("database"));
            case StepKinds.APPLY_AZ_PARAMETERS -> azParameters(fields);
            default -> throw new IllegalArgumentException("the lab's operator does not know actions of " + kind);
        };
    }

    /** What the operator says when reporting an action of {@code kind} done. */
    public static String note(String kind) {
        return switch (kind) {
            case StepKinds.INSTALL_OCP -> "installed with OAT's 安装 OCP form";
            case StepKinds.REGISTER_STANDBY -> "bound in the standby's console";
            default -> "set the AZ's parameters in the console";
        };
    }

    /**
     * OAT's "安装 OCP" form for the action's server, with the action's values and the secrets they name; then, as the
     * instructions say, waits until the server's OCP answers {@code okay} (at most {@link #OCP_START}).
     */
    public Answer installWithOat(Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey().equals("server") ? "servers" : field.getKey();
            form.put(name, field.getKey().endsWith("Password") ? secrets.apply(secretRef(field.getValue())) : field.getValue());
        }
        Answer installed = post(oatUrl + OatConsole.PATH, form, null);
        if (installed.status() != 200) {
            return installed;
        }
        URI status = URI.create("http://" + fields.get("server") + ":" + fields.get("httpPort") + "/api/status");
        long deadline = System.nanoTime() + OCP_START.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(status).header("Authorization",
                        basic(adminPassword())).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().equals("okay")) {
                    return installed;
                }
                last = "HTTP " + answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        return new Answer(504, "OAT installed OCP, but " + status + " did not answer okay within " + OCP_START + ": " + last);
    }

    /** The standby console's "绑定到主 OCP" with the action's fields, but {@code database} as given. */
    public Answer bind(Map<String, String> fields, String database) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("host", "port", "user")) {
            form.put(field, fields.get(field));
        }
        form.put("password", secrets.apply(secretRef(fields.get("password"))));
        form.put("database", database);
        return post(fields.get("url") + "/lab/console/multi-cluster/bind", form, adminPassword());
    }

    /** The node console's per-AZ parameter list with the action's values. */
    public Answer azParameters(Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("az", fields.get("az"));
        fields.keySet().stream().filter(key -> key.startsWith("ocp.")).sorted().forEach(key -> form.put(key, fields.get(key)));
        return post(fields.get("url") + "/lab/console/multi-az/parameters", form, adminPassword());
    }

    private String adminPassword() {
        return secrets.apply(LabTopologies.SECRET_REFS.get("ocpAdmin"));
    }

    /** {@code X} of a field that reads {@code … (secretRef X)}. */
    static String secretRef(String field) {
        int at = field.indexOf("secretRef ");
        if (at < 0 || !field.endsWith(")")) {
            throw new IllegalArgumentException("the field names no secret reference: " + field);
        }
        return field.substring(at + "secretRef ".length(), field.length() - 1);
    }

    private static String basic(String adminPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    private static Answer post(String url, Map<String, String> form, String adminPassword)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (adminPassword != null) {
            request.header("Authorization", basic(adminPassword));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
