package dev.burnrate.portal.simulation;

import dev.burnrate.api.HardwareSpec;
import dev.burnrate.api.Offering;
import java.util.List;

/** The offerings and hardware specs the simulator may use, as the provider and hardware plugins publish them. */
public interface SimulationCatalog {

    /** An offering with the facts the candidate filter needs. */
    record Entry(Offering offering, String providerName, String jurisdiction) {
    }

    List<Entry> offerings();

    List<HardwareSpec> hardware();
}
