package hostile.badsettings;

import dev.burnrate.api.PluginSetting;
import hostile.base.QuietProvider;
import java.util.List;
import org.pf4j.Extension;

/** Starts and answers its check calls, then throws from settings(), as a plugin with a bug does. */
@Extension
public class BadSettings extends QuietProvider {
    public String id() {
        return "badsettings";
    }

    @Override
    public List<PluginSetting> settings() {
        throw new IllegalStateException("settings table corrupt");
    }
}
