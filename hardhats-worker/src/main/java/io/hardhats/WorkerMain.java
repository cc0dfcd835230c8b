package io.hardhats;

/** Entry point of the worker service (split deployment). */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        // The worker serves no HTTP, and with virtual threads every scheduler thread is a daemon:
        // without keep-alive the JVM would exit as soon as the application had started.
        if (System.getProperty("spring.main.keep-alive") == null) {
            System.setProperty("spring.main.keep-alive", "true");
        }
        HardhatsApplication.launch("worker", args);
    }
}
