package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.platform.installer.InstallerConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallerActionsTest {

    private static final InstallerProfiles SHIPPED = InstallerProfiles.load(Optional.empty());

    @Test
    void anUnverifiedAction_isRefusedNamingTheSettingUnlessTheOperatorAllowsIt() throws StepFailure {
        StepFailure refused = assertThrows(StepFailure.class,
                () -> actions(false).action("enterprise-4.2", "install-ocp"));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("is not backed by a public source"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ocpha.installer.allow-unverified=true"), refused.getMessage());
        assertFalse(actions(true).action("enterprise-4.2", "install-ocp").verified());
        assertTrue(actions(false).action("community-4.2", "install-ocp").verified());
    }

    @Test
    void aProfileOrActionTheExecutorDoesNotHave_failsTheStepNamingIt() {
        StepFailure profile = assertThrows(StepFailure.class, () -> actions(true).action("community-9.9", "load-image"));
        assertEquals("the step follows installer profile 'community-9.9', which this executor does not have (it has "
                + "community-4.2, enterprise-4.2; see ocpha.installer.profiles-dir)", profile.getMessage());
        StepFailure action = assertThrows(StepFailure.class, () -> actions(true).action("community-4.2", "registerMc"));
        assertTrue(action.getMessage().contains("has no action 'registerMc'"), action.getMessage());
    }

    private static InstallerActions actions(boolean allowUnverified) {
        return new InstallerActions(SHIPPED, new InstallerConfig() {
            @Override
            public Optional<Path> profilesDir() {
                return Optional.empty();
            }

            @Override
            public boolean allowUnverified() {
                return allowUnverified;
            }
        });
    }
}
