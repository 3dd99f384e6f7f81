package dev.burnrate.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burnrate.cli.http.Json;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(Json.MAPPER.readTree(json));
    }

    @Test
    void equalContentGivesTheSameBytesWhateverKeyOrderAndNumberSpelling() {
        String a = canonical("{\"b\":1.50,\"a\":[{\"y\":2,\"x\":1E+1}],\"c\":\"t\"}");
        String b = canonical("{\"c\":\"t\",\"a\":[{\"x\":10.0,\"y\":2.000}],\"b\":1.5}");
        assertThat(a).isEqualTo(b).isEqualTo("""
                {
                  "a": [
                    {
                      "x": 10,
                      "y": 2
                    }
                  ],
                  "b": 1.5,
                  "c": "t"
                }
                """);
    }

    @Test
    void keepsArrayOrderExactDecimalsAndEscapes() {
        assertThat(canonical("[3,1,2]")).isEqualTo("[\n  3,\n  1,\n  2\n]\n");
        assertThat(canonical("{\"v\":0.1000000000000000055511151231257827,\"z\":-0.000}"))
                .contains("\"v\": 0.1000000000000000055511151231257827").contains("\"z\": 0");
        assertThat(canonical("{\"s\":\"q\\\"\\\\\\n\\u0001é\",\"e\":{},\"l\":[],\"n\":null,\"t\":true}"))
                .isEqualTo("{\n  \"e\": {},\n  \"l\": [],\n  \"n\": null,\n  \"s\": \"q\\\"\\\\\\n\\u0001é\",\n"
                        + "  \"t\": true\n}\n");
    }
}
