package dev.burnrate.portal.placement;

import dev.burnrate.api.Offering;
import dev.burnrate.portal.provisioning.RequestDraft;

/**
 * A job to place: the request as the form (or the REST JobSpec) holds it, on the offering it names. That offering is
 * the reference: the job's work is its instances' throughput for the planned hours, and every other offering gets
 * as many instances as match that throughput (and finishes sooner or later in proportion to what it has).
 *
 * @param draft     the request (team, classification, tags, purchase option, hours ...), judged by the policies
 * @param reference the offering the draft names
 */
public record PlacementSpec(RequestDraft draft, Offering reference) {

    public PlacementSpec {
        if (draft == null || reference == null) {
            throw new IllegalArgumentException("a placement needs a request and the offering it names");
        }
    }
}
