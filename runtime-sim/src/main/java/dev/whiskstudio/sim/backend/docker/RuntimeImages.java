package dev.whiskstudio.sim.backend.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.whiskstudio.plugin.RuntimeKind;
import dev.whiskstudio.plugin.RuntimeProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Builds runtime images from this machine and keeps them in the engine, one per runtime plugin: the tag is the
 * digest of the root file system, so an image is imported again only when the program or the proxy files change.
 * No registry is involved.
 */
public final class RuntimeImages {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeImages.class);

    /** Label on every image built here: the runtime plugin's id. */
    public static final String LABEL_RUNTIME = "whisk-studio.runtime";
    public static final String LABEL_KINDS = "whisk-studio.kinds";
    public static final String LABEL_PROGRAM = "whisk-studio.program";
    public static final String LABEL_DIGEST = "whisk-studio.rootfs-digest";
    private static final int TAG_LENGTH = 16;

    private final DockerEngine engine;
    private final String searchPath;
    private final Map<String, String> programByRuntime;
    /** Images known present in this run, by runtime id: the digest is computed once per run. */
    private final Map<String, RuntimeImage> ready = new ConcurrentHashMap<>();

    RuntimeImages(DockerEngine engine, String searchPath, Map<String, String> programByRuntime) {
        this.engine = engine;
        this.searchPath = searchPath;
        this.programByRuntime = Map.copyOf(programByRuntime);
    }

    /** The repository of a runtime's images. */
    public static String repository(RuntimeProvider provider) {
        return "whisk-studio/runtime-" + provider.id().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    /** The runtime's image, imported first if the engine does not have the current one. */
    RuntimeImage ensure(RuntimeProvider provider) throws IOException {
        RuntimeImage known = ready.get(provider.id());
        if (known != null) {
            return new RuntimeImage(known.reference(), known.programPath(), false);
        }
        synchronized (this) {
            known = ready.get(provider.id());
            if (known != null) {
                return new RuntimeImage(known.reference(), known.programPath(), false);
            }
            RuntimeImage image = build(provider);
            ready.put(provider.id(), image);
            return image;
        }
    }

    /** Forgets what this run knows, so the next {@link #ensure} looks again (the image was removed under us). */
    void forget(RuntimeProvider provider) {
        ready.remove(provider.id());
    }

    private RuntimeImage build(RuntimeProvider provider) throws IOException {
        String program = programByRuntime.getOrDefault(provider.id(), provider.id());
        RuntimeRootFs rootFs = RuntimeRootFs.collect(program, searchPath, provider.proxyFiles());
        String repository = repository(provider);
        String tag = rootFs.digest().substring(0, TAG_LENGTH);
        String reference = repository + ":" + tag;
        try {
            engine.client().inspectImageCmd(reference).exec();
            return new RuntimeImage(reference, rootFs.programPath(), false);
        } catch (NotFoundException absent) {
            // Built below.
        } catch (DockerException e) {
            throw new IOException("cannot inspect image " + reference + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        Path tar = Files.createTempFile("whisk-rootfs-", ".tar");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 20)) {
                rootFs.writeTar(out);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(LABEL_RUNTIME, provider.id());
            labels.put(LABEL_KINDS, provider.kinds().stream().map(RuntimeKind::kind).collect(Collectors.joining(",")));
            labels.put(LABEL_PROGRAM, rootFs.programPath());
            labels.put(LABEL_DIGEST, rootFs.digest());
            engine.importImage(tar, repository, tag, labels);
            LOG.info("Built runtime image {} ({} files, {} MB) in {} ms", reference, rootFs.filePaths().size(),
                    Files.size(tar) >> 20, (System.nanoTime() - started) / 1_000_000);
        } finally {
            Files.deleteIfExists(tar);
        }
        removeOlderImages(provider, reference);
        return new RuntimeImage(reference, rootFs.programPath(), true);
    }

    /** Removes this runtime's earlier images that no container uses any more. */
    private void removeOlderImages(RuntimeProvider provider, String current) {
        List<Image> images;
        try {
            images = engine.client().listImagesCmd().withLabelFilter(Map.of(LABEL_RUNTIME, provider.id())).exec();
        } catch (DockerException e) {
            LOG.debug("Cannot list older runtime images", e);
            return;
        }
        for (Image image : images) {
            String[] tags = image.getRepoTags() == null ? new String[0] : image.getRepoTags();
            if (Arrays.asList(tags).contains(current)) {
                continue;
            }
            try {
                engine.client().removeImageCmd(image.getId()).exec();
                LOG.info("Removed older runtime image {}", String.join(",", tags));
            } catch (ConflictException inUse) {
                LOG.debug("Older runtime image {} is still in use", image.getId());
            } catch (DockerException e) {
                LOG.debug("Cannot remove older runtime image {}", image.getId(), e);
            }
        }
    }
}
