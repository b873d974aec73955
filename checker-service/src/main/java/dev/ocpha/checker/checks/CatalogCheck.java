package dev.ocpha.checker.checks;

/**
 * A check of the catalog with its name, where it runs and how much it weighs. {@link Scope#OBSERVER_HOSTS} are
 * OCP's host standardization items, meant for hosts that run OceanBase (MetaDB, MonitorDB); {@link Weight#TUNING}
 * is critical in production and a warning in the sandbox.
 */
public abstract class CatalogCheck implements HostCheck {

    public enum Scope { EVERY_HOST, OBSERVER_HOSTS }

    public enum Weight { CRITICAL, WARNING, TUNING }

    private final String name;
    private final Scope scope;
    private final Weight weight;

    protected CatalogCheck(String name, Scope scope, Weight weight) {
        this.name = name;
        this.scope = scope;
        this.weight = weight;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean appliesTo(CheckContext context) {
        return scope == Scope.EVERY_HOST || context.isObServerHost();
    }

    @Override
    public Severity severity(SizingProfile profile) {
        return switch (weight) {
            case CRITICAL -> Severity.CRITICAL;
            case WARNING -> Severity.WARNING;
            case TUNING -> profile.tuningSeverity();
        };
    }
}
