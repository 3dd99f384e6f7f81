package dev.burnrate.portal.support;

/** Base class for API tests: the shared demo portal (see {@link DemoPortalTestBase}), called over HTTP with tokens. */
public abstract class ApiTestBase extends DemoPortalTestBase {

    private ApiClient api;

    protected ApiClient api() {
        if (api == null) {
            api = new ApiClient(applicationContext, port);
        }
        return api;
    }
}
