package dev.ocpha.lab.ocp;

/**
 * OCP's password rule
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/200.deploying-community-ocp/500.deploy-ocp.md): 8–32 characters,
 * at least 3 of digits, upper, lower and special.
 */
public final class PasswordRule {
    private static final String SPECIALS = "~!@#%^&*_-+=|(){}[]:;,.?/$`'\"<>\\";

    private PasswordRule() {
    }

    /** Null when {@code password} meets the rule, else what is wrong (never the password). */
    public static String problem(String password) {
        if (password.length() < 8 || password.length() > 32) {
            return "must have 8 to 32 characters, not " + password.length();
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(ch -> SPECIALS.indexOf(ch) >= 0) ? 1 : 0;
        return classes >= 3 ? null : "needs at least 3 of: digits, upper-case, lower-case, special characters";
    }
}
