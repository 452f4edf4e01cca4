package devmin.analyzer;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;

/** A response observer that keeps what one call answered, so the analyzer can be driven without gRPC. */
class Recorded<T> implements StreamObserver<T> {

    final List<T> values = new ArrayList<>();
    Throwable error;
    boolean completed;

    @Override
    public void onNext(T value) {
        values.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
        completed = true;
    }

    /** The single answer of a call that succeeded. */
    T value() {
        if (error != null) {
            throw new AssertionError("the call failed: " + error);
        }
        if (values.size() != 1 || !completed) {
            throw new AssertionError("expected one value and completion, got " + values + " completed=" + completed);
        }
        return values.get(0);
    }

    /** The status of a call that failed without answering. */
    Status status() {
        if (!(error instanceof StatusRuntimeException e) || !values.isEmpty() || completed) {
            throw new AssertionError("expected a status error and no answer, got " + error + " / " + values);
        }
        return e.getStatus();
    }
}
