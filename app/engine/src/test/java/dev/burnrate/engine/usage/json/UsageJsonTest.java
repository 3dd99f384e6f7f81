package dev.burnrate.engine.usage.json;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jackson as the engine sets it up must keep what the hand-written reader and writer it replaced did: the
 * expected texts below are that writer's output for the same values.
 */
class UsageJsonTest {

    @Test
    void writesTagsByteForByteAsTheFirstWriterDid() {
        Map<String, String> tags = new TreeMap<>(Map.of(
                "team", "ml \"core\"",
                "path", "C:\\data/x",
                "ctl", "a\nb\rc\td\be\ff\u0001g\u001fh\u007f",
                "uni", "Zürich ✓ \u2028"));

        assertThat(UsageJson.write(tags)).isEqualTo("{\"ctl\":\"a\\nb\\rc\\td\\u0008e\\u000cf\\u0001g\\u001fh\u007f\","
                + "\"path\":\"C:\\\\data/x\",\"team\":\"ml \\\"core\\\"\",\"uni\":\"Zürich ✓ \u2028\"}");
    }

    @Test
    void readsBackWhatItWrites() {
        Map<String, String> tags = new TreeMap<>(Map.of("a", "\b\f\u0000\"\\", "b", "plain"));
        assertThat(UsageJson.parseObject(UsageJson.write(tags))).isEqualTo(tags);
    }

    @Test
    void keepsKeyOrderAndTheDigitsOfNumbers() {
        Map<String, Object> m = UsageJson.parseObject(
                "{\"z\":1.50,\"b\":1e3,\"c\":+1,\"d\":01,\"e\":.5,\"f\":{\"x\":[1,true,null,\"q\\\"\"]},\"g\":-0}");
        Map<String, String> written = new LinkedHashMap<>();
        m.forEach((k, v) -> written.put(k, UsageJson.write(v)));

        // The first reader accepted +1, 01 and .5 and wrote numbers from BigDecimal: the same texts come out.
        assertThat(written).containsExactly(Map.entry("z", "1.50"), Map.entry("b", "1E+3"), Map.entry("c", "1"),
                Map.entry("d", "1"), Map.entry("e", "0.5"), Map.entry("f", "{\"x\":[1,true,null,\"q\\\"\"]}"),
                Map.entry("g", "0"));
    }

    @Test
    void saysWhatIsNotAnObject() {
        assertThatThrownBy(() -> UsageJson.parseObject("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON object but found an array at line 1, column 1");
        assertThatThrownBy(() -> UsageJson.parseObject(" null"))
                .hasMessage("expected a JSON object but found null at line 1, column 2");
        assertThatThrownBy(() -> UsageJson.parseObject(""))
                .hasMessageStartingWith("expected a JSON object but found nothing");
    }

    @Test
    void saysWhereTheTextIsMalformed() {
        assertThatThrownBy(() -> UsageJson.parseObject("{\"a\":1,}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at line 1, column 8");
        assertThatThrownBy(() -> UsageJson.parseObject("{\"a\" 1}"))
                .hasMessageContaining("expecting a colon").hasMessageContaining("at line 1, column 6");
        assertThatThrownBy(() -> UsageJson.parseObject("{\"a\":\"x"))
                .hasMessageContaining("end-of-input").hasMessageContaining("line 1");
        assertThatThrownBy(() -> UsageJson.parseObject("{\"a\":1} x"))
                .hasMessageContaining("at line 1, column 9");
        assertThatThrownBy(() -> UsageJson.parseObject("{\"a\":\"tab\there\"}"))
                .hasMessageContaining("CTRL-CHAR");
    }
}
