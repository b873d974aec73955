package dev.ocpha.planner.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature of a webhook request: {@code sha256=<hex HMAC-SHA256 over "<ce-id>.<ce-time>.<body>">}. */
public final class WebhookSignature {

    public static final String HEADER = "X-Ocpha-Signature";
    /** The {@code ce-time} that the signature covers. */
    public static final String TIMESTAMP_HEADER = "X-Ocpha-Timestamp";

    private static final String HMAC_SHA256 = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, String eventId, String time, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            byte[] digest = mac.doFinal((eventId + "." + time + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
