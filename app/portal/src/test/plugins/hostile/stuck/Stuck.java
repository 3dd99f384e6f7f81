package hostile.stuck;

import dev.burnrate.api.Offering;
import hostile.base.QuietProvider;
import java.util.List;
import org.pf4j.Extension;

/** Starts, then never answers offerings(), as a plugin waiting on a dead remote API does. */
@Extension
public class Stuck extends QuietProvider {
    public String id() {
        return "stuck";
    }

    @Override
    public List<Offering> offerings() {
        try {
            Thread.sleep(3_600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }
}
