package dev.burnrate.portal.audit;

/**
 * The result of checking the audit hash chain.
 *
 * @param intact        true when every entry's hash matches its content and links to its predecessor
 * @param entries       how many entries were checked
 * @param firstBrokenId the first entry that does not match, or null when intact
 * @param reason        what is wrong with that entry, or null when intact
 */
public record ChainStatus(boolean intact, long entries, Long firstBrokenId, String reason) {
}
