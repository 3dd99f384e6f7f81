package dev.burnrate.plugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryPluginStateStoreTest {

    @Test
    void listsOnlyKeysWithThePrefixInKeyOrder() {
        var store = new InMemoryPluginStateStore();
        store.put("resource/b", "2");
        store.put("resource/a", "1");
        store.put("resourcex", "no");
        store.put("other/a", "no");

        assertThat(store.list("resource/")).containsExactly(
                org.assertj.core.api.Assertions.entry("resource/a", "1"),
                org.assertj.core.api.Assertions.entry("resource/b", "2"));
        store.delete("resource/a");
        assertThat(store.get("resource/a")).isEmpty();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void contextClockMovesOnlyWhenTold() {
        var context = new InMemoryPluginContext("p").withSetting("endpoint", "x");
        var before = context.clock().instant();
        context.clock().advance(Duration.ofMinutes(5));
        assertThat(Duration.between(before, context.clock().instant())).isEqualTo(Duration.ofMinutes(5));
        assertThat(context.setting("endpoint")).contains("x");
        assertThat(context.setting("missing")).isEmpty();
    }
}
