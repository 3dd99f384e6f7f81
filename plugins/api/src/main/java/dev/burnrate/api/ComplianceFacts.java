package dev.burnrate.api;

/**
 * Compliance facts of a region, as the provider publishes them.
 *
 * @param gdprAdequate        personal data of EU residents may be processed here under GDPR without extra transfer
 *                            mechanisms (EU/EEA or a country with an adequacy decision)
 * @param hipaaEligible       the provider's compute services in this region are on its HIPAA-eligible list (a BAA
 *                            covers them)
 * @param encryptionAtRest    volumes and object storage can be encrypted at rest
 * @param encryptionInTransit traffic between instances and services can be encrypted in transit
 * @param privateNetworking   instances can run without public IPs inside a private network
 */
public record ComplianceFacts(boolean gdprAdequate, boolean hipaaEligible, boolean encryptionAtRest,
                              boolean encryptionInTransit, boolean privateNetworking) {
}
