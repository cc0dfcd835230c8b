package io.hardhats;

/** Entry point of the worker service (split deployment). */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        HardhatsApplication.launch("worker", args);
    }
}
