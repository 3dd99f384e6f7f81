package dev.burnrate.portal.provisioning.api;

import dev.burnrate.portal.api.ApiPage;
import dev.burnrate.portal.provisioning.ResourceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory: the caller's teams' resources (ADMIN and FINANCE: all). Owners and administrators stop and delete
 * them through the provider; that frees what is left of the request's budget reservation. A resource of a team the
 * caller may not see is answered as absent (404).
 */
@RestController
@RequestMapping(value = "/api/v1/resources", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Resources", description = "Provisioned resources: list, stop, delete")
public class ResourceController {

    private final ResourceService resources;

    public ResourceController(ResourceService resources) {
        this.resources = resources;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    @Operation(summary = "The resources of the caller's teams, newest first")
    public ApiPage<ResourceView> list(@RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        ApiPage.Request request = ApiPage.Request.of(page, size);
        return new ApiPage<>(resources.page(request.offset(), request.size()).stream()
                .map(ResourceView::of).toList(), request.page(), request.size(), resources.count());
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasAuthority('SCOPE_provision')")
    @Operation(summary = "Stop a resource (owner or administrator)")
    @ApiResponse(responseCode = "200", description = "Stopped")
    @ApiResponse(responseCode = "409", description = "The provider refused, or its plugin is not loaded")
    public ResourceView stop(@PathVariable String id) {
        visible(id);
        return ResourceView.of(resources.stop(id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_provision')")
    @Operation(summary = "Delete a resource at the provider (owner or administrator)")
    @ApiResponse(responseCode = "200", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The provider refused, or its plugin is not loaded")
    public ResourceView delete(@PathVariable String id) {
        visible(id);
        return ResourceView.of(resources.delete(id));
    }

    private void visible(String id) {
        if (resources.find(id).isEmpty()) {
            throw new NoSuchElementException("No resource " + id);
        }
    }
}
