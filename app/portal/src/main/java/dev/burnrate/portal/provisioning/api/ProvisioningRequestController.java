package dev.burnrate.portal.provisioning.api;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.provisioning.IdempotentSubmit;
import dev.burnrate.portal.provisioning.MyRequest;
import dev.burnrate.portal.provisioning.ProvisioningService;
import dev.burnrate.portal.provisioning.RequestLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provisioning requests: made as the provisioning form makes them (decided by the policies, stored, handed to the
 * provider when allowed), read, and cancelled while they wait for approval. Requests of teams the caller may not
 * see are answered as absent (404), so ids cannot be probed.
 */
@RestController
@RequestMapping(value = "/api/v1/provisioning/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Provisioning requests", description = "Request, track and cancel cloud resources")
public class ProvisioningRequestController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IdempotentSubmit submit;
    private final RequestLifecycle lifecycle;
    private final ProvisioningService provisioning;
    private final JobSpecs specs;

    public ProvisioningRequestController(IdempotentSubmit submit, RequestLifecycle lifecycle,
                                         ProvisioningService provisioning, JobSpecs specs) {
        this.submit = submit;
        this.lifecycle = lifecycle;
        this.provisioning = provisioning;
        this.specs = specs;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SCOPE_provision')")
    @Operation(summary = "Request a job's resources",
            description = "Decided by the policies as in the portal: DENIED, PENDING_APPROVAL, or APPROVED and handed"
                    + " to the provider. The Idempotency-Key names the request: a retry with the same key and body"
                    + " answers with the same request (200); the same key with another body is refused (422).")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "A retry: the request made first with this key")
    @ApiResponse(responseCode = "422", description = "The key was used before for a different body")
    public ResponseEntity<RequestView> create(
            @Parameter(description = "A new unique key per request, e.g. a UUID (1-200 printable ASCII characters)")
            @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @RequestBody JobSpec spec) {
        JobSpec normalized = specs.normalized(spec, null);
        IdempotentSubmit.Submitted submitted = submit.submit(idempotencyKey, JobSpecs.fingerprint(normalized),
                () -> specs.draft(normalized).draft());
        RequestView view = withReasons(lifecycle.find(submitted.request().id()).orElseThrow());
        return ResponseEntity.status(submitted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/provisioning/requests/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "One request, with its state")
    public RequestView get(@PathVariable String id) {
        return lifecycle.find(id).map(this::withReasons)
                .orElseThrow(() -> new NoSuchElementException("No request " + id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "The caller's and the caller's teams' requests, newest first")
    public ApiPage<RequestView> list(@RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        return new ApiPage<>(lifecycle.page(request.offset(), request.size()).stream()
                .map(RequestView::of).toList(), request.page(), request.size(), lifecycle.count());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('SCOPE_provision')")
    @Operation(summary = "Cancel a request that waits for approval",
            description = "Frees its budget reservation. Only the requester or an administrator may; a request in"
                    + " another state is a conflict (409).")
    @ApiResponse(responseCode = "200", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "The request does not wait for approval (any more)")
    public RequestView cancel(@PathVariable String id) {
        return withReasons(lifecycle.cancel(id));
    }

    private RequestView withReasons(MyRequest request) {
        return RequestView.of(request, provisioning.reasons(request.request().id()));
    }
}
