package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burnrate.api.UiContribution;
import dev.burnrate.api.UiPanel;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class UiPanelConformanceTest {

    private static UiContribution contribution(String id, Supplier<List<UiPanel>> panels) {
        return new UiContribution() {
            @Override
            public List<UiPanel> panels() {
                return panels.get();
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return "Fake panels";
            }
        };
    }

    @Test
    void wellFormedPanelsPass() {
        var ok = contribution("fake", () -> List.of(
                new UiPanel.Table("prices", "Prices", List.of("Type", "USD/h"), List.of(List.of("small", "1.00"))),
                new UiPanel.Chart("trend", "Trend", UiPanel.ChartKind.LINE, "USD/h", List.of("Jan", "Feb"),
                        List.of(new UiPanel.Series("small", Arrays.asList(1.0, null)))),
                new UiPanel.Link("status", "Status", "Status page", URI.create("https://status.example.com"))));
        assertThat(UiPanelConformance.check(ok)).isEmpty();
    }

    @Test
    void duplicateIdsEmptyChartsNoPanelsAndThrowingPanelsAreViolations() {
        var dup = contribution("fake", () -> List.of(
                new UiPanel.SettingsLink("a", "Settings", "Set the API key"),
                new UiPanel.Chart("a", "Empty", UiPanel.ChartKind.BAR, "", List.of("x"), List.of())));
        assertThat(UiPanelConformance.check(dup)).extracting(Violation::rule)
                .containsExactlyInAnyOrder("unique-panel-id", "chart-has-series");
        assertThat(UiPanelConformance.check(contribution("fake", List::of))).extracting(Violation::rule)
                .containsExactly("has-panels");
        assertThat(UiPanelConformance.check(contribution("Bad Id", () -> {
            throw new IllegalStateException("boom");
        }))).extracting(Violation::rule).containsExactlyInAnyOrder("valid-id", "panels-answer");
    }

    @Test
    void panelRecordsRefuseMalformedShapes() {
        assertThatThrownBy(() -> new UiPanel.Table("t", "T", List.of("a", "b"), List.of(List.of("1"))))
                .hasMessageContaining("row 1 has 1 cells for 2 columns");
        assertThatThrownBy(() -> new UiPanel.Link("l", "L", "x", URI.create("javascript:alert(1)")))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new UiPanel.Table("Bad Id", "T", List.of("a"), List.of()))
                .hasMessageContaining("panel id");
        assertThatThrownBy(() -> new UiPanel.Chart("c", "C", UiPanel.ChartKind.BAR, "", List.of("a", "b"),
                List.of(new UiPanel.Series("s", List.of(1.0))))).hasMessageContaining("1 values for 2 categories");
    }
}
