package dev.burnrate.portal.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.portal.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupMappingTest {

    private final GroupMapping mapping = GroupMapping.parse(Map.of(
            "ml-engineers", "ROLE:ENGINEER, TEAM:ml-research",
            "vision", "role:engineer,team:vision",
            "finance-staff", "ROLE:FINANCE"));

    @Test
    void aUserGetsTheUnionOfTheirMappedGroups() {
        GroupMapping.Grant grant = mapping.resolve(List.of("vision", "ml-engineers", "finance-staff", "other")).orElseThrow();
        assertThat(grant.roles()).containsExactlyInAnyOrder(Role.ENGINEER, Role.FINANCE);
        assertThat(grant.teams()).containsExactly("ml-research", "vision");
    }

    @Test
    void noMappedGroupGrantsNothing() {
        assertThat(mapping.resolve(List.of("marketing"))).isEmpty();
        assertThat(mapping.resolve(List.of())).isEmpty();
    }

    @Test
    void typosInTheConfigurationAreRefusedNamingTheGroup() {
        assertThatThrownBy(() -> GroupMapping.parse(Map.of("ops", "ROLE:OPERATOR")))
                .hasMessageContaining("group 'ops'").hasMessageContaining("'OPERATOR' is not a role");
        assertThatThrownBy(() -> GroupMapping.parse(Map.of("ops", "TEAM:platform")))
                .hasMessageContaining("grants no role");
        assertThatThrownBy(() -> GroupMapping.parse(Map.of("ops", "ROLE:ADMIN,platform")))
                .hasMessageContaining("'platform' is neither");
        assertThatThrownBy(() -> GroupMapping.parse(Map.of("ops", "ROLE:ADMIN,TEAM:")))
                .hasMessageContaining("names no team");
    }

    @Test
    void groupsClaimMayBeAListOrOneString() {
        assertThat(BurnrateOidcUserService.groups(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(BurnrateOidcUserService.groups("a")).containsExactly("a");
        assertThat(BurnrateOidcUserService.groups(null)).isEmpty();
        assertThat(BurnrateOidcUserService.groups(Set.of())).isEmpty();
    }
}
