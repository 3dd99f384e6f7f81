package dev.burnrate.portal.provisioning;

import dev.burnrate.portal.security.CurrentUser;
import dev.burnrate.portal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Submits a request under a client's Idempotency-Key (the REST API): the key, per user, names the request id, so a
 * retry with the same key and the same body answers with the request made the first time, without deciding or
 * provisioning again; the same key with another body is refused. {@link ProvisioningService#submit} does the work.
 */
@Service
public class IdempotentSubmit {

    /** Printable ASCII without spaces, as clients generate keys (UUIDs, ULIDs, pipeline run ids). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** The request and whether it was made by an earlier call with the same key. */
    public record Submitted(StoredRequest request, boolean replayed) {
    }

    /** The key was used before for a different body; nothing was stored. */
    public static class KeyReused extends RuntimeException {
        public KeyReused(String key) {
            super("Idempotency-Key '" + key + "' was already used for a different request body; use a new key for"
                    + " a new request");
        }
    }

    private final ProvisioningService provisioning;
    private final IdempotencyKeyRepository keys;
    private final RequestRepository requests;
    private final CurrentUser currentUser;
    private final Clock clock;

    public IdempotentSubmit(ProvisioningService provisioning, IdempotencyKeyRepository keys,
                            RequestRepository requests, CurrentUser currentUser, Clock clock) {
        this.provisioning = provisioning;
        this.keys = keys;
        this.requests = requests;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * @param bodySha256 the hash of the body in a canonical form, to tell a retry from a different request
     * @param draft      builds the draft; not called for a retry of a recorded key (the catalog may have changed)
     */
    @RolesAllowed({Role.Names.ENGINEER, Role.Names.APPROVER, Role.Names.ADMIN})
    public Submitted submit(String key, String bodySha256, Supplier<RequestDraft> draft) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new DraftInvalid(List.of(new DraftInvalid.FieldError("Idempotency-Key",
                    "Use 1-200 printable ASCII characters without spaces, e.g. a UUID")));
        }
        String user = currentUser.requireUsername();
        var recorded = keys.find(user, key);
        if (recorded.isPresent()) {
            return replay(key, bodySha256, recorded.get());
        }
        String requestId = requestId(user, key);
        boolean existed = requests.find(requestId).isPresent();
        StoredRequest stored;
        try {
            stored = provisioning.submit(requestId, draft.get());
        } catch (DraftInvalid invalid) {
            // a call that stored the request but not its key (it failed in between) was made with another draft
            if (invalid.errors().stream().anyMatch(e -> e.field().equals("requestId"))) {
                throw new KeyReused(key);
            }
            throw invalid;
        }
        if (!keys.insert(user, key, bodySha256, requestId, clock.instant())) {
            return replay(key, bodySha256, keys.find(user, key).orElseThrow());
        }
        return new Submitted(stored, existed);
    }

    private Submitted replay(String key, String bodySha256, IdempotencyKeyRepository.StoredKey recorded) {
        if (!recorded.bodySha256().equals(bodySha256)) {
            throw new KeyReused(key);
        }
        return new Submitted(requests.find(recorded.requestId()).orElseThrow(), true);
    }

    /** The request id a user's key stands for: stable, and never the same for two users' keys. */
    static String requestId(String username, String key) {
        return "api-" + sha256(username + "\u0000" + key).substring(0, 40);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
