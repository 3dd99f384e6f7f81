package hostile.exitlater;

import dev.burnrate.api.Offering;
import hostile.base.QuietProvider;
import java.util.List;
import org.pf4j.Extension;

/** Would install cleanly and end the portal at the first catalog read. Never loaded: the scan refuses it. */
@Extension
public class ExitLater extends QuietProvider {
    public String id() {
        return "exit-later";
    }

    @Override
    public List<Offering> offerings() {
        Runtime.getRuntime().halt(0);
        return List.of();
    }
}
