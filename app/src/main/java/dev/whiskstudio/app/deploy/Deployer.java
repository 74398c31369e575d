package dev.whiskstudio.app.deploy;

import dev.whiskstudio.app.client.OpenWhiskClient;
import dev.whiskstudio.app.client.OpenWhiskException;
import dev.whiskstudio.app.workspace.project.Project;
import dev.whiskstudio.app.workspace.sync.StepWriter;
import dev.whiskstudio.app.workspace.targets.TargetEntry;
import okhttp3.Interceptor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Deploys to one target: {@link #preview} (reads only) then {@link #deploy} (writes what changed). Both block on the
 * network: run them off the FX thread. One client per deployer, its requests retried per the {@link RetryPolicy}
 * and by nothing else (OkHttp's own retry after a dropped connection is off: it would replay a feed's CREATE);
 * close it when done.
 */
public final class Deployer implements AutoCloseable {
    private final TargetEntry target;
    private final OpenWhiskClient client;
    /** What the retry waits consult; set for the duration of each call. */
    private volatile BooleanSupplier cancelled = () -> false;
    private String namespace;

    private Deployer(TargetEntry target, RetryPolicy policy, List<Interceptor> inner) {
        this.target = target;
        List<Interceptor> interceptors = new ArrayList<>();
        interceptors.add(new RetryInterceptor(policy, () -> cancelled.getAsBoolean()));
        interceptors.addAll(inner);
        this.client = new OpenWhiskClient(target.apiHost(), target.target().auth(), OpenWhiskClient.CONNECT_TIMEOUT,
                OpenWhiskClient.READ_TIMEOUT, interceptors, false);
    }

    public static Deployer open(TargetEntry target) {
        return open(target, RetryPolicy.DEFAULT, List.of());
    }

    /**
     * @param inner interceptors inside the retries (each sees every attempt), e.g. a test's request counter
     */
    public static Deployer open(TargetEntry target, RetryPolicy policy, List<Interceptor> inner) {
        return new Deployer(target, policy, inner);
    }

    public TargetEntry target() {
        return target;
    }

    /** The namespace written to: the target's, else the first the key opens (asked once). */
    public String namespace() throws IOException {
        if (namespace == null) {
            if (!TargetEntry.OWN_NAMESPACE.equals(target.namespaceOrDefault())) {
                namespace = target.namespaceOrDefault();
            } else {
                try {
                    List<String> all = client.namespaces();
                    if (all.isEmpty()) {
                        throw new IOException("The key opens no namespace on " + target.apiHost() + ".");
                    }
                    namespace = all.get(0);
                } catch (OpenWhiskException e) {
                    throw AuthFailure.orSame(e);
                }
            }
        }
        return namespace;
    }

    /**
     * What a deploy of {@code scope} would do, compared with what the target has.
     *
     * @param environment the process environment for {@code $VAR}s (it wins over the project's {@code .env})
     * @throws IllegalArgumentException when the scope names nothing in the project
     */
    public DeployPreview preview(Project project, DeployScope scope, Map<String, String> environment,
                                 BooleanSupplier cancel) throws IOException {
        cancelled = cancel == null ? () -> false : cancel;
        try {
            DeployPlan plan = DeployPlan.of(project, scope, namespace(), environment);
            return new PreviewBuilder(client, cancelled).build(target.name(), scope, plan);
        } finally {
            cancelled = () -> false;
        }
    }

    /** Sends what the preview says; extra entities are deleted only when {@code deleteExtra}. */
    public DeployResult deploy(DeployPreview preview, boolean deleteExtra, DeployListener listener,
                               BooleanSupplier cancel) {
        cancelled = cancel == null ? () -> false : cancel;
        try {
            return new DeployRun(client, new StepWriter(client, target.target().auth()))
                    .execute(preview, deleteExtra, listener, cancelled);
        } finally {
            cancelled = () -> false;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "Deployer[" + target + "]";
    }
}
