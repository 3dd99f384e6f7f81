package testplugin.throwing;

import org.pf4j.Plugin;

public class TestPlugin extends Plugin {
}
