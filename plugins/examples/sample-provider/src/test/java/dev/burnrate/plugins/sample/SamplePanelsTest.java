package dev.burnrate.plugins.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burnrate.api.UiContribution;
import dev.burnrate.api.UiPanel;
import dev.burnrate.plugins.testkit.InMemoryPluginContext;
import dev.burnrate.plugins.testkit.UiContributionConformanceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The testkit's panel suite, plus the sample's capacity table following its settings. */
class SamplePanelsTest extends UiContributionConformanceTest {

    @Override
    protected UiContribution createContribution() {
        return new SamplePanels();
    }

    @Override
    protected void prepare(InMemoryPluginContext context) {
        context.withSetting("sold-out", "sample.large");
    }

    @Test
    void theCapacityTableShowsWhatIsSoldOut() {
        UiPanel.Table table = (UiPanel.Table) contribution.panels().getFirst();
        assertEquals(6, table.rows().size());
        assertEquals(List.of("sample.large", "sample-eu-ams", "SOLD_OUT"),
                table.rows().stream().filter(r -> r.getFirst().equals("sample.large")).findFirst().orElseThrow());
        assertEquals(List.of("sample.small", "sample-eu-ams", "AVAILABLE"), table.rows().getFirst());
    }
}
