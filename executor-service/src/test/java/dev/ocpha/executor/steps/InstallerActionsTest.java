package dev.ocpha.executor.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocpha.contracts.installer.ActionType;
import dev.ocpha.contracts.installer.InstallerProfiles;
import dev.ocpha.contracts.installer.ProfileAction;
import dev.ocpha.platform.installer.InstallerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallerActionsTest {

    private static final InstallerProfiles SHIPPED = InstallerProfiles.load(Optional.empty());
    /** With a site's own profile (src/test/resources/installer-profiles) whose install-ocp no public source backs. */
    private static final InstallerProfiles WITH_SITE = InstallerProfiles.load(
            Optional.of(Path.of("src/test/resources/installer-profiles")));

    @Test
    void anUnverifiedAction_isRefusedNamingTheSettingUnlessTheOperatorAllowsIt() throws StepFailure {
        StepFailure refused = assertThrows(StepFailure.class,
                () -> actions(WITH_SITE, false).action("site-enterprise-4.2", "install-ocp"));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("is not backed by a public source"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ocpha.installer.allow-unverified=true"), refused.getMessage());
        assertFalse(actions(WITH_SITE, true).action("site-enterprise-4.2", "install-ocp").verified());
        assertTrue(actions(SHIPPED, false).action("community-4.2", "install-ocp").verified());
    }

    @Test
    void theShippedEnterpriseProfile_installsOcpThroughOatsForm_asAnOperatorAction() throws StepFailure {
        ProfileAction install = actions(SHIPPED, false).action("enterprise-4.2", "install-ocp");
        assertEquals(ActionType.OPERATOR, install.type());
        assertEquals(List.of("probe-ocp-status", "probe-ocp-info"), install.operator().verify());
        assertTrue(install.source().contains("300.install-ocp-high-availability.md"), install.source());
    }

    @Test
    void aProfileOrActionTheExecutorDoesNotHave_failsTheStepNamingIt() {
        StepFailure profile = assertThrows(StepFailure.class, () -> actions(SHIPPED, true).action("community-9.9", "load-image"));
        assertEquals("the step follows installer profile 'community-9.9', which this executor does not have (it has "
                + "community-4.2, enterprise-4.2; see ocpha.installer.profiles-dir)", profile.getMessage());
        StepFailure action = assertThrows(StepFailure.class, () -> actions(SHIPPED, true).action("community-4.2", "registerMc"));
        assertTrue(action.getMessage().contains("has no action 'registerMc'"), action.getMessage());
    }

    private static InstallerActions actions(InstallerProfiles profiles, boolean allowUnverified) {
        return new InstallerActions(profiles, new InstallerConfig() {
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
