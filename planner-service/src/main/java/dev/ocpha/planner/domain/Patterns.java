package dev.ocpha.planner.domain;

/**
 * Allow-list patterns for every topology string that ends up in a shell command, a file path, a container name or
 * a URL. Anything outside them is refused rather than quoted: quoting rules differ between the shells and tools the
 * values pass through.
 */
public final class Patterns {

    public static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    public static final String NAME_MESSAGE = "must be lower-case letters, digits and inner dashes";
    public static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?";
    public static final String LABEL_MESSAGE = "must be letters, digits and inner - or _";
    public static final String VERSION = "\\d{1,4}(\\.\\d{1,4}){2,3}(-[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*)?";
    public static final String VERSION_MESSAGE = "must be a version such as 4.2.2";
    public static final String MEDIA = "(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._-]*";
    public static final String MEDIA_MESSAGE = "must be a media file name (letters, digits, . _ -; no ..)";
    public static final String REF = "(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._/-]*";
    public static final String REF_MESSAGE = "must be a reference name (letters, digits, . _ / -; no leading /, no ..)";
    public static final String ADDRESS = "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?";
    public static final String ADDRESS_MESSAGE = "must be an IPv4 address or a DNS name";
    public static final String HOST_PORT = ADDRESS + "(:\\d{1,5})?";
    public static final String HOST_PORT_MESSAGE = "must be host or host:port (IPv4 address or DNS name)";
    /**
     * An OCP access address as {@code ocp.site.url} takes it: HTTP only, a port, no path or trailing {@code /}
     * (oceanbase/ocp-doc@V4.2.2 {@code zh-CN/1600.system-management-features/300.manage-system-parameter/
     * 300.ocp-configuration-parameters.md}).
     */
    public static final String SITE_URL = "http://" + ADDRESS + ":\\d{1,5}";
    public static final String SITE_URL_MESSAGE = "must be http://host:port (OCP's ocp.site.url: no https, no path, "
            + "no trailing /)";
    public static final String USER = "[a-z_][a-z0-9_-]*";
    public static final String USER_MESSAGE = "must be a Unix user name";

    private Patterns() {
    }
}
