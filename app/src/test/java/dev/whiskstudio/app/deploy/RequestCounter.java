package dev.whiskstudio.app.deploy;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every request a client sends ("PUT /api/v1/..."), to count writes. */
final class RequestCounter implements Interceptor {
    final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        requests.add(chain.request().method() + " " + chain.request().url().encodedPath());
        return chain.proceed(chain.request());
    }

    /** PUT, POST and DELETE requests: anything but a read. */
    List<String> writes() {
        return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    void reset() {
        requests.clear();
    }
}
