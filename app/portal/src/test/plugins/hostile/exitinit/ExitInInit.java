package hostile.exitinit;

import dev.burnrate.api.PluginContext;
import hostile.base.QuietProvider;
import org.pf4j.Extension;

/** Ends the portal as it starts. Never loaded: the bytecode scan refuses it, so this JVM survives the test. */
@Extension
public class ExitInInit extends QuietProvider {
    public String id() {
        return "exit-init";
    }

    @Override
    public void init(PluginContext context) {
        System.exit(0);
    }
}
