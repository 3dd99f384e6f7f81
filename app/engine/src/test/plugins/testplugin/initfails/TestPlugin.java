package testplugin.initfails;

import org.pf4j.Plugin;

public class TestPlugin extends Plugin {
}
