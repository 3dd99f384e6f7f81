package testplugin.slowstart;

import org.pf4j.Plugin;

/** Never finishes starting, as a plugin that connects to a dead server in start() does. */
public class TestPlugin extends Plugin {
    @Override
    public void start() {
        try {
            Thread.sleep(3_600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
