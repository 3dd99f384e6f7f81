package dev.burnrate.portal.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies so receivers can check they come from Burnrate and were not replayed: the header
 * {@code X-Burnrate-Signature: sha256=<hex>} is the HMAC-SHA256, keyed with the team's secret, of
 * {@code <timestamp>.<body>}, where the timestamp (epoch seconds) is sent as {@code X-Burnrate-Timestamp}.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Burnrate-Signature";
    public static final String TIMESTAMP_HEADER = "X-Burnrate-Timestamp";
    public static final String DELIVERY_HEADER = "X-Burnrate-Delivery";

    private WebhookSigner() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
