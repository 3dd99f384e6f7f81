package dev.burnrate.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.cli.http.Json;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecReaderTest {

    private final SpecReader reader = new SpecReader();

    private JobSpec estimate(String yaml) {
        return reader.parse("job.yaml", yaml, SpecReader.Purpose.ESTIMATE);
    }

    private String error(String yaml, SpecReader.Purpose purpose) {
        try {
            reader.parse("job.yaml", yaml, purpose);
        } catch (SpecException e) {
            return e.render();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    private String error(String yaml) {
        return error(yaml, SpecReader.Purpose.ESTIMATE);
    }

    @Test
    void readsEveryFieldOfTheContract() {
        JobSpec spec = estimate("""
                kind: training
                team: ml-research
                project: llm-finetune
                name: finetune-7b
                provider: aws
                region: us-east-1
                accelerator: H100
                acceleratorCount: 16
                instanceType: p5.48xlarge
                hours: 72
                purchaseOption: SPOT
                checkpointing: true
                deadlineCritical: false
                dataClassification: internal
                encrypted: true
                privateNetwork: true
                tags: {cost-center: CC-0042, owner: eve}
                """);
        assertThat(spec).isEqualTo(new JobSpec("training", "ml-research", "llm-finetune", "finetune-7b", "aws",
                "us-east-1", "H100", 16, "p5.48xlarge", new BigDecimal("72"), "SPOT", true, false, "internal", true,
                true, Map.of("cost-center", "CC-0042", "owner", "eve")));
    }

    @Test
    void sendsOnlyTheFieldsTheFileGivesWithNumbersAsWritten() {
        JobSpec spec = estimate("accelerator: H100\nacceleratorCount: 8\nhours: 1.5\n");
        assertThat(Json.MAPPER.writeValueAsString(spec))
                .isEqualTo("{\"accelerator\":\"H100\",\"acceleratorCount\":8,\"hours\":1.5}");
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        assertThat(error("kind: training\n  accelerator: H100\n"))
                .isEqualTo("error: job.yaml:2:14: malformed YAML: mapping values are not allowed here");
        assertThat(error("kind: training\nteam: [ml-research\naccelerator: H100\n"))
                .startsWith("error: job.yaml:3:").contains("malformed YAML: while parsing a flow sequence");
    }

    @Test
    void unknownFieldsAreNamedWithANearMiss() {
        assertThat(error("accelerator: H100\nacceleratorcount: 8\n")).isEqualTo(
                "error: job.yaml:2:1: unknown field \"acceleratorcount\", did you mean \"acceleratorCount\"? "
                        + "(fields of a job spec: " + String.join(", ", SpecReader.FIELDS) + ")");
        assertThat(error("accelerator: H100\ngpus: 8\n")).startsWith("error: job.yaml:2:1: unknown field \"gpus\" (");
    }

    @Test
    void valuesOfTheWrongTypeNameFieldPositionAndValue() {
        assertThat(error("accelerator: H100\nacceleratorCount: sixteen\n"))
                .isEqualTo("error: job.yaml:2:19: acceleratorCount must be a whole number, not sixteen");
        assertThat(error("accelerator: H100\nacceleratorCount: 16.5\n"))
                .isEqualTo("error: job.yaml:2:19: acceleratorCount must be a whole number, not 16.5");
        assertThat(error("accelerator: H100\ncheckpointing: maybe\n"))
                .isEqualTo("error: job.yaml:2:16: checkpointing must be true or false, not maybe");
        assertThat(error("accelerator: H100\nhours: \"72\"\n"))
                .isEqualTo("error: job.yaml:2:8: hours must be a number, not \"72\" (quoted, so text)");
        assertThat(error("accelerator: H100\ntags: {owner: [a, b]}\n"))
                .isEqualTo("error: job.yaml:2:15: tags.owner must be a text value, not a list");
        assertThat(error("accelerator: [H100]\n"))
                .isEqualTo("error: job.yaml:1:14: accelerator must be a text value, not a list");
        assertThat(error("- accelerator: H100\n")).contains("a job spec is a mapping of fields");
    }

    @Test
    void yamlBooleansAndEmptyValuesReadAsYamlMeansThem() {
        JobSpec spec = estimate("accelerator: H100\ncheckpointing: yes\nencrypted: off\nteam:\ntags: {cc: 42}\n");
        assertThat(spec.checkpointing()).isTrue();
        assertThat(spec.encrypted()).isFalse();
        assertThat(spec.team()).isNull();
        assertThat(spec.tags()).containsEntry("cc", "42");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertThat(error("accelerator: H100\nteam: a\nteam: b\n"))
                .isEqualTo("error: job.yaml:3:1: field \"team\" is given twice");
        assertThat(error("accelerator: H100\ntags:\n  owner: a\n  owner: b\n"))
                .isEqualTo("error: job.yaml:4:3: tag \"owner\" is given twice");
    }

    @Test
    void allValueProblemsAreReportedAtOnce() {
        assertThat(error("kind: train\npurchaseOption: spot\nhours: 0\nacceleratorCount: 0\nteam: ' '\n"))
                .isEqualTo("""
                        error: job.yaml: the job spec has 6 problems
                          - team must not be empty
                          - kind must be one of training, inference, not "train"
                          - purchaseOption must be one of ON_DEMAND, SPOT, COMMITTED_1Y, COMMITTED_3Y, not "spot"
                          - acceleratorCount must be at least 1, not 0
                          - hours must be more than 0, not 0
                          - give an accelerator (a GPU or TPU type such as H100) or an instanceType""");
    }

    @Test
    void aPolicyCheckNeedsTeamAndRegionAnEstimateDoesNot() {
        String yaml = "accelerator: H100\nacceleratorCount: 8\n";
        assertThat(estimate(yaml).team()).isNull();
        assertThat(error(yaml, SpecReader.Purpose.CHECK)).contains("team is required for a policy check")
                .contains("region is required for a policy check");
    }

    @Test
    void anEmptyFileOrASecondDocumentIsRefused() {
        assertThat(error("  \n")).contains("the job spec is empty");
        assertThat(error("---\n")).contains("the job spec is empty");
        assertThat(error("accelerator: H100\n---\naccelerator: A100\n"))
                .contains("malformed YAML: expected a single document in the stream");
    }
}
