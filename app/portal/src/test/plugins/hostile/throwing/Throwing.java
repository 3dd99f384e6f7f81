package hostile.throwing;

import dev.burnrate.api.Offering;
import hostile.base.QuietProvider;
import java.util.List;
import org.pf4j.Extension;

/** Starts, then throws from offerings(), as a plugin with a bug does. */
@Extension
public class Throwing extends QuietProvider {
    public String id() {
        return "throwing";
    }

    @Override
    public List<Offering> offerings() {
        throw new IllegalStateException("price table corrupt");
    }
}
