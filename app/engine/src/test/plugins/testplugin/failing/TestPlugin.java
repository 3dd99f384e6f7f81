package testplugin.failing;

import org.pf4j.Plugin;

/** Fails the way a plugin does when a resource it needs is missing. */
public class TestPlugin extends Plugin {
    @Override
    public void start() {
        throw new IllegalStateException("database unreachable");
    }
}
