package dev.ocpha.contracts.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerProfilesTest {

    /** The public repositories and sites whose documents (or, for obd, code) the shipped profiles may cite. */
    private static final List<String> PUBLIC_SOURCES = List.of("oceanbase/ocp-doc@", "oceanbase/oceanbase-doc@",
            "oceanbase/obdeploy@", "oceanbase/docker-images@", "moby/moby@", "https://docs.docker.com/",
            "https://github.com/moby/moby/", "https://rpm-software-management.github.io/rpm/",
            "https://www.gnu.org/software/tar/manual/");

    private static final InstallerProfiles SHIPPED = InstallerProfiles.load(Optional.empty());

    @TempDir
    Path dir;

    @Test
    void everyShippedTemplate_namesAPublicSource_orShipsUnverifiedWithANote() {
        for (InstallerProfile profile : SHIPPED.all()) {
            for (ProfileAction action : profile.actions().values()) {
                String where = profile.id() + " " + action.name();
                if (action.verified()) {
                    assertTrue(PUBLIC_SOURCES.stream().anyMatch(action.source()::startsWith),
                            where + " cites " + action.source());
                    assertTrue(action.source().matches("[^ ]+\\.(md|py|yaml|sh)( .*)?|https://[^ ]+( .*)?"),
                            where + " cites a document path: " + action.source());
                } else {
                    assertFalse(action.note().isBlank(), where);
                }
            }
            profile.modes().values().stream().filter(m -> !m.supported()).forEach(m -> assertTrue(
                    PUBLIC_SOURCES.stream().anyMatch(m.source()::startsWith), profile.id() + " " + m.mode()));
        }
    }

    @Test
    void theCommunityEdition_refusesMultiClusterAndMultiAz_withTheEnterpriseOnlyNotice() {
        InstallerProfile community = SHIPPED.forEdition(Edition.COMMUNITY, "4.2.1");
        assertEquals("community-4.2", community.id());
        assertTrue(community.mode("SINGLE_NODE").supported());
        assertTrue(community.mode("MULTI_NODE").supported());
        for (String mode : List.of("MULTI_CLUSTER", "MULTI_AZ")) {
            ModeSupport refused = community.mode(mode);
            assertFalse(refused.supported(), mode);
            assertTrue(refused.reason().contains("only in OCP Enterprise Edition"), refused.reason());
            assertTrue(refused.source().startsWith("oceanbase/ocp-doc@V4.2.2:"), refused.source());
        }
        InstallerProfile enterprise = SHIPPED.forEdition(Edition.ENTERPRISE, "4.2.2");
        assertTrue(List.of("SINGLE_NODE", "MULTI_NODE", "MULTI_CLUSTER", "MULTI_AZ").stream()
                .allMatch(mode -> enterprise.mode(mode).supported()));
    }

    @Test
    void anEditionWithoutAProfileForTheVersion_isNamedWithWhatExists() {
        ProfileException e = assertThrows(ProfileException.class, () -> SHIPPED.forEdition(Edition.COMMUNITY, "4.3.0"));
        assertTrue(e.getMessage().contains("no installer profile for OCP 4.3.0 community edition"), e.getMessage());
        assertTrue(e.getMessage().contains("community-4.2 (community 4.2)"), e.getMessage());
        assertThrows(ProfileException.class, () -> SHIPPED.forEdition(Edition.COMMUNITY, "4.20.1"));
    }

    @Test
    void theAbstractBase_isNeverChosen_butItsActionsAreInherited() {
        assertTrue(SHIPPED.all().stream().noneMatch(p -> p.id().equals("oceanbase-4.2")));
        InstallerProfile community = SHIPPED.forEdition(Edition.COMMUNITY, "4.2.1");
        assertEquals(ActionType.SQL, community.action("bootstrap-metadb").type());
        assertEquals("community-4.2", community.action("bootstrap-metadb").profile());
        ProfileException e = assertThrows(ProfileException.class, () -> community.action("register-mc"));
        assertTrue(e.getMessage().contains("has no action 'register-mc'"), e.getMessage());
    }

    @Test
    void render_fillsEveryPlaceholder_leavesShellVariables_andNamesAMissingValue() {
        ProfileAction action = new ProfileAction("p", "a", ActionType.RUN, "echo {first} ${HOME} {second}", null,
                "https://docs.docker.com/x", true, null);
        assertEquals(List.of("first", "second"), List.copyOf(action.placeholders()));
        assertEquals("echo 'a b' ${HOME} $1", action.render(Map.of("first", "'a b'", "second", "$1")));
        ProfileException e = assertThrows(ProfileException.class, () -> action.render(Map.of("first", "x")));
        assertEquals("installer profile p, action a: no value for {second}", e.getMessage());
    }

    @Test
    void anOperatorsProfile_overridesAShippedAction_andMayAddAnUnverifiedOneWithANote() throws IOException {
        Files.writeString(dir.resolve("community-4.2.yaml"), """
                id: community-4.2
                edition: community
                ocpVersions: ["4.2"]
                extends: oceanbase-4.2
                modes:
                  SINGLE_NODE: {supported: true}
                actions:
                  install-ocp:
                    run: /opt/our-oat-automation/install-ocp {container}
                    verified: false
                    note: our own OAT automation
                """);
        InstallerProfile community = InstallerProfiles.load(Optional.of(dir)).forEdition(Edition.COMMUNITY, "4.2.1");
        ProfileAction install = community.action("install-ocp");
        assertFalse(install.verified());
        assertEquals("/opt/our-oat-automation/install-ocp ocp", install.render(Map.of("container", "ocp")));
        assertTrue(community.origin().endsWith("community-4.2.yaml"));
        assertTrue(community.action("start-observer").verified(), "the base's actions stay");
    }

    @Test
    void aProfileThatBreaksTheRules_isRefusedNamingTheFileTheActionAndTheRule() throws IOException {
        assertRefused("""
                id: mine
                edition: enterprise
                ocpVersions: ["4.2"]
                actions:
                  x: {run: "true"}
                """, "action x has no source");
        assertRefused("""
                id: mine
                edition: enterprise
                ocpVersions: ["4.2"]
                actions:
                  x: {run: "true", source: "see the wiki"}
                """, "not owner/repo@ref:path or an https URL");
        assertRefused("""
                id: mine
                edition: enterprise
                ocpVersions: ["4.2"]
                actions:
                  x: {run: "true", verified: false}
                """, "unverified action x needs a note");
        assertRefused("""
                id: mine
                edition: enterprise
                ocpVersions: ["4.2"]
                actions:
                  x: {run: "true", sql: "SELECT 1", source: "https://docs.docker.com/a"}
                """, "needs exactly one of run, sql, http, operator; it has [RUN, SQL]");
        assertRefused("""
                id: mine
                edition: enterprise
                ocpVersions: ["4.2"]
                actions:
                  x:
                    operator: {title: T, instructions: I, verify: [nowhere]}
                    source: https://docs.docker.com/a
                """, "verified by 'nowhere', which is no action of profile mine");
        assertRefused("""
                id: mine
                id: yours
                edition: enterprise
                ocpVersions: ["4.2"]
                """, "Duplicate field 'id'");
        assertRefused("""
                id: mine
                edition: enterprise
                ocpVersions: ["4.2"]
                modes:
                  MULTI_AZ: {supported: false}
                """, "mode MULTI_AZ is refused without a reason and a public source");
    }

    private void assertRefused(String yaml, String expected) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, yaml);
        ProfileException e = assertThrows(ProfileException.class, () -> InstallerProfiles.load(Optional.of(dir)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Files.delete(file);
    }
}
