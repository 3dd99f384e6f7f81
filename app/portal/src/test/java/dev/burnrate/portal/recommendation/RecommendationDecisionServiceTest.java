package dev.burnrate.portal.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.burnrate.api.Recommendation;
import dev.burnrate.portal.audit.AuditService;
import dev.burnrate.portal.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;

/** A decision is stored for the recommendation's team only by someone who may act for it, once, and audited. */
class RecommendationDecisionServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final RecommendationDecisionRepository repository = mock(RecommendationDecisionRepository.class);
    private final AuditService audit = mock(AuditService.class);
    private final CurrentUser user = mock(CurrentUser.class);
    private final RecommendationDecisionService service = new RecommendationDecisionService(repository, audit, user,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final ShownRecommendation shown = new ShownRecommendation("(built-in)", "Idle resources",
            new Recommendation("idle:i-1", "inference", "Stop i-1", List.of("idle"), 500, 400, 600, "USD",
                    Recommendation.Risk.LOW, null), null);

    @Test
    void acceptingStoresTheShownSavingForTheTeamAndAuditsIt() {
        when(repository.teamId("inference")).thenReturn(Optional.of(7L));
        when(user.actor()).thenReturn("ada");
        when(repository.insert(7, "(built-in)", "idle:i-1", RecommendationDecision.Kind.ACCEPTED, "Stop i-1", 500,
                "USD", "ada", NOW)).thenReturn(42L);

        RecommendationDecision decision = service.decide(shown, RecommendationDecision.Kind.ACCEPTED);

        assertThat(decision.id()).isEqualTo(42);
        assertThat(decision.expectedMonthlySaving()).isEqualTo(500);
        verify(user).checkTeamAccess(7);
        verify(audit).record(eq("recommendation.accept"), eq("recommendation:inference/(built-in)/idle:i-1"),
                eq(null), any(Map.class));
    }

    @Test
    void someoneOutsideTheTeamCannotDecideAndNothingIsStored() {
        when(repository.teamId("inference")).thenReturn(Optional.of(7L));
        doThrow(new AccessDeniedException("not a member")).when(user).checkTeamAccess(7);

        assertThatThrownBy(() -> service.decide(shown, RecommendationDecision.Kind.DISMISSED))
                .isInstanceOf(AccessDeniedException.class);
        verify(repository, never()).insert(anyLong(), anyString(), anyString(), any(), anyString(), anyDouble(),
                anyString(), anyString(), any());
        verify(audit, never()).record(anyString(), anyString(), any(), any());
    }

    @Test
    void aSecondDecisionAboutTheSameRecommendationIsRefusedWithAClearMessage() {
        when(repository.teamId("inference")).thenReturn(Optional.of(7L));
        when(user.actor()).thenReturn("ada");
        when(repository.insert(anyLong(), anyString(), anyString(), any(), anyString(), anyDouble(), anyString(),
                anyString(), any())).thenThrow(new DataIntegrityViolationException("duplicate"));

        assertThatThrownBy(() -> service.decide(shown, RecommendationDecision.Kind.DISMISSED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already decided")
                .hasMessageContaining("Stop i-1");
        verify(audit, never()).record(anyString(), anyString(), any(), any());
    }

    @Test
    void aRealisedSavingIsRecordedOnlyForTheUsersTeamsAndAudited() {
        var accepted = new RecommendationDecision(42, 7, "inference", "(built-in)", "idle:i-1",
                RecommendationDecision.Kind.ACCEPTED, "Stop i-1", 500, "USD", "ada", NOW, null, null);
        when(repository.find(any())).thenReturn(List.of(accepted));
        when(repository.recordRealised(42, 480, NOW)).thenReturn(true);

        service.recordRealisedSaving(42, 480);
        verify(audit).record("recommendation.realised", "recommendation:inference/(built-in)/idle:i-1", null,
                "480.0 USD");

        assertThatThrownBy(() -> service.recordRealisedSaving(43, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No decision 43");
        assertThatThrownBy(() -> service.recordRealisedSaving(42, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
