package dev.burnrate.portal.provisioning;

import java.util.List;

/**
 * One page of an approver's queue.
 *
 * @param items  the requests on this page, newest first
 * @param offset how many requests come before this page
 * @param total  how many requests wait for the user's verdict in all
 */
public record ApprovalQueuePage(List<PendingApproval> items, int offset, int total) {

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
