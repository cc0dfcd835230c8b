package io.hardhats;

/** Entry point of the web service (split deployment). */
public final class WebMain {

    private WebMain() {
    }

    public static void main(String[] args) {
        HardhatsApplication.launch("web", args);
    }
}
