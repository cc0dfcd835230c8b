package io.hardhats.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers some requests itself, before any filter or error page (an encoded {@code /} or
 * {@code ..} in the path, a request line or header over its size limit), and its stock valve
 * writes an HTML page naming the server. This valve writes the API's error shape instead.
 */
public class ContainerErrorReportValve extends ErrorReportValve {

    private final ErrorResponseWriter errors;

    ContainerErrorReportValve(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(errors.json(ApiError.of(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body: nothing left to tell it.
        }
    }

    /**
     * Puts the valve on the host in place of the stock ones (Tomcat's, and the one Spring Boot
     * adds from its own context customizer), just before the host starts, when every customizer
     * has run. Naming its class as the host's error report valve keeps Tomcat from adding the
     * stock one back as it starts.
     */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        TomcatContextCustomizer containerErrorReports(ErrorResponseWriter errors) {
            return context -> {
                StandardHost host = (StandardHost) context.getParent();
                host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.getPipeline().addValve(new ContainerErrorReportValve(errors));
                    }
                });
            };
        }
    }
}
