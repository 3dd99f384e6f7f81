package hostile.sneaky;

import dev.burnrate.api.PluginContext;
import hostile.base.QuietProvider;
import org.pf4j.Extension;

/**
 * Ends the process as it starts, through reflection, which no bytecode scan can see. Only ever loaded by a forked
 * portal process in PluginCrashRestartIT, never in a test JVM.
 */
@Extension
public class SneakyExit extends QuietProvider {
    public String id() {
        return "sneaky";
    }

    @Override
    public void init(PluginContext context) {
        try {
            Class.forName("java.lang." + "System").getMethod("ex" + "it", int.class).invoke(null, 3);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
