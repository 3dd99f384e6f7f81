package dev.burnrate.portal.support;

import dev.burnrate.api.InventoryItem;
import dev.burnrate.api.ProvisionRequest;
import dev.burnrate.api.ProvisioningException;
import dev.burnrate.api.ResourceState;
import dev.burnrate.api.ResourceStatus;
import dev.burnrate.api.UsageRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.Ordered;

/**
 * The test cloud with its resources in files, so they outlive a portal process that is killed: one properties file
 * per resource in {@code dir}. With {@code hangAfterCreate} a provision call creates the resource, writes
 * {@code <requestId>.hung} and never answers (the process is then killed). Takes precedence over the in-memory test
 * cloud beans.
 */
public class FileTestCloud extends SandboxTestProvider implements Ordered {

    private final Path dir;
    private final boolean hangAfterCreate;
    private final Clock clock;

    public FileTestCloud(Clock clock, Path dir, boolean hangAfterCreate) {
        super(clock);
        this.clock = clock;
        this.dir = dir;
        this.hangAfterCreate = hangAfterCreate;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public synchronized ResourceStatus provision(ProvisionRequest request) throws ProvisioningException {
        String id = "file-" + request.requestId();
        Properties existing = read(id);
        Properties resource = existing != null ? existing : new Properties();
        if (existing == null) {
            request.tags().forEach((k, v) -> resource.setProperty("tag." + k, v));
            resource.setProperty("state", ResourceState.RUNNING.name());
            resource.setProperty("since", clock.instant().toString());
            write(id, resource);
        }
        if (hangAfterCreate) {
            write(request.requestId() + ".hung", new Properties());
            hangUntilKilled();
        }
        return status(id, resource);
    }

    private static void hangUntilKilled() {
        for (long i = 0; i < Long.MAX_VALUE; i++) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // a stuck call ignores interrupts; only the kill ends it
            }
        }
    }

    @Override
    public synchronized ResourceStatus deprovision(String resourceId) throws ProvisioningException {
        Properties resource = require(resourceId);
        resource.setProperty("state", ResourceState.DELETED.name());
        resource.setProperty("since", clock.instant().toString());
        write(resourceId, resource);
        return status(resourceId, resource);
    }

    @Override
    public synchronized ResourceStatus status(String resourceId) throws ProvisioningException {
        return status(resourceId, require(resourceId));
    }

    @Override
    public List<UsageRecord> meter(String resourceId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public synchronized List<InventoryItem> inventory() {
        List<InventoryItem> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".resource")).toList()) {
                String id = file.getFileName().toString().replace(".resource", "");
                Properties resource = read(id);
                Map<String, String> tags = new TreeMap<>();
                resource.stringPropertyNames().stream().filter(k -> k.startsWith("tag."))
                        .forEach(k -> tags.put(k.substring(4), resource.getProperty(k)));
                items.add(new InventoryItem(status(id, resource), tags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    private static ResourceStatus status(String id, Properties resource) {
        return new ResourceStatus(id, ResourceState.valueOf(resource.getProperty("state")),
                Instant.parse(resource.getProperty("since")), "file test cloud");
    }

    private Properties require(String id) throws ProvisioningException {
        Properties resource = read(id);
        if (resource == null) {
            throw new ProvisioningException("no resource " + id);
        }
        return resource;
    }

    private Properties read(String id) {
        Path file = dir.resolve(id + ".resource");
        if (!Files.exists(file)) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, Properties content) {
        Path file = dir.resolve(name.endsWith(".hung") ? name : name + ".resource");
        Path temp = dir.resolve(name + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp)) {
            content.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
