package dev.burnrate.portal.provisioning;

import dev.burnrate.api.ResourceState;

/**
 * One of the user's requests with the state of the resource it created, if any. PROVISIONED only says that the
 * provider created the resource; what happened to it since (stopped, deleted, failed) is the resource's lifecycle,
 * which the inventory tracks, so that is the state shown for a provisioned request: "My requests" and "Resources"
 * never disagree.
 *
 * @param resourceState the resource's state, or null when the request created none (yet)
 */
public record MyRequest(StoredRequest request, ResourceState resourceState) {

    /** The state to show: the resource's once the request is provisioned, else the request's. */
    public String displayedState() {
        return request.state() == RequestState.PROVISIONED && resourceState != null ? resourceState.name()
                : request.state().name();
    }
}
