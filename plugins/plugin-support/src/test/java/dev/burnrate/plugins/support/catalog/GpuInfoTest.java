package dev.burnrate.plugins.support.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuInfoTest {

    @Test
    void parsesAwsPythonDictStrings() {
        // Verbatim from the AWS catalog slice (g5.12xlarge).
        String text = "{'Gpus': [{'Name': 'A10G', 'Manufacturer': 'NVIDIA', 'Count': 4, 'LogicalGpuCount': 4, "
                + "'GpuPartitionSize': 1.0, 'Workloads': ['graphics', 'ml-ai'], 'MemoryInfo': {'SizeInMiB': 22888}}], "
                + "'TotalGpuMemoryInMiB': 91552}";
        assertThat(GpuInfo.parse(text)).contains(new GpuInfo("A10G", "NVIDIA", 4, 22888));
    }

    @Test
    void parsesGcpMemoryOnlyAndAzurePlainNames() {
        assertThat(GpuInfo.parse("{'Gpus': [{'MemoryInfo': {'SizeInMiB': 81920}}]}"))
                .contains(new GpuInfo(null, null, 0, 81920));
        assertThat(GpuInfo.parse("H100")).contains(new GpuInfo("H100", null, 0, 0));
        assertThat(GpuInfo.parse("")).isEmpty();
    }

    @Test
    void pythonLiteralsCoverTheTypesCatalogsUse() {
        assertThat(PythonLiteral.parse("{'a': [1, 2.5, True, None, \"x\"], 'b': (False,)}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null, "x"), "b", List.of(false)));
        assertThatThrownBy(() -> PythonLiteral.parse("{'a': 1")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> GpuInfo.parse("{'Nope': 1}")).hasMessageContaining("no 'Gpus' list");
    }
}
