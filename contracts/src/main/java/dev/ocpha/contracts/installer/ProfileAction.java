package dev.ocpha.contracts.installer;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One action of an installer profile: what is sent to a host (a command, SQL or HTTP template) or asked of the
 * operator, with the public {@code source} that documents it. {@code verified} is false for a template no public
 * source backs, which runs only when the operator opts in. {@code profile} names the profile it was read from.
 */
public record ProfileAction(String profile, String name, ActionType type, String template,
                            OperatorInstructions operator, String source, boolean verified, String note) {

    /** {@code {name}}: a lower-case first letter, and not after {@code $}, so shell {@code ${VAR}} stays as it is. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([a-z][A-Za-z0-9]*)\\}");

    /** The placeholders of the template (for an operator action, of its instructions), in order of appearance. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The template (for an operator action, its instructions) with each {@code {name}} replaced by its value,
     * verbatim: the caller quotes values for the shell or SQL. @throws ProfileException naming the missing value
     */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new ProfileException("installer profile " + profile + ", action " + name + ": no value for {"
                        + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String text() {
        return type == ActionType.OPERATOR ? operator.instructions() : template;
    }
}
