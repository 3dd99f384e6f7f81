package testplugin.badrules;

import org.pf4j.Plugin;

public class TestPlugin extends Plugin {
}
