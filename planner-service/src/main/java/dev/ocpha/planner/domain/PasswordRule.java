package dev.ocpha.planner.domain;

/**
 * OCP's password rule
 * (oceanbase/ocp-doc@V4.2.2:zh-CN/300.deployment-guide/200.deploying-community-ocp/500.deploy-ocp.md): 8–32 characters,
 * at least 3 of digits, upper, lower and specials.
 */
public final class PasswordRule {

    static final String RULE = "8–32 characters with at least 3 of: digits, upper-case, lower-case, specials";

    private PasswordRule() {
    }

    public static boolean weak(String password) {
        if (password.length() < 8 || password.length() > 32) {
            return true;
        }
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean special = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        int classes = (digit ? 1 : 0) + (upper ? 1 : 0) + (lower ? 1 : 0) + (special ? 1 : 0);
        return classes < 3;
    }
}
