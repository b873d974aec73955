package dev.ocpha.executor.steps;

import dev.ocpha.contracts.StepKinds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every step kind this executor can run. */
@ApplicationScoped
public class StepCatalog {

    private final Map<String, Step> byKind;

    public StepCatalog(Instance<Step> steps) {
        this.byKind = steps.stream().collect(Collectors.toUnmodifiableMap(Step::kind, Function.identity()));
    }

    public Optional<Step> find(String kind) {
        return Optional.ofNullable(kind == null ? null : byKind.get(kind));
    }

    public List<String> kinds() {
        return byKind.keySet().stream().sorted().toList();
    }

    /** Unknown kinds count as not mutating: they fail at once without touching the host. */
    public boolean mutating(String kind) {
        return StepKinds.definition(kind).map(StepKinds.Definition::mutating).orElse(false);
    }
}
